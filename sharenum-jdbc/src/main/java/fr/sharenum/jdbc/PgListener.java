package fr.sharenum.jdbc;

import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * {@code LISTEN} on one PostgreSQL channel from a connection of its own, on a daemon thread: every notification
 * (or several at once) calls the callback; a lost connection is re-opened after a pause growing to 30 s, and the
 * callback is called once it is back (what was committed meanwhile is caught up by polling the feed anyway).
 * Only loaded on PostgreSQL, so the driver is needed only there.
 */
final class PgListener implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(PgListener.class);
    private static final AtomicInteger THREADS = new AtomicInteger();
    private static final int WAIT_MILLIS = 1_000;

    private final DataSource dataSource;
    private final String channel;
    private final Runnable onNotify;
    private final Thread thread;
    private volatile boolean closed;

    private PgListener(DataSource dataSource, String channel, Runnable onNotify) {
        this.dataSource = dataSource;
        this.channel = channel;
        this.onNotify = onNotify;
        this.thread = new Thread(this::run, "sharenum-listen-" + THREADS.incrementAndGet());
        this.thread.setDaemon(true);
    }

    static PgListener start(DataSource dataSource, String channel, Runnable onNotify) {
        if (!channel.matches("[a-z_]+")) {
            throw new IllegalArgumentException("channel " + channel);
        }
        PgListener l = new PgListener(dataSource, channel, onNotify);
        l.thread.start();
        return l;
    }

    private void run() {
        long pause = 500;
        boolean reconnected = false;
        while (!closed) {
            try (Connection c = dataSource.getConnection()) {
                c.setAutoCommit(true);
                try (Statement s = c.createStatement()) {
                    s.execute("LISTEN " + channel);
                }
                if (reconnected) {
                    LOG.info("listening to {} again", channel);
                    onNotify.run();
                }
                pause = 500;
                PGConnection pg = c.unwrap(PGConnection.class);
                while (!closed) {
                    PGNotification[] got = pg.getNotifications(WAIT_MILLIS);
                    if (got != null && got.length > 0) {
                        onNotify.run();
                    }
                }
            } catch (SQLException | RuntimeException e) {
                if (closed) {
                    return;
                }
                LOG.warn("listening to {} failed ({}); reconnecting in {} ms", channel, e.getMessage(), pause);
                reconnected = true;
                try {
                    Thread.sleep(pause);
                } catch (InterruptedException ie) {
                    return;
                }
                pause = Math.min(30_000, pause * 2);
            }
        }
    }

    @Override
    public void close() {
        closed = true;
        thread.interrupt();
        try {
            thread.join(WAIT_MILLIS * 3L);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
