package fr.sharenum.it;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The module graph, enforced on the compiled classes of every module:
 * {@code sharenum-spi} ← {@code sharenum-core} ; {@code sharenum-geo} implements the SPI without
 * knowing core; the Spring Boot starter sits on top, on public APIs only; {@code sharenum-http} calls only the
 * public API and nothing but the benchmarks call it; nothing depends on {@code examples} or {@code benchmarks};
 * internals stay internal.
 */
class ModuleGraphTest {

    private static final String SPI = "fr.sharenum.spi..";
    private static final String MODEL = "fr.sharenum.model..";
    private static final String CORE = "fr.sharenum";
    private static final String CORE_INTERNAL = "fr.sharenum.core..";
    private static final String GEO = "fr.sharenum.geo..";
    private static final String TCK = "fr.sharenum.tck..";
    private static final String ANNUAIRE = "fr.sharenum.annuaire..";
    private static final String JSON = "fr.sharenum.json..";
    private static final String WEBHOOK = "fr.sharenum.webhook..";
    private static final String MAIL = "fr.sharenum.mail..";
    private static final String JDBC = "fr.sharenum.jdbc..";
    private static final String SPRING = "fr.sharenum.spring..";
    private static final String HTTP = "fr.sharenum.http..";
    private static final String POSTGIS = "fr.sharenum.postgis..";
    private static final String EXAMPLES = "fr.sharenum.examples..";
    private static final String BENCHMARKS = "fr.sharenum.benchmarks..";
    private static final String SIMULATION = "fr.sharenum.simulation..";

    private static JavaClasses classes;

    @BeforeAll
    static void importAll() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("fr.sharenum");
    }

    @Test
    void every_module_is_imported() {
        for (String pkg : new String[] {"fr.sharenum.model", "fr.sharenum.spi", "fr.sharenum", "fr.sharenum.core.internal",
                "fr.sharenum.geo", "fr.sharenum.tck", "fr.sharenum.annuaire", "fr.sharenum.json", "fr.sharenum.webhook", "fr.sharenum.mail", "fr.sharenum.jdbc", "fr.sharenum.spring.boot", "fr.sharenum.http", "fr.sharenum.postgis", "fr.sharenum.examples", "fr.sharenum.benchmarks", "fr.sharenum.simulation"}) {
            assertThat(classes.containPackage(pkg)).as(pkg).isTrue();
        }
    }

    @Test
    void the_spi_depends_on_nothing_but_the_jdk() {
        classes().that().resideInAnyPackage(SPI, MODEL)
                .should().onlyDependOnClassesThat().resideInAnyPackage(SPI, MODEL, "java..")
                .check(classes);
    }

    @Test
    void core_never_imports_geo() {
        noClasses().that().resideInAnyPackage(CORE, CORE_INTERNAL)
                .should().dependOnClassesThat().resideInAnyPackage(GEO)
                .check(classes);
    }

    @Test
    void geo_knows_only_the_spi() {
        noClasses().that().resideInAnyPackage(GEO)
                .should().dependOnClassesThat().resideInAnyPackage(CORE, CORE_INTERNAL, TCK)
                .check(classes);
    }

    @Test
    void the_tck_knows_only_the_spi() {
        noClasses().that().resideInAnyPackage(TCK)
                .should().dependOnClassesThat().resideInAnyPackage(CORE, CORE_INTERNAL, GEO)
                .check(classes);
    }

    @Test
    void adapters_know_only_the_spi() {
        noClasses().that().resideInAnyPackage(ANNUAIRE, JSON, WEBHOOK, MAIL, JDBC, POSTGIS)
                .should().dependOnClassesThat().resideInAnyPackage(CORE, CORE_INTERNAL, GEO, TCK)
                .check(classes);
        noClasses().that().resideInAnyPackage(CORE, CORE_INTERNAL, GEO, SPI, MODEL, TCK)
                .should().dependOnClassesThat().resideInAnyPackage(ANNUAIRE, WEBHOOK, MAIL, JDBC, SPRING)
                .check(classes);
        // core stores its kernel documents and change-feed payloads as JSON through sharenum-json, which knows only the SPI
        noClasses().that().resideInAnyPackage(GEO, SPI, MODEL, TCK)
                .should().dependOnClassesThat().resideInAnyPackage(JSON)
                .check(classes);
    }

    @Test
    void the_spring_boot_starter_sits_on_top_and_uses_only_public_apis() {
        noClasses().that().resideOutsideOfPackages(SPRING, EXAMPLES)
                .should().dependOnClassesThat().resideInAnyPackage(SPRING)
                .check(classes);
        noClasses().that().resideInAnyPackage(SPRING)
                .should().dependOnClassesThat().resideInAnyPackage("..internal..", GEO, TCK)
                .check(classes);
    }

    @Test
    void the_http_api_uses_only_the_public_api_and_nothing_uses_it() {
        // the API calls the facades of core (fr.sharenum), the values and contracts, JSON, and (its standalone server) JDBC
        noClasses().that().resideInAnyPackage(HTTP)
                .should().dependOnClassesThat().resideInAnyPackage(CORE_INTERNAL, GEO, TCK, ANNUAIRE, WEBHOOK, MAIL)
                .check(classes);
        noClasses().that().resideOutsideOfPackages(HTTP, BENCHMARKS)
                .should().dependOnClassesThat().resideInAnyPackage(HTTP)
                .check(classes);
    }

    @Test
    void nothing_imports_examples_or_benchmarks() {
        noClasses().that().resideOutsideOfPackages(EXAMPLES)
                .should().dependOnClassesThat().resideInAnyPackage(EXAMPLES)
                .check(classes);
        noClasses().that().resideOutsideOfPackages(BENCHMARKS)
                .should().dependOnClassesThat().resideInAnyPackage(BENCHMARKS)
                .check(classes);
    }

    @Test
    void the_simulation_runs_through_the_public_api_and_nothing_uses_it() {
        // a model of a year "through the real library": the facades, the values, the discovered matching engine
        noClasses().that().resideInAnyPackage(SIMULATION)
                .should().dependOnClassesThat().resideInAnyPackage("..internal..", GEO, TCK, JDBC, HTTP, BENCHMARKS)
                .check(classes);
        noClasses().that().resideOutsideOfPackages(SIMULATION)
                .should().dependOnClassesThat().resideInAnyPackage(SIMULATION)
                .check(classes);
    }

    @Test
    void examples_use_only_the_public_api() {
        noClasses().that().resideInAnyPackage(EXAMPLES)
                .should().dependOnClassesThat().resideInAnyPackage("..internal..")
                .check(classes);
    }

    @Test
    void internals_are_used_only_inside_their_module() {
        noClasses().that().resideOutsideOfPackages(CORE, CORE_INTERNAL)
                .should().dependOnClassesThat().resideInAnyPackage(CORE_INTERNAL)
                .check(classes);
        noClasses().that().resideOutsideOfPackages(GEO)
                .should().dependOnClassesThat().resideInAnyPackage("fr.sharenum.geo.internal..")
                .check(classes);
        noClasses().that().resideOutsideOfPackages(HTTP)
                .should().dependOnClassesThat().resideInAnyPackage("fr.sharenum.http.internal..")
                .check(classes);
    }
}
