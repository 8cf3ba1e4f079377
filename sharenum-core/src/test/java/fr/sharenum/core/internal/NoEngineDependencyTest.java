package fr.sharenum.core.internal;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.Executable;
import java.lang.reflect.Method;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each workflow of {@code core.internal} is built from the narrow collaborators it uses (the unit of work, settings,
 * dispatcher, matching engine, catalogues…), wired in {@link Engine}'s constructor: no class of the package but
 * {@code Engine} itself receives the whole engine, through a constructor or a method.
 */
class NoEngineDependencyTest {

    /** Every class compiled into {@code fr.sharenum.core.internal} (not its sub-packages), nested ones included. */
    private static List<Class<?>> classesOfThePackage() throws IOException, URISyntaxException, ClassNotFoundException {
        Path dir = Path.of(Engine.class.getResource("Engine.class").toURI()).getParent();
        List<Class<?>> out = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.filter(x -> x.getFileName().toString().endsWith(".class")).sorted().toList()) {
                String simple = f.getFileName().toString().replaceFirst("\\.class$", "");
                out.add(Class.forName(Engine.class.getPackageName() + "." + simple, false,
                        Engine.class.getClassLoader()));
            }
        }
        return out;
    }

    private static boolean takesEngine(Executable e) {
        return Stream.of(e.getParameterTypes()).anyMatch(Engine.class::equals);
    }

    @Test
    void no_impl_constructor_takes_the_engine() throws Exception {
        List<Class<?>> impls = classesOfThePackage().stream().filter(c -> c.getSimpleName().endsWith("Impl")).toList();
        assertThat(impls).extracting(Class::getSimpleName)
                .contains("MembersImpl", "TicketsImpl", "EventsImpl", "AgendaImpl", "BusNumImpl", "HelpOffersImpl");
        List<String> offenders = new ArrayList<>();
        for (Class<?> c : impls) {
            for (Constructor<?> k : c.getDeclaredConstructors()) {
                if (takesEngine(k)) {
                    offenders.add(k.toGenericString());
                }
            }
        }
        assertThat(offenders).as("constructors receiving the whole Engine").isEmpty();
    }

    @Test
    void no_class_of_the_package_but_the_engine_takes_it() throws Exception {
        List<String> offenders = new ArrayList<>();
        for (Class<?> c : classesOfThePackage()) {
            if (c == Engine.class || c.getEnclosingClass() == Engine.class) {
                continue;
            }
            List<Executable> all = new ArrayList<>(List.of(c.getDeclaredConstructors()));
            for (Method m : c.getDeclaredMethods()) {
                if (!m.isSynthetic()) {
                    all.add(m);
                }
            }
            for (Executable e : all) {
                if (takesEngine(e)) {
                    offenders.add(e.toGenericString());
                }
            }
        }
        assertThat(offenders).as("constructors and methods receiving the whole Engine").isEmpty();
    }
}
