package fr.sharenum;

import fr.sharenum.model.Actor;
import fr.sharenum.model.Member;
import fr.sharenum.model.MemberStatus;
import fr.sharenum.model.Notification;
import fr.sharenum.model.VerificationFailedException;
import fr.sharenum.spi.NotificationFailedException;
import fr.sharenum.spi.Notifier;
import fr.sharenum.spi.OutboxEntry;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static fr.sharenum.Fixture.CARNOT;
import static fr.sharenum.Fixture.HOST;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Verification mails go through the outbox as intents: a failed mail is retried with the outbox's backoff, visible
 * to the host, and never stores its token; each attempt mints a fresh one.
 */
@DisplayName("Verification mails through the outbox")
class VerificationMailsTest {

    /** A notifier the test turns off and on; it keeps every verification it was handed, sent or not. */
    static final class Smtp implements Notifier {
        volatile boolean down;
        final List<Notification.VerificationRequested> handed = new CopyOnWriteArrayList<>();
        final List<Notification> sent = new CopyOnWriteArrayList<>();

        @Override
        public void send(Notification n) {
            if (n instanceof Notification.VerificationRequested v) {
                handed.add(v);
            }
            if (down) {
                throw new NotificationFailedException("SMTP server unreachable", false);
            }
            sent.add(n);
        }

        List<Notification.VerificationRequested> sentTo(Member m) {
            return sent.stream().filter(n -> n instanceof Notification.VerificationRequested && n.recipient().equals(m.id()))
                    .map(n -> (Notification.VerificationRequested) n).toList();
        }
    }

    private final Smtp smtp = new Smtp();

    private Fixture fixture(java.util.function.Consumer<ShareNum.Builder> more) {
        return new Fixture(b -> {
            b.notifier(smtp).notificationRetries(3, Duration.ofMinutes(1), Duration.ofMinutes(10));
            more.accept(b);
        });
    }

    @ParameterizedTest
    @EnumSource(Stores.class)
    void a_failed_mail_is_retried_visible_and_never_stores_its_token(Stores kind) {
        Stores.Fresh fresh = kind.fresh();
        Fixture f = fixture(b -> b.store(fresh.store()));
        smtp.down = true;
        Member m = f.pending("Vera Verif", CARNOT);

        assertThat(m.status()).isEqualTo(MemberStatus.PENDING_VERIFICATION);
        assertThat(smtp.handed).hasSize(1);
        String lost = smtp.handed.get(0).token();
        List<Notification> failed = f.sharenum.outbox().failed(HOST);
        assertThat(failed).singleElement().isInstanceOfSatisfying(Notification.VerificationRequested.class, v -> {
            assertThat(v.recipient()).isEqualTo(m.id());
            assertThat(v.token()).isNull();
        });
        assertThat(f.sharenum.outbox().undeliveredVerifications(HOST)).singleElement().satisfies(e -> {
            assertThat(e.notification().recipient()).isEqualTo(m.id());
            assertThat(e.attempts()).isEqualTo(1);
            assertThat(e.lastError()).contains("SMTP server unreachable");
            assertThat(e.status()).isEqualTo(OutboxEntry.Status.PENDING);
        });
        assertThat(fresh.everything().get()).doesNotContain(lost);

        smtp.down = false;
        f.clock.advance(Duration.ofMinutes(1));
        assertThat(f.sharenum.outbox().deliverDue(HOST)).isEqualTo(1);
        List<Notification.VerificationRequested> mails = smtp.sentTo(m);
        assertThat(mails).hasSize(1);
        String token = mails.get(0).token();
        assertThat(token).isNotEqualTo(lost);
        assertThat(mails.get(0).expiresAt()).isEqualTo(f.clock.instant().plus(Duration.ofHours(72)));
        assertThat(mails.get(0).toString()).doesNotContain(token).contains("token=***");
        assertThat(fresh.everything().get()).doesNotContain(token);
        assertThat(f.sharenum.outbox().undeliveredVerifications(HOST)).isEmpty();
        assertThat(f.sharenum.outbox().failed(HOST)).isEmpty();
        // the token of the failed attempt (the mail may have left after all) worked until the next attempt replaced it
        assertThatThrownBy(() -> f.sharenum.members().verify(Actor.anonymous(), m.id(), lost))
                .isInstanceOf(VerificationFailedException.class);
        assertThat(f.sharenum.members().verify(Actor.anonymous(), m.id(), token).isActive()).isTrue();
    }

    @Test
    void every_attempt_mints_a_fresh_token_and_only_the_last_one_opens() {
        Fixture f = fixture(b -> { });
        smtp.down = true;
        Member m = f.pending("Fresh Token", CARNOT);
        f.clock.advance(Duration.ofMinutes(1));
        f.sharenum.outbox().deliverDue(HOST);
        smtp.down = false;
        f.clock.advance(Duration.ofMinutes(2));
        f.sharenum.outbox().deliverDue(HOST);

        assertThat(smtp.handed).hasSize(3);
        assertThat(smtp.handed).extracting(Notification.VerificationRequested::token).doesNotHaveDuplicates();
        assertThat(smtp.handed).extracting(Notification::id).doesNotHaveDuplicates();
        for (Notification.VerificationRequested old : smtp.handed.subList(0, 2)) {
            assertThatThrownBy(() -> f.sharenum.members().verify(Actor.anonymous(), m.id(), old.token()))
                    .isInstanceOf(VerificationFailedException.class);
        }
        assertThat(f.sharenum.members().verify(Actor.anonymous(), m.id(), smtp.handed.get(2).token()).isActive()).isTrue();
    }

    @Test
    void a_mail_given_up_on_is_a_dead_letter_listed_for_the_host_and_revived_with_a_token_valid_from_then() {
        Fixture f = fixture(b -> { });
        smtp.down = true;
        Member m = f.pending("Dead Letter", CARNOT);
        for (int i = 0; i < 3; i++) {
            f.clock.advance(Duration.ofMinutes(30));
            f.sharenum.outbox().deliverDue(HOST);
        }
        assertThat(f.sharenum.outbox().deadLetters(HOST)).singleElement()
                .satisfies(d -> assertThat(d.notification().recipient()).isEqualTo(m.id()));
        OutboxEntry dead = f.sharenum.outbox().undeliveredVerifications(HOST).get(0);
        assertThat(dead.status()).isEqualTo(OutboxEntry.Status.DEAD);
        assertThat(dead.attempts()).isEqualTo(3);

        smtp.down = false;
        f.clock.advance(Duration.ofDays(5));      // longer than a token's validity
        assertThat(f.sharenum.outbox().revive(HOST, dead.id())).isTrue();
        Notification.VerificationRequested mail = smtp.sentTo(m).get(0);
        assertThat(mail.expiresAt()).isEqualTo(f.clock.instant().plus(Duration.ofHours(72)));
        assertThat(f.sharenum.members().verify(Actor.anonymous(), m.id(), mail.token()).isActive()).isTrue();
        assertThat(f.sharenum.outbox().undeliveredVerifications(HOST)).isEmpty();
    }

    @Test
    void a_resend_while_the_mail_fails_retries_the_same_intent_now_without_a_second_entry() {
        Fixture f = fixture(b -> { });
        smtp.down = true;
        Member m = f.pending("Resend Rose", CARNOT);
        f.sharenum.members().resendVerification(Actor.anonymous(), m.id());   // tried at once again, fails again
        assertThat(smtp.handed).hasSize(2);
        assertThat(f.sharenum.outbox().undeliveredVerifications(HOST)).singleElement()
                .satisfies(e -> assertThat(e.attempts()).isEqualTo(2));

        smtp.down = false;
        f.sharenum.members().resendVerification(Actor.anonymous(), m.id());
        assertThat(smtp.sentTo(m)).hasSize(1);
        assertThat(f.sharenum.outbox().undeliveredVerifications(HOST)).isEmpty();
        assertThat(f.sharenum.members().verify(Actor.anonymous(), m.id(), smtp.sentTo(m).get(0).token()).isActive()).isTrue();
    }

    @Test
    void with_manual_delivery_the_host_sees_the_verifications_waiting_until_it_delivers_them() {
        Fixture f = fixture(ShareNum.Builder::manualNotificationDelivery);
        Member m = f.pending("Manual Max", CARNOT);
        assertThat(smtp.handed).isEmpty();
        assertThat(f.sharenum.outbox().undeliveredVerifications(HOST)).singleElement().satisfies(e -> {
            assertThat(e.attempts()).isZero();
            assertThat(e.notification().recipient()).isEqualTo(m.id());
        });
        assertThat(f.sharenum.outbox().backlog(HOST).waiting()).isEqualTo(1);
        assertThat(f.sharenum.outbox().deliverDue(HOST)).isEqualTo(1);
        assertThat(smtp.sentTo(m)).hasSize(1);
        assertThat(f.sharenum.outbox().backlog(HOST)).isEqualTo(fr.sharenum.spi.OutboxBacklog.EMPTY);
    }

    @ParameterizedTest
    @EnumSource(Stores.class)
    void erasure_withdraws_a_verification_that_never_went_out(Stores kind) {
        Stores.Fresh fresh = kind.fresh();
        Fixture f = fixture(b -> b.store(fresh.store()));
        smtp.down = true;
        Member m = f.pending("Erase Me", CARNOT);
        assertThat(fresh.everything().get()).contains(m.email().value());
        f.sharenum.members().erase(m.id(), m.id());
        assertThat(fresh.everything().get()).doesNotContain(m.email().value()).doesNotContain("Erase Me");

        assertThat(f.sharenum.outbox().undeliveredVerifications(HOST)).isEmpty();
        assertThat(f.sharenum.outbox().failed(HOST)).isEmpty();
        smtp.down = false;
        f.clock.advance(Duration.ofHours(1));
        assertThat(f.sharenum.outbox().retryNow(HOST)).isZero();
        assertThat(smtp.sent).isEmpty();
    }

    @Test
    void a_member_who_signed_in_through_the_ent_before_the_mail_went_out_gets_no_mail() {
        Fixture f = fixture(ShareNum.Builder::manualNotificationDelivery);
        Member m = f.pending("Sso Sam", CARNOT);
        f.sharenum.members().signIn(HOST, IdentityAssertion.builder("https://cas.ac-dijon.fr", "sam")
                .email(m.email().value()).displayName("Sso Sam").establishment(CARNOT.uai())
                .role(fr.sharenum.model.Role.TEACHER_SECONDARY).build());
        assertThat(f.sharenum.outbox().undeliveredVerifications(HOST)).isEmpty();
        assertThat(f.sharenum.outbox().deliverDue(HOST)).isZero();
        assertThat(smtp.handed).isEmpty();
    }

    @Test
    void a_member_suspended_before_the_mail_went_out_gets_none_and_stays_unverified_when_reinstated() {
        Fixture f = fixture(ShareNum.Builder::manualNotificationDelivery);
        Member m = f.pending("Suspended Sue", CARNOT);
        f.sharenum.members().suspend(HOST, m.id(), "signalement");
        assertThat(f.sharenum.outbox().deliverDue(HOST)).isZero();   // settled without a mail
        assertThat(smtp.handed).isEmpty();
        assertThat(f.sharenum.outbox().undeliveredVerifications(HOST)).isEmpty();

        Member back = f.sharenum.members().reinstate(HOST, m.id(), "classé sans suite");
        assertThat(back.status()).isEqualTo(MemberStatus.PENDING_VERIFICATION);
        f.sharenum.members().resendVerification(Actor.anonymous(), m.id());
        f.sharenum.outbox().deliverDue(HOST);
        assertThat(f.sharenum.members().verify(Actor.anonymous(), m.id(), smtp.sentTo(m).get(0).token()).isActive()).isTrue();
    }

    @Test
    void the_token_of_a_failed_attempt_is_never_logged() throws Exception {
        Fixture f = fixture(b -> { });
        smtp.down = true;
        f.pending("Log Less", CARNOT);
        String token = smtp.handed.get(0).token();
        Path log = Path.of("target", "test-log.txt");
        if (Files.exists(log)) {
            assertThat(Files.readString(log)).doesNotContain(token);
        }
        assertThat(f.sharenum.outbox().failed(HOST).toString()).doesNotContain(token);
    }
}
