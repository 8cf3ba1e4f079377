package fr.sharenum.http;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import fr.sharenum.OutboxNotifier;
import fr.sharenum.QuietHours;
import fr.sharenum.ShareNum;
import fr.sharenum.http.internal.Demo;
import fr.sharenum.jdbc.JdbcStore;
import fr.sharenum.spi.ShareNumStore;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;

/**
 * The standalone server of the demo: ShareNum on an embedded H2 database (the demo's data loaded once), the
 * in-app inbox, the development sign-in, the API and the web front-end, on one port. From the project root:
 * {@code ./mvnw -q -pl sharenum-http -am compile exec:java}; it prints the address to open.
 *
 * <p>Options: {@code --port 8080}, {@code --host 127.0.0.1}, {@code --h2 <directory>} (default
 * {@code target/sharenum-demo}), {@code --contours <académie contours GeoJSON>} (default the open data in
 * {@code ../shared/data} when present).
 */
public final class Server {
    private static final Logger LOG = LoggerFactory.getLogger(Server.class);


    private Server() {
    }

    /**
     * @param args the options
     */
    public static void main(String[] args) {
        int port = 8080;
        String host = "127.0.0.1";
        Path h2 = Path.of("target", "sharenum-demo");
        Path contours = null;
        for (int i = 0; i + 1 < args.length || i < args.length; i += 2) {
            String value = i + 1 < args.length ? args[i + 1] : null;
            switch (value == null ? "" : args[i]) {
                case "--port" -> port = Integer.parseInt(value);
                case "--host" -> host = value;
                case "--h2" -> h2 = Path.of(value);
                case "--contours" -> contours = Path.of(value);
                default -> {
                    LOG.error("usage: Server [--port 8080] [--host 127.0.0.1] [--h2 <directory>] [--contours <geojson>]");
                    System.exit(2);
                    return;
                }
            }
        }
        if (contours == null) {
            for (String candidate : List.of("../shared/data/fr_academies_contours_2020.geojson",
                    "../../shared/data/fr_academies_contours_2020.geojson")) {
                if (Files.isReadable(Path.of(candidate))) {
                    contours = Path.of(candidate);
                    break;
                }
            }
        }
        JdbcStore store = JdbcStore.h2(h2);
        ShareNumHttp http = demo(store, Clock.systemUTC(), contours);
        http.start(host, port);
        LOG.info("ShareNum est prêt : http://{}:{}/  (données : {} ; connexion de démonstration activée ; Ctrl+C pour arrêter)",
                host.equals("0.0.0.0") ? "localhost" : host, http.port(), h2.toAbsolutePath());
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            http.stop();
            store.close();
        }));
    }

    /**
     * The demo's ShareNum and API on a store: the inbox, the development sign-in with the demo's accounts, the
     * demo's data loaded unless already there, quiet hours off (alerts arrive at once, whatever the hour), the
     * inbox written right after each commit, due entries looked for every second.
     *
     * @param store    the store
     * @param clock    the clock
     * @param contours the académie contours' GeoJSON, or null
     * @return the API, not started
     */
    public static ShareNumHttp demo(ShareNumStore store, Clock clock, Path contours) {
        InboxNotifier inbox = new InboxNotifier(store, new OutboxNotifier(), clock);
        ShareNum sharenum = ShareNum.builder().store(store).notifier(inbox).clock(clock)
                .trainings(Demo.trainings(clock)).guides(Demo.guides()).quietHours(QuietHours.OFF)
                // the inbox is written in the request's thread right after the commit (a store write, fast), so a page
                // reloaded after an action shows what it sent; due entries (retries) are looked for every second
                .notificationDelivery(Runnable::run, java.time.Duration.ofSeconds(1)).build();
        Demo.loadOnce(sharenum);
        String academies = contours == null ? null : read(contours);
        String establishments = Demo.establishmentsGeoJson();
        ShareNumHttp.Builder b = ShareNumHttp.builder(sharenum, store).inbox(inbox).clock(clock)
                .devSignIn(new DevSignIn(sharenum, Demo.accounts()))
                .mapLayer("establishments", () -> establishments);
        if (academies != null) {
            b.mapLayer("academies", () -> academies);
        }
        return b.build();
    }

    private static String read(Path p) {
        try {
            return Files.readString(p, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
