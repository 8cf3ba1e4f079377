package fr.sharenum.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.sharenum.json.ShareNumModule;
import fr.sharenum.model.MemberId;
import fr.sharenum.model.Notification;
import fr.sharenum.spi.Doc;
import fr.sharenum.spi.Documents;
import fr.sharenum.spi.Notifier;
import fr.sharenum.spi.ShareNumStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A {@link Notifier} that keeps every notification in the recipient's in-app inbox, stored in the host's
 * {@link ShareNumStore} (kernel collections {@code http-inbox…}, so it survives restarts and every instance
 * reads the same), numbered per member from 1, then hands it to the next notifier (mail, webhook). Browsers read
 * the inbox over Server-Sent Events ({@code GET /api/v1/me/inbox/stream}): a reconnection with
 * {@code Last-Event-ID} gets everything after that number, so nothing is lost while the browser was away.
 * Thread-safe.
 *
 * <p>A verification request is never put in the inbox (its token must reach the address, not a browser). A
 * notification delivered twice by the outbox (same {@link Notification#id()}) is kept once. Each member keeps
 * their last {@value #KEPT} entries. When a member is erased, ShareNum calls {@link #forget}: their entries are
 * deleted and nothing more is kept for them (a notification already on its way when they were erased included);
 * the call is passed on to the next notifier.
 *
 * <pre>{@code
 * ShareNumStore store = JdbcStore.h2(dir);
 * InboxNotifier inbox = new InboxNotifier(store, mailNotifier);
 * ShareNum sharenum = ShareNum.builder().store(store).notifier(inbox).build();
 * }</pre>
 */
public final class InboxNotifier implements Notifier {

    /** How many entries a member keeps. */
    public static final int KEPT = 500;
    static final String ENTRIES = "http-inbox";
    static final String HEADS = "http-inbox-head";
    static final String SEEN = "http-inbox-seen";
    static final String FORGOTTEN = "http-inbox-forgotten";
    private static final Logger LOG = LoggerFactory.getLogger(InboxNotifier.class);

    private final ShareNumStore store;
    private final Notifier next;
    private final ObjectMapper mapper = ShareNumModule.mapper();
    private final Clock clock;
    private final Map<MemberId, List<Runnable>> listeners = new ConcurrentHashMap<>();

    /**
     * @param store the host's store (the same the library uses, or another)
     * @param next  the notifier that delivers beyond the browser, e.g. mail; {@code n -> { }} for none
     */
    public InboxNotifier(ShareNumStore store, Notifier next) {
        this(store, next, Clock.systemUTC());
    }

    /**
     * @param store the host's store
     * @param next  the notifier that delivers beyond the browser
     * @param clock when entries are stamped
     */
    public InboxNotifier(ShareNumStore store, Notifier next, Clock clock) {
        this.store = Objects.requireNonNull(store, "store");
        this.next = Objects.requireNonNull(next, "next");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * One notification in a member's inbox.
     *
     * @param seq          its number in the member's inbox, from 1 (the SSE event id)
     * @param at           when it was put there
     * @param notification the notification, as the library sent it
     */
    public record InboxEntry(long seq, Instant at, Notification notification) {
    }

    @Override
    public void send(Notification notification) {
        if (!(notification instanceof Notification.VerificationRequested)) {
            if (append(notification)) {
                for (Runnable r : listeners.getOrDefault(notification.recipient(), List.of())) {
                    try {
                        r.run();
                    } catch (RuntimeException e) {
                        LOG.warn("inbox listener failed: {}", e.toString());
                    }
                }
            }
        }
        next.send(notification);
    }

    private boolean append(Notification n) {
        String member = n.recipient().value();
        String body;
        try {
            body = mapper.writeValueAsString(n);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("notification not writable as JSON: " + n.getClass().getSimpleName(), e);
        }
        Instant at = clock.instant();
        return store.inTransaction(t -> {
            String seenKey = member + "/" + n.id();
            if (seenKey.length() > 400) {
                seenKey = member + "/#" + Integer.toHexString(n.id().hashCode());
            }
            if (t.get(SEEN, seenKey).isPresent() || t.get(FORGOTTEN, member).isPresent()) {
                return false;
            }
            long seq;
            var head = t.get(HEADS, member);
            if (head.isEmpty()) {
                seq = 1;
                t.insert(HEADS, Doc.of(member, Map.of(), "1"));
            } else {
                seq = Long.parseLong(head.get().body()) + 1;
                t.replace(HEADS, head.get().next(Map.of(), Long.toString(seq)), head.get().version());
            }
            t.insert(SEEN, Doc.of(seenKey, Map.of("member", member + "/" + pad(seq)), Long.toString(seq)));
            t.insert(ENTRIES, Doc.of(key(member, seq), Map.of(), at + "\n" + body));
            if (seq > KEPT) {
                prune(t, member, seq - KEPT);
            }
            return true;
        });
    }

    private static void prune(Documents t, String member, long keepFrom) {
        for (Doc d : t.range(ENTRIES, Documents.BY_KEY, member + "/", key(member, keepFrom), 100)) {
            t.delete(ENTRIES, d.key());
        }
        for (Doc d : t.range(SEEN, "member", member + "/", member + "/" + pad(keepFrom), 100)) {
            t.delete(SEEN, d.key());
        }
    }

    /**
     * A member's entries after {@code afterSeq}, oldest first.
     *
     * @param member   the member (the caller checks it is the signed-in one)
     * @param afterSeq the last number already seen, 0 for all
     * @param limit    at most this many, 1–{@value #KEPT}
     * @return the entries
     */
    public List<InboxEntry> after(MemberId member, long afterSeq, int limit) {
        String m = member.value();
        List<Doc> docs = store.inTransaction(t -> t.range(ENTRIES, Documents.BY_KEY, key(m, Math.max(0, afterSeq) + 1),
                m + "/~", Math.max(1, Math.min(limit, KEPT))));
        List<InboxEntry> out = new ArrayList<>(docs.size());
        for (Doc d : docs) {
            long seq = Long.parseLong(d.key().substring(d.key().lastIndexOf('/') + 1));
            int nl = d.body().indexOf('\n');
            try {
                out.add(new InboxEntry(seq, Instant.parse(d.body().substring(0, nl)),
                        mapper.readValue(d.body().substring(nl + 1), Notification.class)));
            } catch (JsonProcessingException e) {
                LOG.warn("inbox entry {} unreadable, skipped: {}", d.key(), e.getOriginalMessage());
            }
        }
        return out;
    }

    /**
     * Deletes an erased member's inbox and keeps nothing more for them (ShareNum calls it after the erasure is
     * committed, whoever erased them: the member, staff, the host), then passes the call on to the next notifier.
     * Open streams of the member get nothing more. Idempotent.
     *
     * @param member the erased member
     */
    @Override
    public void forget(MemberId member) {
        String m = member.value();
        store.inTransaction(t -> {
            if (t.get(FORGOTTEN, m).isEmpty()) {
                t.insert(FORGOTTEN, Doc.of(m, Map.of(), clock.instant().toString()));
            }
            // touch the head: an append running at the same time conflicts on it and, retried, finds the tombstone
            var head = t.get(HEADS, m);
            if (head.isEmpty()) {
                t.insert(HEADS, Doc.of(m, Map.of(), "0"));
            } else {
                t.replace(HEADS, head.get().next(Map.of(), head.get().body()), head.get().version());
            }
            List<Doc> docs;
            do {
                docs = t.range(ENTRIES, Documents.BY_KEY, m + "/", m + "/~", 500);
                docs.forEach(d -> t.delete(ENTRIES, d.key()));
            } while (docs.size() == 500);
            do {
                docs = t.range(SEEN, "member", m + "/", m + "/~", 500);
                docs.forEach(d -> t.delete(SEEN, d.key()));
            } while (docs.size() == 500);
            return null;
        });
        next.forget(member);
    }

    /**
     * Calls {@code onNew} after each new entry of {@code member} is stored (on the sending thread; keep it short).
     *
     * @param member the member
     * @param onNew  what to call
     * @return what stops the calls
     */
    public AutoCloseable subscribe(MemberId member, Runnable onNew) {
        listeners.computeIfAbsent(member, k -> new CopyOnWriteArrayList<>()).add(onNew);
        return () -> listeners.computeIfPresent(member, (k, l) -> {
            l.remove(onNew);
            return l.isEmpty() ? null : l;
        });
    }

    private static String key(String member, long seq) {
        return member + "/" + pad(seq);
    }

    private static String pad(long n) {
        return String.format("%019d", n);
    }
}
