package fr.sharenum.benchmarks;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import fr.sharenum.mail.MailLinks;
import fr.sharenum.mail.MailNotifier;
import fr.sharenum.model.Email;
import fr.sharenum.model.MemberId;
import fr.sharenum.model.Notification;
import fr.sharenum.model.TicketId;
import fr.sharenum.model.TicketKind;
import fr.sharenum.model.ToolId;
import fr.sharenum.spi.NotificationFailedException;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * Mails per second {@link MailNotifier} hands to a local SMTP server (GreenMail on loopback, which parses and stores
 * every message): a batch of 100 ticket alerts over one connection ({@code sendAll}, what the outbox's delivery
 * does), and the same alerts one {@code send} — one connection — each. Every figure is mails/s (the batch counts
 * 100 operations per call). Each message is composed from the templates (Mustache, text and HTML), as in production.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@State(Scope.Benchmark)
public class MailThroughputBenchmark {
    static final int BATCH = 100;

    private GreenMail smtp;
    private MailNotifier mail;
    private List<Notification> alerts;
    private int next;

    @Setup
    public void start() {
        smtp = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
        smtp.start();
        mail = MailNotifier.builder("127.0.0.1", smtp.getSmtp().getPort())
                .from("ShareNum <ne-pas-repondre@ac-dijon.fr>")
                .links(MailLinks.under(URI.create("https://ent.example.fr/sharenum"))).build();
        alerts = new ArrayList<>();
        for (int i = 0; i < BATCH; i++) {
            alerts.add(new Notification.TicketAlert("alert:T" + i + ":M" + i, MemberId.of("M" + i),
                    Email.of("helper." + i + "@ac-dijon.fr"), TicketId.of("T" + i), "Rachel Requérante",
                    Set.of(ToolId.of("capytale")), TicketKind.ACCOMPANIMENT, "Démarrer Python en 2de avec la tortue",
                    i % 30, List.of(), Map.of(ToolId.of("capytale"), "Capytale (Python)"), i % 30 == 0));
        }
    }

    /** GreenMail keeps every message in memory: emptied between iterations. */
    @TearDown(Level.Iteration)
    public void purge() throws Exception {
        smtp.purgeEmailFromAllMailboxes();
    }

    @TearDown
    public void stop() {
        smtp.stop();
    }

    /**
     * 100 alerts over one SMTP connection.
     *
     * @return how many failed (0)
     */
    @Benchmark
    @OperationsPerInvocation(BATCH)
    public int batchOverOneConnection() {
        Map<String, NotificationFailedException> failures = mail.sendAll(alerts);
        if (!failures.isEmpty()) {
            throw failures.values().iterator().next();
        }
        return failures.size();
    }

    /**
     * One alert, one connection.
     *
     * @return the alert sent
     */
    @Benchmark
    public Notification oneConnectionPerMail() {
        Notification n = alerts.get(next++ % BATCH);
        mail.send(n);
        return n;
    }
}
