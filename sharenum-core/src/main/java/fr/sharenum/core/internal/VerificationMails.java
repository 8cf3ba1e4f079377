package fr.sharenum.core.internal;

import fr.sharenum.model.Member;
import fr.sharenum.model.MemberId;
import fr.sharenum.model.MemberStatus;
import fr.sharenum.model.Notification;
import fr.sharenum.spi.OutboxEntry;
import fr.sharenum.spi.VerificationRecord;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Verification mails as intents in the outbox. A registration (or a resend) records "send member X a verification"
 * in its own transaction — a {@link Notification.VerificationRequested} without token or expiry, keyed by the member
 * ({@link #intentId}) — and never a token. Each delivery attempt {@link #realise realises} the intent: it mints a
 * fresh token, stores its hash in the member's verification record (replacing the previous one) and hands the
 * notifier the complete notification, whose id is derived from the token so that every mail carries its own
 * idempotency key. A failed attempt is retried with the outbox's backoff, shows in {@code outbox().failed}, becomes a
 * dead letter like any other, and is listed by {@code outbox().undeliveredVerifications}; the token minted for it is
 * never stored anywhere but as a hash.
 */
final class VerificationMails {
    private static final String PREFIX = "verification:";

    private final Duration validity;

    VerificationMails(Duration validity) {
        this.validity = validity;
    }

    /** The outbox id of the member's verification intent: one at most per member. */
    static String intentId(MemberId member) {
        return PREFIX + member.value();
    }

    /** Whether {@code n} is a verification intent (as stored in the outbox), rather than a mail to send as it is. */
    static boolean isIntent(Notification n) {
        return n instanceof Notification.VerificationRequested v && v.token() == null;
    }

    /**
     * Asks, in the transaction {@code t}, for a verification mail to {@code m}: a new intent, due now; an intent already
     * waiting for a retry is made due now, a dead one revived; one being sent is left to its deliverer.
     */
    static void request(Tx t, Member m, Instant now) {
        Optional<OutboxEntry> waiting = t.outboxEntry(intentId(m.id()));
        if (waiting.isEmpty()) {
            t.enqueue(OutboxEntry.pending(new Notification.VerificationRequested(intentId(m.id()), m.id(), m.email(),
                    null, null), now, now));
            return;
        }
        OutboxEntry e = waiting.get();
        switch (e.status()) {
            case PENDING -> t.updateOutbox(e.dueAt(now), e.version());
            case DEAD -> t.updateOutbox(e.revived(now), e.version());
            case SENDING -> { }   // its deliverer mints the token now
        }
    }

    /** Forgets the member's verification intent, if any (the member verified, signed in, or was erased). */
    static void withdraw(Tx t, MemberId member) {
        t.deleteOutbox(intentId(member));
    }

    /**
     * One delivery attempt of an intent, in {@code t}: a fresh token whose hash replaces the member's verification
     * record, and the notification carrying it; empty when the member no longer waits for a verification (verified,
     * signed in, suspended, erased, gone): the intent is then settled without a mail.
     */
    Optional<Notification> realise(Tx t, OutboxEntry intent, Instant now) {
        MemberId id = intent.notification().recipient();
        Optional<Member> member = t.member(id).filter(m -> m.status() == MemberStatus.PENDING_VERIFICATION);
        if (member.isEmpty()) {
            return Optional.empty();
        }
        String token = Tokens.newToken();
        String hash = Tokens.hash(token);
        Instant expiresAt = now.plus(validity);
        t.putVerification(new VerificationRecord(id, hash, expiresAt));
        return Optional.of(new Notification.VerificationRequested("verify:" + id + ":" + hash.substring(0, 16), id,
                member.get().email(), token, expiresAt));
    }
}
