package fr.sharenum.annuaire;

import fr.sharenum.annuaire.AnnuaireImportException.Code;
import fr.sharenum.annuaire.Fixtures.Collected;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Files in another encoding than UTF-8: the line, the bytes and the likely encoding are named, and nothing is lost. */
class EncodingTest {

    private static final Path LATIN1 = Fixtures.path("annuaire-2024-latin1.csv");
    private static final Path ONE_LATIN1_ROW = Fixtures.path("annuaire-2024-one-latin1-row.csv");

    @TempDir
    Path dir;

    @Test
    void a_latin1_file_is_refused_naming_the_line_the_bytes_and_the_likely_encoding() throws Exception {
        Collected imported = new Collected();
        AnnuaireImporter utf8 = AnnuaireImporter.builder().build();

        assertThatThrownBy(() -> utf8.importFile(LATIN1, imported))
                .isInstanceOfSatisfying(AnnuaireImportException.class, e -> {
                    assertThat(e.kind()).isEqualTo(Code.ENCODING);
                    assertThat(e.line()).hasValue(2);
                    assertThat(e.handed()).isZero();
                })
                .hasMessageContaining("n'est pas en UTF-8 : ligne 2, octets 0xE8")
                .hasMessageContaining("« è » en Windows-1252")
                .hasMessageContaining("encodage probable : ISO-8859-1 (Latin-1) ou Windows-1252")
                .hasMessageContaining("charset(Charset.forName(\"ISO-8859-1\"))");
        try (InputStream in = Files.newInputStream(LATIN1)) {
            assertThatThrownBy(() -> utf8.importFrom(in, imported)).isInstanceOfSatisfying(AnnuaireImportException.class,
                    e -> {
                        assertThat(e.kind()).isEqualTo(Code.ENCODING);
                        assertThat(e.line()).hasValue(2);
                        assertThat(e.handed()).isZero();
                    });
        }
        assertThat(imported.list).isEmpty();
    }

    @Test
    void with_its_charset_declared_the_latin1_file_imports() {
        Collected imported = new Collected();

        ImportReport report = AnnuaireImporter.builder().charset(StandardCharsets.ISO_8859_1).build()
                .importFile(LATIN1, imported);

        assertThat(report.rejected()).isEmpty();
        assertThat(imported.list).extracting(e -> e.name())
                .containsExactly("Collège Émile Zola", "Collège Françoise Dolto", "Collège Henri Matisse");
    }

    @Test
    void one_latin1_row_in_a_utf8_file_is_rejected_alone_and_nothing_else_is_lost() throws Exception {
        Collected imported = new Collected();

        ImportReport report = AnnuaireImporter.builder().build().importFile(ONE_LATIN1_ROW, imported);

        assertThat(imported.list).extracting(e -> e.name())
                .containsExactly("Collège Émile Zola", "Collège Françoise Dolto", "Collège Léon Blum");
        assertThat(report.rejected()).singleElement().satisfies(r -> {
            assertThat(r.code()).isEqualTo(Rejection.Code.ENCODING);
            assertThat(r.line()).isEqualTo(4);
            assertThat(r.uai()).isEqualTo("0316012S");
            assertThat(r.reason()).contains("0xE8").contains("ISO-8859-1 (Latin-1) ou Windows-1252");
        });
        Collected streamed = new Collected();
        try (InputStream in = Files.newInputStream(ONE_LATIN1_ROW)) {
            assertThat(AnnuaireImporter.builder().build().importFrom(in, streamed)).isEqualTo(report);
        }
        assertThat(streamed.list).isEqualTo(imported.list);
    }

    @Test
    void one_latin1_row_refuses_a_strict_import_before_anything_is_handed() throws Exception {
        Collected imported = new Collected();
        AnnuaireImporter strict = AnnuaireImporter.builder().strict(true).build();

        assertThatThrownBy(() -> strict.importFile(ONE_LATIN1_ROW, imported))
                .isInstanceOfSatisfying(AnnuaireImportException.class, e -> {
                    assertThat(e.kind()).isEqualTo(Code.INVALID_ROW);
                    assertThat(e.line()).hasValue(4);
                    assertThat(e.rejection()).hasValueSatisfying(r -> assertThat(r.code()).isEqualTo(Rejection.Code.ENCODING));
                    assertThat(e.handed()).isZero();
                });
        try (InputStream in = Files.newInputStream(ONE_LATIN1_ROW)) {
            assertThatThrownBy(() -> strict.importFrom(in, imported)).isInstanceOf(AnnuaireImportException.class);
        }
        assertThat(imported.list).isEmpty();
    }

    @Test
    void a_reader_that_decodes_badly_is_caught_by_its_replacement_characters_or_its_failure() throws Exception {
        Collected imported = new Collected();
        try (Reader lenientDecoder = new InputStreamReader(Files.newInputStream(ONE_LATIN1_ROW), StandardCharsets.UTF_8)) {
            ImportReport report = AnnuaireImporter.builder().build().importFrom(lenientDecoder, imported);
            assertThat(report.rejected()).singleElement().satisfies(r -> {
                assertThat(r.code()).isEqualTo(Rejection.Code.ENCODING);
                assertThat(r.line()).isEqualTo(4);
                assertThat(r.reason()).contains("U+FFFD");
            });
        }
        try (Reader strictDecoder = Files.newBufferedReader(ONE_LATIN1_ROW, StandardCharsets.UTF_8)) {
            assertThatThrownBy(() -> AnnuaireImporter.builder().build().importFrom(strictDecoder, new Collected()))
                    .isInstanceOfSatisfying(AnnuaireImportException.class, e -> assertThat(e.kind()).isEqualTo(Code.ENCODING))
                    .hasMessageContaining("ISO-8859-1");
        }
    }

    @Test
    void a_utf16_file_is_named_as_such() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.write(0xFF);
        bytes.write(0xFE);
        bytes.write(Files.readString(Fixtures.path("annuaire-2026.csv")).getBytes(StandardCharsets.UTF_16LE));
        Path utf16 = dir.resolve("utf16.csv");
        Files.write(utf16, bytes.toByteArray());

        assertThatThrownBy(() -> AnnuaireImporter.builder().build().importFile(utf16, new Collected()))
                .isInstanceOfSatisfying(AnnuaireImportException.class, e -> {
                    assertThat(e.kind()).isEqualTo(Code.ENCODING);
                    assertThat(e.line()).hasValue(1);
                })
                .hasMessageContaining("encodage probable : UTF-16");
    }
}
