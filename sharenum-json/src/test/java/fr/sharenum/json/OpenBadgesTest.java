package fr.sharenum.json;

import com.fasterxml.jackson.databind.JsonNode;
import fr.sharenum.model.BadgeAward;
import fr.sharenum.model.BadgeDefinition;
import fr.sharenum.model.Email;
import fr.sharenum.model.EventId;
import fr.sharenum.model.MemberId;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Instant;
import java.time.format.DateTimeFormatter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Open Badges 2.0 documents carry every field the specification requires, and link to each other. */
class OpenBadgesTest {

    private static final BadgeDefinition FIRST = new BadgeDefinition("premier-atelier", "Premier atelier ShareNum",
            "A animé son premier atelier entre pairs.", "Organiser un atelier ShareNum qui a eu lieu.");
    private static final BadgeAward AWARD = new BadgeAward("3f2a", MemberId.of("karim"), "premier-atelier",
            Instant.parse("2026-12-02T15:00:00Z"), EventId.of("E1"));
    private final OpenBadges badges = OpenBadges.builder(URI.create("https://ent.example.fr/sharenum/openbadges/"))
            .issuer("DANE de l'académie de Dijon", URI.create("https://dane.ac-dijon.fr"), Email.of("dane@ac-dijon.fr")).build();

    private static void requires(JsonNode doc, String... fields) {
        for (String f : fields) {
            assertThat(doc.hasNonNull(f)).as("required field " + f).isTrue();
        }
    }

    @Test
    void the_assertion_has_the_required_fields_a_hashed_recipient_and_hosted_verification() throws Exception {
        JsonNode a = ShareNumModule.mapper().readTree(badges.assertion(AWARD, FIRST, Email.of("karim.haddad@ac-dijon.fr"),
                "sel-fixe").toString());

        requires(a, "@context", "type", "id", "recipient", "badge", "verification", "issuedOn");
        assertThat(a.path("@context").asText()).isEqualTo("https://w3id.org/openbadges/v2");
        assertThat(a.path("type").asText()).isEqualTo("Assertion");
        assertThat(a.path("id").asText()).isEqualTo("https://ent.example.fr/sharenum/openbadges/assertions/3f2a");
        requires(a.path("recipient"), "type", "identity", "hashed", "salt");
        assertThat(a.path("recipient").path("identity").asText())
                .isEqualTo("sha256$" + OpenBadges.sha256("karim.haddad@ac-dijon.frsel-fixe"));
        assertThat(a.toString()).doesNotContain("karim.haddad@");
        assertThat(a.path("verification").path("type").asText()).isEqualTo("hosted");
        assertThat(Instant.from(DateTimeFormatter.ISO_INSTANT.parse(a.path("issuedOn").asText()))).isEqualTo(AWARD.issuedOn());
        assertThat(a.path("badge").asText()).isEqualTo(badges.badgeClass(FIRST).path("id").asText());
    }

    @Test
    void the_badge_class_and_the_issuer_have_the_required_fields_and_link_up() {
        JsonNode c = badges.badgeClass(FIRST);
        JsonNode i = badges.issuer();

        requires(c, "@context", "type", "id", "name", "description", "image", "criteria", "issuer");
        assertThat(c.path("type").asText()).isEqualTo("BadgeClass");
        assertThat(c.path("criteria").path("narrative").asText()).isEqualTo(FIRST.criteria());
        assertThat(URI.create(c.path("image").asText()).getScheme()).isEqualTo("https");
        requires(i, "@context", "type", "id", "name", "url", "email");
        assertThat(i.path("type").asText()).isEqualTo("Issuer");
        assertThat(c.path("issuer").asText()).isEqualTo(i.path("id").asText());
    }

    @Test
    void each_assertion_gets_a_fresh_salt_and_misuse_is_refused() {
        String s1 = badges.assertion(AWARD, FIRST, Email.of("k@ac-dijon.fr")).path("recipient").path("salt").asText();
        String s2 = badges.assertion(AWARD, FIRST, Email.of("k@ac-dijon.fr")).path("recipient").path("salt").asText();
        assertThat(s1).isNotEqualTo(s2).hasSize(32);
        BadgeDefinition other = new BadgeDefinition("cinq-ateliers", "Cinq", "Cinq ateliers", "Cinq");
        assertThatThrownBy(() -> badges.assertion(AWARD, other, Email.of("k@ac-dijon.fr"))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> OpenBadges.builder(URI.create("http://x/y"))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> OpenBadges.builder(URI.create("https://x/y")).build()).isInstanceOf(IllegalStateException.class);
    }
}
