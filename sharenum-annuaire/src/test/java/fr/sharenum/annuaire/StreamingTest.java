package fr.sharenum.annuaire;

import org.junit.jupiter.api.Test;

import java.io.Reader;

import static org.assertj.core.api.Assertions.assertThat;

/** The importer streams: when it hands an establishment it has read at most a buffer beyond that row. */
class StreamingTest {

    /** 300,000 rows of the compact header, made as they are read (about 24 MB of text). */
    private static final class Rows extends Reader {
        static final int ROWS = 300_000;
        private final StringBuilder pending = new StringBuilder(Fixtures.COMPACT_HEADER);
        private int next;
        long read;

        @Override
        public int read(char[] buf, int off, int len) {
            while (pending.length() < len && next < ROWS) {
                String seven = String.format("031%04d", next % 10_000);
                pending.append(seven).append(Uai_letter(seven)).append(";Collège numéro ").append(next)
                        .append(";Collège;31555;16;43.6;1.44;COLLEGE;OUVERT\n");
                next++;
            }
            if (pending.length() == 0) {
                return -1;
            }
            int n = Math.min(len, pending.length());
            pending.getChars(0, n, buf, off);
            pending.delete(0, n);
            read += n;
            return n;
        }

        private static char Uai_letter(String seven) {
            return fr.sharenum.model.Uai.checkLetter(seven);
        }

        @Override
        public void close() {
        }
    }

    @Test
    void each_establishment_is_handed_before_the_rest_of_the_input_is_read() {
        Rows rows = new Rows();
        long[] handed = new long[1];
        long[] worstLead = new long[1];

        ImportReport report = Fixtures.compact().build().importFrom(rows, e -> {
            handed[0]++;
            long lead = rows.read - handed[0] * 60;      // rows are about 60 characters
            worstLead[0] = Math.max(worstLead[0], lead);
        });

        // UAIs repeat every 10,000 rows: the repeats are rejected, the first 10,000 handed as read
        assertThat(report.rows()).isEqualTo(Rows.ROWS);
        assertThat(handed[0]).isEqualTo(10_000);
        assertThat(rows.read).isGreaterThan(15_000_000);
        assertThat(worstLead[0]).isLessThan(200_000);    // a 64 K buffer ahead, never the whole input
    }
}
