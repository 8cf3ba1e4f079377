package fr.sharenum.examples;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/** The demo runs to its end and tells the whole workflow. */
class StoryTest {

    @Test
    void the_story_goes_from_registration_to_a_promoted_registrant() {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        new Story(new PrintStream(buffer, true, StandardCharsets.UTF_8)).run();
        String told = buffer.toString(StandardCharsets.UTF_8);

        assertThat(told)
                .contains("ticket is now SCHEDULED")
                .contains("announced (within 30 km")
                .contains("on the waitlist, position 1")
                .containsPattern("Nadia Benali is told she has a seat")
                .contains("METHOD:REQUEST")
                .contains("SEQUENCE:0")
                .contains("Karim's alert came with the guide")
                .contains("the workshop was held (HELD); the ticket is DONE")
                .contains("badges earned by Karim: [premier-atelier]")
                .contains("\"type\":\"Assertion\"")
                .contains("1 ticket(s) opened, 100 % first shown a training")
                .contains("1 event(s) held, 3 participant(s), 1 BusNum day(s)")
                .contains("Julien anime un atelier en ligne pour l'académie de Dijon ; annoncé à")
                .contains("Sophie parcourt les événements à moins de 30 km de son collège et ceux en ligne pour son académie :")
                .contains("Capytale : premiers pas en Python — Collège Gaston Roupnel (BusNum)")
                .contains("Capytale en classe virtuelle : corriger à distance — en ligne")
                .contains("Sophie ne voit pas le lien de la classe virtuelle (masqué) ; inscrite, Sophie le voit :"
                        + " https://visio.ac-dijon.fr/capytale-correction")
                .contains("rappel(s) partent, une seule fois (organisateurs et inscrits) ; celui de Paul, à l'heure de son"
                        + " fuseau (Europe/Paris), avec l'invitation .ics :")
                // the workshop's day follows the day the story runs: any Wednesday, at 14:00 Paris time
                .containsPattern("Demain : « Capytale : premiers pas en Python », mercredi \\d{1,2} \\p{L}+ à 14:00"
                        + " — Collège Gaston Roupnel");
        // the events near Sophie: the BusNum workshop nearby, then the online one, soonest first
        assertThat(told.indexOf("premiers pas en Python — Collège Gaston Roupnel (BusNum)"))
                .isLessThan(told.indexOf("corriger à distance — en ligne")).isPositive();
        assertThat(told).containsPattern("annoncé à [1-9][0-9]* collègue\\(s\\)")
                .containsPattern("la veille de l'atelier dans le BusNum, [1-9][0-9]* rappel\\(s\\) partent");
        assertThat(told).containsPattern("common 2-hour slots with the BusNum Côte-d'Or free");
    }

    @Test
    void with_h2_the_story_keeps_its_data_across_runs(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) {
        ByteArrayOutputStream first = new ByteArrayOutputStream();
        new Story(new PrintStream(first, true, StandardCharsets.UTF_8), dir).run();
        ByteArrayOutputStream second = new ByteArrayOutputStream();
        new Story(new PrintStream(second, true, StandardCharsets.UTF_8), dir).run();

        assertThat(first.toString(StandardCharsets.UTF_8)).contains("(0 events kept from earlier runs)");
        assertThat(second.toString(StandardCharsets.UTF_8)).contains("(2 events kept from earlier runs)")
                .contains("on the waitlist, position 1");
    }
}
