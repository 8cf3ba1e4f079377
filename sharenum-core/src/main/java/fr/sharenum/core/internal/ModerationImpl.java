package fr.sharenum.core.internal;

import fr.sharenum.Moderation;
import fr.sharenum.model.AlertPreferences;
import fr.sharenum.model.DuplicateException;
import fr.sharenum.model.Member;
import fr.sharenum.model.MemberId;
import fr.sharenum.model.Message;
import fr.sharenum.model.NotAllowedException;
import fr.sharenum.model.NotFoundException;
import fr.sharenum.model.Report;
import fr.sharenum.model.TicketNum;
import fr.sharenum.spi.ModerationQueue;
import fr.sharenum.spi.StoreTransaction;

import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;

/** Reports to the moderation queue, and blocks. */
final class ModerationImpl implements Moderation {

    /** The default queue: reports kept in memory for the host to read. */
    static final class InMemoryQueue implements ModerationQueue {
        private final ConcurrentLinkedQueue<Report> reports = new ConcurrentLinkedQueue<>();

        @Override
        public void submit(Report report) {
            reports.add(report);
        }

        @Override
        public List<Report> pending() {
            return List.copyOf(reports);
        }
    }

    private final Engine engine;
    private final ModerationQueue queue;
    private final Set<String> submitted = ConcurrentHashMap.newKeySet();

    ModerationImpl(Engine engine, ModerationQueue queue) {
        this.engine = engine;
        this.queue = queue;
    }

    @Override
    public Report report(MemberId reporter, Report.Subject subject, Report.Reason reason, String comment) {
        Objects.requireNonNull(reporter, "reporter");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(reason, "reason");
        Report report = engine.tx(t -> {
            Engine.activeMember(t, reporter);
            check(t, reporter, subject);
            return new Report("report:" + reporter + ":" + subject.describe().replace(' ', '-'), reporter, subject, reason,
                    comment, engine.now());
        });
        if (!submitted.add(report.id())) {
            throw new DuplicateException("member " + reporter + " already reported " + subject.describe());
        }
        try {
            queue.submit(report);
        } catch (RuntimeException e) {
            submitted.remove(report.id());
            throw e;
        }
        return report;
    }

    private static void check(StoreTransaction t, MemberId reporter, Report.Subject subject) {
        if (subject instanceof Report.OfMember m) {
            t.member(m.member()).orElseThrow(() -> new NotFoundException("member", m.member()));
            if (m.member().equals(reporter)) {
                throw new NotAllowedException("a member cannot report themselves");
            }
        } else if (subject instanceof Report.OfMessage m) {
            TicketNum ticket = t.ticket(m.ticket()).orElseThrow(() -> new NotFoundException("ticket", m.ticket()));
            if (!ticket.isParticipant(reporter)) {
                throw new NotAllowedException("only the participants of ticket " + m.ticket() + " see its messages; "
                        + reporter + " is not one");
            }
            List<Message> found = t.messages(m.ticket(), m.seq() - 1, 1);
            if (found.isEmpty()) {
                throw new NotFoundException("message", m.ticket() + "#" + m.seq());
            }
            if (found.get(0).sender().equals(reporter)) {
                throw new NotAllowedException("a member cannot report their own message");
            }
        } else if (subject instanceof Report.OfEvent e) {
            t.event(e.event()).orElseThrow(() -> new NotFoundException("event", e.event()));
        }
    }

    @Override
    public void block(MemberId blocker, MemberId blocked) {
        setBlock(blocker, blocked, true);
    }

    @Override
    public void unblock(MemberId blocker, MemberId blocked) {
        setBlock(blocker, blocked, false);
    }

    private void setBlock(MemberId blocker, MemberId blocked, boolean block) {
        Objects.requireNonNull(blocker, "blocker");
        Objects.requireNonNull(blocked, "blocked");
        if (blocker.equals(blocked)) {
            throw new NotAllowedException("a member cannot block themselves");
        }
        engine.tx(t -> {
            Member m = t.member(blocker).orElseThrow(() -> new NotFoundException("member", blocker));
            t.member(blocked).orElseThrow(() -> new NotFoundException("member", blocked));
            AlertPreferences p = t.alertPreferences(m.id()).orElse(AlertPreferences.NONE);
            t.putAlertPreferences(m.id(), p.blocking(blocked, block));
            return null;
        });
    }

    @Override
    public List<Report> pendingReports() {
        return queue.pending();
    }
}
