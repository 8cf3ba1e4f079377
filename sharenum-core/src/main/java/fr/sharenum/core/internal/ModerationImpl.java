package fr.sharenum.core.internal;

import fr.sharenum.core.internal.access.Access;
import fr.sharenum.core.internal.access.Operation;
import fr.sharenum.core.internal.access.Principal;
import fr.sharenum.core.internal.access.Relation;
import fr.sharenum.model.Actor;
import fr.sharenum.model.InvalidValueException;
import fr.sharenum.model.LimitExceededException;

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

import fr.sharenum.core.internal.store.DocCollection;
import fr.sharenum.core.internal.store.Keys;
import fr.sharenum.spi.Doc;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** Reports to the moderation queue, and blocks. */
final class ModerationImpl implements Moderation {

    /**
     * Reports kept in the store (every instance reads the same queue, and a report is unique by reporter and subject
     * in the database): in full when ShareNum is the queue, as a marker without the comment when the host's queue
     * takes them.
     */
    static final DocCollection<Report> REPORTS = new DocCollection<>("report", Report.class, Report::id,
            r -> Map.of("at", Keys.join(Keys.time(r.at()), r.id()), "reporter", Keys.join(r.reporter().value(), r.id())));

    private final Transactions transactions;
    private final Clock clock;
    /** The host's queue, or {@code null} when the reports stay in the store for {@link #pendingReports}. */
    private final ModerationQueue hostQueue;

    /**
     * @param transactions the unit of work
     * @param clock        the time of reports and decisions
     * @param hostQueue    the host's queue, or {@code null} to keep reports in the store
     */
    ModerationImpl(Transactions transactions, Clock clock, ModerationQueue hostQueue) {
        this.transactions = transactions;
        this.clock = clock;
        this.hostQueue = hostQueue;
    }

    @Override
    public Report report(Actor actor, Report.Subject subject, Report.Reason reason, String comment) {
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(reason, "reason");
        Report report = transactions.tx(t -> {
            Access.require(Operation.MODERATION_REPORT, Access.relations(Access.principal(t, actor), null));
            MemberId reporter = (MemberId) actor;
            check(t, reporter, subject);
            Report r = new Report("report:" + reporter + ":" + subject.describe().replace(' ', '-'), reporter, subject, reason,
                    comment, clock.instant());
            if (REPORTS.doc(t, r.id()).isPresent()) {
                throw new DuplicateException("member " + actor.describe() + " already reported " + subject.describe());
            }
            // a concurrent identical report on another instance fails on the key (DuplicateException)
            REPORTS.insert(t, hostQueue == null ? r : new Report(r.id(), r.reporter(), r.subject(), r.reason(), "", r.at()));
            return r;
        });
        if (hostQueue != null) {
            try {
                hostQueue.submit(report);
            } catch (RuntimeException e) {
                transactions.tx(t -> REPORTS.delete(t, report.id()));
                throw e;
            }
        }
        return report;
    }

    private static void check(Tx t, MemberId reporter, Report.Subject subject) {
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
    public void block(Actor actor, MemberId blocked) {
        setBlock(actor, blocked, true);
    }

    @Override
    public void unblock(Actor actor, MemberId blocked) {
        setBlock(actor, blocked, false);
    }

    private void setBlock(Actor actor, MemberId blocked, boolean block) {
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(blocked, "blocked");
        transactions.tx(t -> {
            Access.require(Operation.MODERATION_BLOCK, Access.relations(Access.principal(t, actor), null));
            MemberId blocker = (MemberId) actor;
            if (blocker.equals(blocked)) {
                throw new InvalidValueException("blocked", "a member cannot block themselves");
            }
            Member m = t.member(blocker).orElseThrow(() -> new NotFoundException("member", blocker));
            t.member(blocked).orElseThrow(() -> new NotFoundException("member", blocked));
            AlertPreferences p = t.alertPreferences(m.id()).orElse(AlertPreferences.NONE);
            if (block && !p.blocks(blocked) && p.blocked().size() >= AlertPreferences.MAX_BLOCKED) {
                throw new LimitExceededException("member " + blocker + " already blocks " + AlertPreferences.MAX_BLOCKED
                        + " members, the most allowed");
            }
            t.putAlertPreferences(m.id(), p.blocking(blocked, block));
            return null;
        });
    }

    @Override
    public List<Report> pendingReports(Actor actor) {
        Objects.requireNonNull(actor, "actor");
        return transactions.tx(t -> {
            Principal p = Access.principal(t, actor);
            Access.Relations r = Access.relations(p, p.academie());
            Access.require(Operation.MODERATION_QUEUE, r);
            List<Report> pending = hostQueue != null ? hostQueue.pending() : REPORTS.between(t, "at", "", "\uffff");
            if (r.set().contains(Relation.HOST) || r.set().contains(Relation.NATIONAL_ADMIN)) {
                return pending;
            }
            // staff read the reports made by members of their académie
            return pending.stream().filter(rep -> t.member(rep.reporter())
                    .flatMap(m -> t.establishment(m.establishment())).map(e -> e.academie() == p.academie()).orElse(false))
                    .toList();
        });
    }

    /** Erasure, inside its transaction: the comments of the reports {@code member} made are redacted in the store. */
    static void redactReportsBy(Tx t, MemberId member) {
        for (Report r : REPORTS.all(t, "reporter", Keys.join(member.value()))) {
            if (!r.comment().isEmpty()) {
                Doc doc = REPORTS.doc(t, r.id()).orElseThrow();
                REPORTS.replace(t, new Report(r.id(), r.reporter(), r.subject(), r.reason(), ErasureText.TEXT, r.at()), doc.version());
            }
        }
    }
}
