package fr.sharenum.model;

import fr.sharenum.spi.NotificationFailedException;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.Modifier;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.jar.JarFile;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every refusal of the SPI has a stable code and a message in French and in English from the bundles: the concrete
 * {@link ShareNumException} subclasses of {@code fr.sharenum.model} and {@code fr.sharenum.spi} are found by
 * scanning the packages, and each must appear among the samples below (a new subclass without a sample fails), each
 * sample's code must be in both bundles, and both bundles must hold the same keys.
 */
class ExceptionMessagesTest {

    /** One refusal of each kind, by each constructor that sets a code. */
    static List<ShareNumException> samples() {
        List<ShareNumException> s = new ArrayList<>(List.of(
                new NotAllowedException("no"),
                new NotFoundException("ticket", "t-1"),
                new DuplicateException("member m-1 exists"),
                new InvalidValueException("radiusKm", "must be between 1 and 200 km, was 500"),
                new InvalidUaiException("checksum"),
                new EmailNotAllowedException("gmail.com is not an academic domain"),
                new IllegalTransitionException("ticket T1", "DONE", "OPEN"),
                new LimitExceededException("5 tickets a day"),
                new TrainingsFirstException(List.of(new Training("PAF-1", "Capytale", TrainingKind.PAF_SESSION, Academie.DIJON,
                        Set.of(ToolId.of("capytale")), Instant.parse("2026-03-20T13:00:00Z"), Instant.parse("2026-03-20T16:00:00Z"),
                        "Dijon", null))),
                new VerificationFailedException("token expired"),
                new VersionConflictException("member", "m-1", 1, 2),
                new VersionConflictException("unique index"),
                new BusBookingException(BusId.of("busnum-21"), BusBookingException.Reason.OUT_OF_RANGE, "too far", null),
                new MemberNotVerifiedException(MemberId.of("m-1")),
                new NotificationFailedException("smtp down", false)));
        for (String key : keys(Locale.FRENCH)) {
            if (key.startsWith("access.")) {
                s.add(NotAllowedException.access(key, "a", "b", "c", "d"));
            }
        }
        return s;
    }

    @Test
    void every_subclass_of_the_spi_has_a_sample() throws Exception {
        Set<String> found = new TreeSet<>();
        for (String name : classesOf("fr/sharenum/model/", "fr/sharenum/spi/")) {
            Class<?> c = Class.forName(name, false, getClass().getClassLoader());
            if (ShareNumException.class.isAssignableFrom(c) && !Modifier.isAbstract(c.getModifiers())) {
                found.add(c.getName());
            }
        }
        Set<String> sampled = new TreeSet<>();
        samples().forEach(e -> sampled.add(e.getClass().getName()));
        assertThat(found).contains(NotFoundException.class.getName(), NotificationFailedException.class.getName());
        assertThat(sampled).as("add a sample of each new ShareNumException to samples()").containsAll(found);
    }

    @Test
    void every_code_reads_in_french_and_in_english() {
        for (ShareNumException e : samples()) {
            String fr = e.message(Locale.FRENCH);
            String en = e.message(Locale.ENGLISH);
            assertThat(e.code()).as(e.getClass().getSimpleName()).matches("[a-z]+([.-][a-z]+)*");
            assertThat(e.translated()).as("%s: code %s in the bundles", e.getClass().getSimpleName(), e.code()).isTrue();
            assertThat(fr).as(e.code()).isNotBlank().doesNotStartWith(e.code() + " [").doesNotContain("{").isNotEqualTo(en);
            assertThat(en).as(e.code()).isNotBlank().doesNotStartWith(e.code() + " [").doesNotContain("{");
            assertThat(e.message(Locale.GERMAN)).isEqualTo(fr);
        }
        assertThat(new NotFoundException("ticket", "t-1").message(Locale.FRENCH)).isEqualTo("Aucun élément « ticket » n'a l'identifiant t-1.");
        assertThat(new NotFoundException("ticket", "t-1").message(Locale.ENGLISH)).isEqualTo("No ticket has the id t-1.");
        assertThat(new NotFoundException("ticket", "t-1").getMessage()).isEqualTo("no ticket with id t-1");   // the library's words, kept
    }

    @Test
    void a_code_the_bundles_do_not_know_keeps_its_words() {
        ShareNumException own = new ShareNumException("host.own-refusal", "refusé par l'hôte") { };
        assertThat(own.translated()).isFalse();
        assertThat(own.message(Locale.ENGLISH)).isEqualTo("refusé par l'hôte");
    }

    @Test
    void both_bundles_hold_the_same_keys() {
        assertThat(keys(Locale.ENGLISH)).isEqualTo(keys(Locale.FRENCH));
    }

    private static Set<String> keys(Locale locale) {
        String file = "messages_" + locale.getLanguage() + ".properties";
        try (InputStream in = ShareNumException.class.getResourceAsStream(file)) {
            Properties p = new Properties();
            p.load(new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.UTF_8));
            return new TreeSet<>(p.stringPropertyNames());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The classes directly in these packages of the SPI (its classes directory or its jar). */
    private static List<String> classesOf(String... packages) throws IOException, URISyntaxException {
        Path where = Path.of(ShareNumException.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        List<String> names = new ArrayList<>();
        if (Files.isDirectory(where)) {
            for (String p : packages) {
                try (Stream<Path> files = Files.list(where.resolve(p))) {
                    files.map(f -> p + f.getFileName()).forEach(names::add);
                }
            }
        } else {
            try (JarFile jar = new JarFile(where.toFile())) {
                jar.stream().map(java.util.jar.JarEntry::getName)
                        .filter(n -> Stream.of(packages).anyMatch(p -> n.startsWith(p) && n.indexOf('/', p.length()) < 0))
                        .forEach(names::add);
            }
        }
        return names.stream().filter(n -> n.endsWith(".class") && !n.endsWith("module-info.class"))
                .map(n -> n.substring(0, n.length() - 6).replace('/', '.')).toList();
    }
}
