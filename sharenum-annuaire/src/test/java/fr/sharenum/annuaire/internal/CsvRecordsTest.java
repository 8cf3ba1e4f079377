package fr.sharenum.annuaire.internal;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CsvRecordsTest {

    /** Hands the text one character per read when asked, so every field crosses a buffer boundary. */
    private static Reader reader(String text, boolean trickle) {
        StringReader in = new StringReader(text);
        return !trickle ? in : new Reader() {
            @Override
            public int read(char[] cbuf, int off, int len) throws IOException {
                return in.read(cbuf, off, Math.min(1, len));
            }

            @Override
            public void close() {
            }
        };
    }

    private static List<String> all(CsvRecords r) throws IOException {
        List<String> out = new ArrayList<>();
        while (r.next()) {
            out.add(r.line() + "-" + r.endLine() + (r.unterminated() ? "!" : "") + ":" + r.fields());
        }
        return out;
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void fields_quotes_line_breaks_and_lines(boolean trickle) throws IOException {
        String text = "a;b;c\r\n"
                + "\n"
                + "\"x;y\";\"he said \"\"hi\"\"\";\"two\nlines\"\n"
                + ";;\r"
                + "last;\"q\"tail;";

        assertThat(all(new CsvRecords(reader(text, trickle), ';'))).containsExactly(
                "1-1:[a, b, c]",
                "3-4:[x;y, he said \"hi\", two\nlines]",
                "5-5:[, , ]",
                "6-6!:[last, qtail, ]");
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void unwanted_columns_are_counted_not_kept(boolean trickle) throws IOException {
        CsvRecords r = new CsvRecords(reader("a;\"b;b\";c;d\n", trickle), ';');
        r.wanted(new boolean[] {false, true});

        assertThat(r.next()).isTrue();
        assertThat(r.size()).isEqualTo(4);
        assertThat(r.fields()).containsExactly(null, "b;b", null, null);
        assertThat(r.get(9)).isNull();
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void a_quote_never_closed_names_its_line(boolean trickle) {
        CsvRecords r = new CsvRecords(reader("a;b\nc;\"never\nclosed", trickle), ';');

        assertThatThrownBy(() -> all(r)).isInstanceOfSatisfying(CsvRecords.UnterminatedQuoteException.class,
                e -> assertThat(e.line()).isEqualTo(2));
    }
}
