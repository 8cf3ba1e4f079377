package fr.sharenum.core.internal.access;

import fr.sharenum.Agenda;
import fr.sharenum.BusNum;
import fr.sharenum.Campaigns;
import fr.sharenum.Establishments;
import fr.sharenum.Events;
import fr.sharenum.HelpOffers;
import fr.sharenum.Indicators;
import fr.sharenum.Members;
import fr.sharenum.Moderation;
import fr.sharenum.Outbox;
import fr.sharenum.Research;
import fr.sharenum.Roles;
import fr.sharenum.ShareNum;
import fr.sharenum.Tickets;
import fr.sharenum.Trainings;
import fr.sharenum.model.ShareNumException;

import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import static fr.sharenum.core.internal.access.Relation.ACCEPTED_HELPER;
import static fr.sharenum.core.internal.access.Relation.ALERTED;
import static fr.sharenum.core.internal.access.Relation.ANYONE;
import static fr.sharenum.core.internal.access.Relation.COLLEAGUE;
import static fr.sharenum.core.internal.access.Relation.HOST;
import static fr.sharenum.core.internal.access.Relation.INVITED;
import static fr.sharenum.core.internal.access.Relation.MEMBER;
import static fr.sharenum.core.internal.access.Relation.NATIONAL_ADMIN;
import static fr.sharenum.core.internal.access.Relation.ORGANISER;
import static fr.sharenum.core.internal.access.Relation.PUBLISHER;
import static fr.sharenum.core.internal.access.Relation.QUALIFIED;
import static fr.sharenum.core.internal.access.Relation.REGISTRANT;
import static fr.sharenum.core.internal.access.Relation.REQUESTER;
import static fr.sharenum.core.internal.access.Relation.RESEARCHER;
import static fr.sharenum.core.internal.access.Relation.SELF;
import static fr.sharenum.core.internal.access.Relation.SELF_ANY_STATUS;
import static fr.sharenum.core.internal.access.Relation.STAFF;
import static fr.sharenum.core.internal.access.Relation.TEAM;

/**
 * The access matrix: for every method of every facade, the relations an actor must have to the call's
 * subject (any one of them). {@code docs/security.md} shows this table; {@code AccessMatrixTest} fails
 * the build when a facade method has no row here, and runs every method as every kind of actor to check
 * that the implementation enforces its row. An operation marked {@linkplain #blockable() blockable} is
 * also refused between two members when one blocked the other.
 */
public enum Operation {
    // --- establishments: public open data
    ESTABLISHMENTS_READ(Establishments.class, List.of("find", "get", "all"), false, ANYONE),
    ESTABLISHMENTS_WRITE(Establishments.class, List.of("put", "putAll", "apply"), false, HOST, NATIONAL_ADMIN),

    // --- members
    MEMBERS_REGISTER(Members.class, List.of("register"), false, ANYONE),
    MEMBERS_SIGN_IN(Members.class, List.of("signIn"), false, HOST),
    MEMBERS_VERIFY(Members.class, List.of("verify"), false, ANYONE),
    MEMBERS_RESEND_VERIFICATION(Members.class, List.of("resendVerification"), false, ANYONE),
    MEMBERS_READ(Members.class, List.of("find", "get"), false, SELF, STAFF, NATIONAL_ADMIN, HOST),
    MEMBERS_PROFILE(Members.class, List.of("profile"), false, MEMBER, HOST),
    MEMBERS_EDIT(Members.class, List.of("setSkill", "removeSkill", "edit", "recordPix"), false, SELF, HOST),
    MEMBERS_MOVE(Members.class, List.of("moveTo"), false, SELF, HOST),
    MEMBERS_SUSPEND(Members.class, List.of("suspend", "reinstate"), false, STAFF, NATIONAL_ADMIN, HOST),
    MEMBERS_EXPORT(Members.class, List.of("exportData"), false, SELF_ANY_STATUS, STAFF, NATIONAL_ADMIN, HOST),
    MEMBERS_ERASE(Members.class, List.of("erase"), false, SELF_ANY_STATUS, STAFF, NATIONAL_ADMIN, HOST),
    MEMBERS_PREFERENCES_READ(Members.class, List.of("alertPreferences"), false, SELF, HOST),
    MEMBERS_PREFERENCES_WRITE(Members.class, List.of("muteTool", "pauseAlerts", "setDigest", "setAnnouncements",
            "listInDirectory"), false, SELF),
    MEMBERS_DIRECTORY(Members.class, List.of("directory"), false, MEMBER),
    MEMBERS_BADGES(Members.class, List.of("badges"), false, MEMBER, HOST),

    // --- roles
    ROLES_GRANT(Roles.class, List.of("grant", "revoke"), false, STAFF, NATIONAL_ADMIN, HOST),
    ROLES_READ(Roles.class, List.of("of"), false, SELF, STAFF, NATIONAL_ADMIN, HOST),
    ROLES_AUDIT(Roles.class, List.of("audit"), false, STAFF, NATIONAL_ADMIN, HOST),

    // --- trainings first
    TRAININGS_FOR_MEMBER(Trainings.class, List.of("forMember"), false, MEMBER),
    TRAININGS_PUBLISH(Trainings.class, List.of("publish"), false, PUBLISHER, NATIONAL_ADMIN, HOST),
    TRAININGS_BROWSE(Trainings.class, List.of("search", "guides", "searchGuides"), false, MEMBER, HOST),

    // --- offers of help up front
    HELP_OFFERS_PUBLISH(HelpOffers.class, List.of("publish"), false, MEMBER),
    HELP_OFFERS_WITHDRAW(HelpOffers.class, List.of("withdraw"), false, SELF, HOST),
    HELP_OFFERS_NEAR(HelpOffers.class, List.of("near"), false, MEMBER),
    HELP_OFFERS_READ(HelpOffers.class, List.of("of"), false, MEMBER, HOST),

    // --- tickets
    TICKETS_OPEN(Tickets.class, List.of("open"), false, MEMBER),
    TICKETS_OFFER(Tickets.class, List.of("offer"), true, ALERTED, QUALIFIED),
    TICKETS_ACCEPT(Tickets.class, List.of("accept"), true, REQUESTER),
    TICKETS_POST(Tickets.class, List.of("post"), true, REQUESTER, ACCEPTED_HELPER),
    TICKETS_CONVERSATION(Tickets.class, List.of("conversation"), false, REQUESTER, ACCEPTED_HELPER, HOST),
    TICKETS_CANCEL(Tickets.class, List.of("cancel"), false, REQUESTER, STAFF, HOST),
    TICKETS_COMPLETE(Tickets.class, List.of("complete"), false, REQUESTER, ACCEPTED_HELPER),
    TICKETS_EXPIRE(Tickets.class, List.of("expireDue"), false, HOST),
    TICKETS_READ(Tickets.class, List.of("find", "get"), false, REQUESTER, ALERTED, QUALIFIED, ACCEPTED_HELPER, STAFF, HOST),
    TICKETS_OF_MEMBER(Tickets.class, List.of("openedBy", "offeredBy"), false, SELF, STAFF, HOST),
    TICKETS_BOARD(Tickets.class, List.of("board"), false, MEMBER),
    /** Checked for each request of the board: whether its text is shown. */
    TICKETS_BOARD_TEXT(Tickets.class, List.of(), false, REQUESTER, ALERTED, QUALIFIED, ACCEPTED_HELPER, STAFF, HOST),
    TICKETS_ALERT_REPORT(Tickets.class, List.of("alertReport"), false, REQUESTER, STAFF, HOST),

    // --- agenda
    AGENDA_PUBLISH(Agenda.class, List.of("publish"), false, SELF),
    AGENDA_READ(Agenda.class, List.of("availability"), false, SELF, HOST),
    AGENDA_COMMON_SLOTS(Agenda.class, List.of("findCommonSlots"), true, SELF, HOST),

    // --- events
    EVENTS_CREATE(Events.class, List.of("create"), false, MEMBER),
    /** Also checked by {@code create} for an event made from a ticket. */
    EVENTS_CREATE_FROM_TICKET(Events.class, List.of(), false, REQUESTER, ACCEPTED_HELPER),
    EVENTS_INVITATION(Events.class, List.of("acceptInvitation", "declineInvitation"), true, INVITED),
    EVENTS_ORGANISE(Events.class, List.of("confirm", "reschedule", "markHeld", "markAttendance", "checkInCode"), false,
            ORGANISER),
    EVENTS_CANCEL(Events.class, List.of("cancel"), false, ORGANISER, STAFF, HOST),
    EVENTS_REGISTER(Events.class, List.of("register"), true, MEMBER),
    EVENTS_UNREGISTER(Events.class, List.of("unregister"), false, REGISTRANT),
    EVENTS_READ(Events.class, List.of("find", "get", "between", "search"), false, MEMBER, HOST),
    EVENTS_OF_MEMBER(Events.class, List.of("of"), false, SELF, HOST),
    EVENTS_CHECK_IN(Events.class, List.of("checkIn"), false, REGISTRANT),
    EVENTS_REMIND(Events.class, List.of("sendReminders"), false, HOST),
    EVENTS_GIVE_FEEDBACK(Events.class, List.of("giveFeedback"), false, REGISTRANT),
    EVENTS_FEEDBACK_READ(Events.class, List.of("feedback"), false, ORGANISER, HOST),
    EVENTS_HELPER_RATING(Events.class, List.of("helperRating"), false, MEMBER, HOST),

    // --- BusNum
    BUSES_ADD(BusNum.class, List.of("add"), false, STAFF, NATIONAL_ADMIN, HOST),
    BUSES_READ(BusNum.class, List.of("get", "all", "bookings", "suggest"), false, MEMBER, HOST),

    // --- moderation
    MODERATION_REPORT(Moderation.class, List.of("report"), false, MEMBER),
    MODERATION_BLOCK(Moderation.class, List.of("block", "unblock"), false, MEMBER),
    MODERATION_QUEUE(Moderation.class, List.of("pendingReports"), false, STAFF, NATIONAL_ADMIN, HOST),

    // --- campaigns
    CAMPAIGNS_START(Campaigns.class, List.of("start"), false, MEMBER),
    CAMPAIGNS_STEER(Campaigns.class, List.of("addToTeam", "advance", "proposals", "linkWorkshop"), false, TEAM),
    CAMPAIGNS_TAKE_PART(Campaigns.class, List.of("submitConcern", "startExperiment"), false, COLLEAGUE),
    CAMPAIGNS_READ(Campaigns.class, List.of("get"), false, COLLEAGUE, STAFF, HOST),
    CAMPAIGNS_REPORT(Campaigns.class, List.of("report"), false, TEAM, STAFF, HOST),

    // --- the académie's view
    INDICATORS_REPORT(Indicators.class, List.of("report", "impact"), false, STAFF, NATIONAL_ADMIN, RESEARCHER, HOST),
    INDICATORS_DEFINE_TERRITORY(Indicators.class, List.of("define"), false, STAFF, NATIONAL_ADMIN, HOST),
    INDICATORS_TERRITORIES(Indicators.class, List.of("territories"), false, STAFF, NATIONAL_ADMIN, RESEARCHER, HOST),

    // --- research and progression (issue 17)
    MEMBERS_PROGRESSION(Members.class, List.of("progression"), false, SELF, HOST),
    EVENTS_ATTENDANCE(Events.class, List.of("markAttendance"), false, ORGANISER),
    TRAININGS_TRACE(Trainings.class, List.of("follow", "declareAttended"), false, MEMBER),
    RESEARCH_CONSENT(Research.class, List.of("consent"), false, SELF),
    RESEARCH_CONSENT_READ(Research.class, List.of("consented"), false, SELF, HOST),
    RESEARCH_CONSENTS(Research.class, List.of("consents"), false, HOST),

    // --- operations
    OUTBOX_OPERATE(Outbox.class, List.of("failed", "retryNow", "deliverDue", "deadLetters", "revive", "backlog",
            "undeliveredVerifications"), false, NATIONAL_ADMIN, HOST),
    MATCHING_ENGINE(ShareNum.class, List.of("matchingEngine"), false, HOST),
    CHANGE_FEED(ShareNum.class, List.of("changeFeed"), false, NATIONAL_ADMIN, HOST);

    private final Class<?> facade;
    private final List<String> methods;
    private final boolean blockable;
    private final Set<Relation> allowed;

    Operation(Class<?> facade, List<String> methods, boolean blockable, Relation first, Relation... more) {
        this.facade = facade;
        this.methods = methods;
        this.blockable = blockable;
        this.allowed = EnumSet.of(first, more);
    }

    /** @return the facade interface whose methods this row covers */
    public Class<?> facade() {
        return facade;
    }

    /** @return the names of the facade methods this row covers */
    public List<String> methods() {
        return methods;
    }

    /** @return whether a block between the two members also refuses the call */
    public boolean blockable() {
        return blockable;
    }

    /** @return the relations of which the actor needs one */
    public Set<Relation> allowed() {
        return allowed;
    }

    /**
     * What the operation does, in words.
     *
     * @param locale the reader's locale
     * @return e.g. "lire une demande"
     */
    public String describe(Locale locale) {
        return ShareNumException.phrase("operation." + name(), locale);
    }

    /**
     * The row covering a facade method.
     *
     * @param facade the facade interface
     * @param method the method's name
     * @return the operation
     * @throws IllegalStateException when the matrix has no row for it
     */
    public static Operation of(Class<?> facade, String method) {
        for (Operation o : values()) {
            if (o.facade == facade && o.methods.contains(method)) {
                return o;
            }
        }
        throw new IllegalStateException("the access matrix has no row for " + facade.getSimpleName() + "." + method);
    }
}
