package fr.sharenum.http.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.sharenum.http.InboxNotifier;
import fr.sharenum.model.Actor;
import fr.sharenum.model.MemberId;
import io.javalin.http.sse.SseClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The live inbox over Server-Sent Events: each stream first sends the member's entries after the number the
 * browser last saw ({@code Last-Event-ID}, or {@code ?after=}), then each new entry as it is stored (event name:
 * the notification's type, id: its number, data: the entry as JSON). Every 15 s a comment keeps proxies from
 * closing the stream and the store is read again, so entries stored by another instance arrive too.
 */
final class InboxStreams implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(InboxStreams.class);

    private final InboxNotifier inbox;
    private final ObjectMapper mapper;
    private final ExecutorService pumps = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "sharenum-sse");
        t.setDaemon(true);
        return t;
    });
    private final ScheduledExecutorService ticks = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "sharenum-sse-tick");
        t.setDaemon(true);
        return t;
    });
    private final Set<Stream> open = ConcurrentHashMap.newKeySet();

    InboxStreams(InboxNotifier inbox, ObjectMapper mapper) {
        this.inbox = inbox;
        this.mapper = mapper;
        ticks.scheduleWithFixedDelay(() -> open.forEach(s -> pumps.execute(s::tick)), 15, 15, TimeUnit.SECONDS);
    }

    void open(SseClient client) {
        Actor actor = client.ctx().attribute(Call.ACTOR);
        if (!(actor instanceof MemberId member)) {
            client.close();
            return;
        }
        long after = 0;
        String last = client.ctx().header("Last-Event-ID");
        String raw = last != null ? last : client.ctx().queryParam("after");
        if (raw != null) {
            try {
                after = Math.max(0, Long.parseLong(raw.strip()));
            } catch (NumberFormatException e) {
                after = 0;
            }
        }
        client.keepAlive();
        Stream stream = new Stream(client, member, after);
        open.add(stream);
        stream.subscription = inbox.subscribe(member, () -> pumps.execute(stream::pump));
        client.onClose(stream::close);
        pumps.execute(stream::pump);
    }

    @Override
    public void close() {
        open.forEach(s -> s.client.close());
        ticks.shutdownNow();
        pumps.shutdownNow();
    }

    private final class Stream {
        final SseClient client;
        final MemberId member;
        long last;
        volatile AutoCloseable subscription;

        Stream(SseClient client, MemberId member, long after) {
            this.client = client;
            this.member = member;
            this.last = after;
        }

        synchronized void pump() {
            if (client.terminated()) {
                return;
            }
            try {
                List<InboxNotifier.InboxEntry> entries;
                do {
                    entries = inbox.after(member, last, 100);
                    for (InboxNotifier.InboxEntry e : entries) {
                        String type = e.notification().getClass().getSimpleName();
                        client.sendEvent(type, mapper.writeValueAsString(e), Long.toString(e.seq()));
                        last = e.seq();
                    }
                } while (entries.size() == 100 && !client.terminated());
            } catch (JsonProcessingException | RuntimeException e) {
                LOG.warn("inbox stream of {} failed: {}", member, e.toString());
                client.close();
            }
        }

        synchronized void tick() {
            if (!client.terminated()) {
                client.sendComment("ping");
                pump();
            }
        }

        void close() {
            open.remove(this);
            try {
                if (subscription != null) {
                    subscription.close();
                }
            } catch (Exception e) {
                LOG.debug("unsubscribe failed", e);
            }
        }
    }
}
