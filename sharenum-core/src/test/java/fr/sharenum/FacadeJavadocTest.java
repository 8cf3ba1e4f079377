package fr.sharenum;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every public facade method checks the access matrix, so its Javadoc says who it refuses: a
 * {@code @throws NotAllowedException}. The facades and their methods are those {@link AccessMatrixTest} enumerates;
 * each is matched to its Javadoc in the source by name and parameter names.
 */
class FacadeJavadocTest {

    /** A Javadoc comment followed by an abstract method declaration: (doc, name, parameters). */
    private static final Pattern DOCUMENTED = Pattern.compile(
            "/\\*\\*((?:(?!\\*/).)*)\\*/\\s*(?:@\\w+\\s*)*(?:<[^>]+>\\s+)?[\\w<>\\[\\], .?]+?\\s+(\\w+)\\(([^;{)]*)\\)\\s*[;{]",
            Pattern.DOTALL);

    /** The Javadoc of each method of a facade's source, by {@code name(param, …)}. */
    private static Map<String, String> javadocs(Class<?> facade) throws IOException {
        Path source = Path.of("src/main/java", facade.getName().replace('.', '/') + ".java");
        assertThat(source).isRegularFile();
        Map<String, String> out = new HashMap<>();
        Matcher m = DOCUMENTED.matcher(Files.readString(source, StandardCharsets.UTF_8));
        while (m.find()) {
            out.put(m.group(2) + "(" + parameterNames(m.group(3)) + ")", m.group(1));
        }
        return out;
    }

    /** The names in a parameter list written in source ({@code Set<A, B> as, Instant from} gives {@code as, from}). */
    private static String parameterNames(String params) {
        List<String> names = new ArrayList<>();
        int depth = 0;
        StringBuilder one = new StringBuilder();
        for (char c : (params + ",").toCharArray()) {
            if (c == '<') {
                depth++;
            } else if (c == '>') {
                depth--;
            }
            if (c == ',' && depth == 0) {
                String[] words = one.toString().trim().split("\\s+");
                if (!words[words.length - 1].isEmpty()) {
                    names.add(words[words.length - 1]);
                }
                one.setLength(0);
            } else {
                one.append(c);
            }
        }
        return String.join(", ", names);
    }

    private static String key(Method m) {
        return m.getName() + "(" + Stream.of(m.getParameters()).map(Parameter::getName).collect(Collectors.joining(", ")) + ")";
    }

    @Test
    void every_facade_method_documents_its_access_refusal() throws IOException {
        List<Method> methods = AccessMatrixTest.facadeMethods();
        assertThat(methods).hasSizeGreaterThan(50);
        Map<Class<?>, Map<String, String>> docs = new HashMap<>();
        List<String> undocumented = new ArrayList<>();
        List<String> noRefusal = new ArrayList<>();
        for (Method m : methods) {
            Class<?> facade = m.getDeclaringClass();
            Map<String, String> of = docs.get(facade);
            if (of == null) {
                of = javadocs(facade);
                docs.put(facade, of);
            }
            String doc = of.get(key(m));
            String where = facade.getSimpleName() + "." + key(m);
            if (doc == null) {
                undocumented.add(where);
            } else if (!doc.matches("(?s).*@throws\\s+(?:fr\\.sharenum\\.model\\.)?NotAllowedException\\b.*")) {
                noRefusal.add(where);
            }
        }
        assertThat(undocumented).as("facade methods whose Javadoc this test could not find").isEmpty();
        assertThat(noRefusal).as("facade methods without @throws NotAllowedException").isEmpty();
    }
}
