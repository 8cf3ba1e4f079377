package fr.sharenum;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Core's code names types by their simple names, imported: a fully qualified name written in code (comments and
 * strings apart) fails this test. {@code .ci/import-qualified-names.py sharenum-core/src/main/java} fixes them.
 */
class NoQualifiedNamesTest {

    private static final Pattern QUALIFIED = Pattern.compile("(?<![\\w.])(?:fr\\.sharenum|java|javax|jakarta|com\\.google"
            + "|com\\.fasterxml|org\\.slf4j|net\\.fortuna)(?:\\.[a-z_][a-z0-9_]*)*\\.[A-Z][A-Za-z0-9_]*\\b");
    private static final Pattern HEADER = Pattern.compile("(?m)^(?:package|import)\\s[^;]*;");

    @Test
    void core_code_writes_no_fully_qualified_names() throws IOException {
        Path root = Path.of("src/main/java");
        assertThat(root).isDirectory();
        List<String> found = new ArrayList<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path p : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                String name = p.getFileName().toString();
                if (name.equals("module-info.java") || name.equals("package-info.java")) {
                    continue;
                }
                String code = codeOnly(Files.readString(p, StandardCharsets.UTF_8));
                Matcher m = QUALIFIED.matcher(code);
                while (m.find()) {
                    int line = (int) code.substring(0, m.start()).chars().filter(c -> c == '\n').count() + 1;
                    found.add(root.relativize(p) + ":" + line + " " + m.group());
                }
            }
        }
        assertThat(found).as("qualified names in core's code; run .ci/import-qualified-names.py").isEmpty();
    }

    /** The text with comments, strings, char literals, package and import lines blanked (line breaks kept). */
    static String codeOnly(String text) {
        StringBuilder out = new StringBuilder(text.length());
        int i = 0;
        int n = text.length();
        while (i < n) {
            int end;
            if (text.startsWith("//", i)) {
                end = text.indexOf('\n', i);
                end = end < 0 ? n : end;
            } else if (text.startsWith("/*", i)) {
                end = text.indexOf("*/", i + 2);
                end = end < 0 ? n : end + 2;
            } else if (text.startsWith("\"\"\"", i)) {
                end = text.indexOf("\"\"\"", i + 3);
                end = end < 0 ? n : end + 3;
            } else if (text.charAt(i) == '"' || text.charAt(i) == '\'') {
                char quote = text.charAt(i);
                end = i + 1;
                while (end < n && text.charAt(end) != quote) {
                    end += text.charAt(end) == '\\' ? 2 : 1;
                }
                end = Math.min(n, end + 1);
            } else {
                out.append(text.charAt(i++));
                continue;
            }
            blank(text, i, end, out);
            i = end;
        }
        Matcher header = HEADER.matcher(out);
        StringBuilder code = new StringBuilder(out);
        while (header.find()) {
            for (int k = header.start(); k < header.end(); k++) {
                if (code.charAt(k) != '\n') {
                    code.setCharAt(k, ' ');
                }
            }
        }
        return code.toString();
    }

    private static void blank(String text, int from, int to, StringBuilder out) {
        for (int k = from; k < to; k++) {
            out.append(text.charAt(k) == '\n' ? '\n' : ' ');
        }
    }

    @Test
    void comments_strings_and_imports_are_not_code() {
        String source = "package a.b;\nimport java.util.List;\n/** {@link java.util.Map} */\nclass X {\n"
                + "  String s = \"java.util.Set\"; // java.util.Queue\n  java.util.Deque<String> d;\n}\n";
        Matcher m = QUALIFIED.matcher(codeOnly(source));
        assertThat(m.find()).isTrue();
        assertThat(m.group()).isEqualTo("java.util.Deque");
        assertThat(m.find()).isFalse();
    }
}
