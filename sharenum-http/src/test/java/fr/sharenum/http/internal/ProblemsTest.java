package fr.sharenum.http.internal;

import fr.sharenum.model.NotFoundException;
import fr.sharenum.model.VersionConflictException;
import org.junit.jupiter.api.Test;

import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

class ProblemsTest {

    @Test
    void both_languages_hold_the_same_keys() {
        assertThat(Problems.bundleKeys(Locale.ENGLISH)).isEqualTo(Problems.bundleKeys(Locale.FRENCH));
    }

    @Test
    void untranslated_library_messages_get_the_api_sentence_and_keep_their_words_as_reason() {
        Bodies.Problem fr = Problems.of(new NotFoundException("ticket", "t-1"), Locale.FRENCH, "/api/v1/tickets/t-1");
        assertThat(fr.status()).isEqualTo(404);
        assertThat(fr.code()).isEqualTo("not-found");
        assertThat(fr.detail()).isEqualTo("Aucun élément « ticket » n'a l'identifiant t-1.");
        assertThat(fr.reason()).isEqualTo("no ticket with id t-1");
        assertThat(fr.title()).isEqualTo("Introuvable");
        assertThat(Problems.of(new VersionConflictException("member", "m", 1, 2), Locale.ENGLISH, "/").title())
                .isEqualTo("Precondition failed");
    }

    @Test
    void accept_language_chooses_english_only_when_preferred() {
        assertThat(Problems.locale("en-GB,en;q=0.9")).isEqualTo(Locale.ENGLISH);
        assertThat(Problems.locale("fr-FR,en;q=0.9")).isEqualTo(Locale.FRENCH);
        assertThat(Problems.locale("de")).isEqualTo(Locale.FRENCH);
        assertThat(Problems.locale(null)).isEqualTo(Locale.FRENCH);
        assertThat(Problems.locale(";;;")).isEqualTo(Locale.FRENCH);
    }
}
