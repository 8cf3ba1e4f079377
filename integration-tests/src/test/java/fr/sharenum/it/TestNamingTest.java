package fr.sharenum.it;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
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
 * One naming style for tests, in every module: a test method is a sentence in snake_case
 * ({@code a_suspended_member_may_not_offer}). {@code .ci/snake-case-tests.py} renames what is left.
 */
class TestNamingTest {

    private static final Pattern ANNOTATION =
            Pattern.compile("@(Test|ParameterizedTest|RepeatedTest|TestFactory|Property|Example)\\b");
    private static final Pattern METHOD = Pattern.compile("\\bvoid\\s+([A-Za-z][A-Za-z0-9_]*)\\s*\\(");

    @Test
    void every_test_method_of_every_module_is_a_snake_case_sentence() throws IOException {
        Path root = Path.of("").toAbsolutePath().getParent();
        List<Path> sources = new ArrayList<>();
        try (Stream<Path> modules = Files.list(root)) {
            for (Path module : modules.toList()) {
                Path tests = module.resolve("src/test/java");
                if (Files.isDirectory(tests)) {
                    try (Stream<Path> files = Files.walk(tests)) {
                        files.filter(f -> f.toString().endsWith(".java")).forEach(sources::add);
                    }
                }
            }
        }
        assertThat(sources).as("test sources found under " + root).hasSizeGreaterThan(100);
        List<String> camel = new ArrayList<>();
        int checked = 0;
        for (Path source : sources) {
            boolean pending = false;
            for (String line : read(source)) {
                if (ANNOTATION.matcher(line).find()) {
                    pending = true;
                }
                Matcher m = METHOD.matcher(line);
                if (pending && m.find()) {
                    pending = false;
                    checked++;
                    if (!m.group(1).equals(m.group(1).toLowerCase(java.util.Locale.ROOT))) {
                        camel.add(root.relativize(source) + " " + m.group(1));
                    }
                }
            }
        }
        assertThat(checked).as("test methods checked").isGreaterThan(500);
        assertThat(camel).as("test methods not in snake_case; run .ci/snake-case-tests.py").isEmpty();
    }

    private static List<String> read(Path source) {
        try {
            return Files.readAllLines(source, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
