package fr.sharenum.spring.boot;

import fr.sharenum.model.CompetenceLevel;
import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;
import java.time.LocalTime;

/**
 * Every setting of {@code ShareNum.Builder} as {@code sharenum.*} properties, plus the store ({@code sharenum.jdbc.*}),
 * the mail ({@code sharenum.mail.*}) and the health indicator ({@code sharenum.health.*}). The defaults are
 * ShareNum's own (a test keeps them equal). What is not a value — the training and guide catalogues, the tool
 * catalogue, the closed days, the e-mail policy, the moderation queue, badge rules, the clock, the matching
 * engine — comes from the application's beans of those types, or from a {@link ShareNumBuilderCustomizer}.
 *
 * <pre>
 * sharenum.radius.max-km=100
 * sharenum.alerts.cool-down=3d
 * sharenum.quiet-hours.start=21:00
 * sharenum.invitation-sender=ne-pas-repondre@ac-dijon.fr
 * sharenum.mail.from=ShareNum &lt;ne-pas-repondre@ac-dijon.fr&gt;
 * sharenum.mail.base-url=https://ent.example.fr/sharenum
 * </pre>
 */
@ConfigurationProperties(prefix = "sharenum")
public class ShareNumProperties {

    /** Name of the host platform acting as itself (Actor.host) in the calls the starter makes, such as the health check. */
    private String hostName = "spring-boot";

    /** Lowest competence level alerted for a ticket. */
    private CompetenceLevel minimumHelperLevel = CompetenceLevel.INTERMEDIATE;

    /** How long a ticket waits for a helper. */
    private Duration ticketLifetime = Duration.ofDays(30);

    /** How long a verification token is valid. */
    private Duration verificationValidity = Duration.ofHours(72);

    /** How far ahead institutional trainings are searched. */
    private Duration trainingHorizon = Duration.ofDays(90);

    /** At most this many members alerted per ticket (nearest and most experienced kept); unset for no limit. */
    private Integer maxAlertsPerTicket;

    /** How far from its venue a confirmed event is announced to the members who follow its tools or themes, in km. */
    private double broadcastRadiusKm = 30;

    /**
     * Address shown as ORGANIZER in the iCalendar invitations, whose domain also ends every event's UID: a no-reply
     * address of the host. Set it in production: the default's domain is reserved.
     */
    private String invitationSender = "ne-pas-repondre@sharenum.invalid";

    /** Whether members see other helpers' ratings. */
    private boolean showHelperRatings;

    /** Whether granting ACADEMIE_STAFF for an académie requires an address of that académie's mail domain. */
    private boolean staffAddressMustMatchAcademie = true;

    private final Radius radius = new Radius();
    private final Bus bus = new Bus();
    private final NotificationRetries notificationRetries = new NotificationRetries();
    private final Alerts alerts = new Alerts();
    private final QuietHours quietHours = new QuietHours();
    private final Jdbc jdbc = new Jdbc();
    private final Mail mail = new Mail();
    private final Health health = new Health();
    private final Delivery delivery = new Delivery();
    private final ChangeFeed changeFeed = new ChangeFeed();
    private final Metrics metrics = new Metrics();

    /** @return the host's name as an actor */
    public String getHostName() {
        return hostName;
    }

    /** @param hostName the host's name as an actor */
    public void setHostName(String hostName) {
        this.hostName = hostName;
    }

    /** @return the lowest level alerted */
    public CompetenceLevel getMinimumHelperLevel() {
        return minimumHelperLevel;
    }

    /** @param minimumHelperLevel the lowest level alerted */
    public void setMinimumHelperLevel(CompetenceLevel minimumHelperLevel) {
        this.minimumHelperLevel = minimumHelperLevel;
    }

    /** @return how long a ticket waits */
    public Duration getTicketLifetime() {
        return ticketLifetime;
    }

    /** @param ticketLifetime how long a ticket waits */
    public void setTicketLifetime(Duration ticketLifetime) {
        this.ticketLifetime = ticketLifetime;
    }

    /** @return how long a verification token is valid */
    public Duration getVerificationValidity() {
        return verificationValidity;
    }

    /** @param verificationValidity how long a verification token is valid */
    public void setVerificationValidity(Duration verificationValidity) {
        this.verificationValidity = verificationValidity;
    }

    /** @return how far ahead trainings are searched */
    public Duration getTrainingHorizon() {
        return trainingHorizon;
    }

    /** @param trainingHorizon how far ahead trainings are searched */
    public void setTrainingHorizon(Duration trainingHorizon) {
        this.trainingHorizon = trainingHorizon;
    }

    /** @return the most members alerted per ticket, or null for no limit */
    public Integer getMaxAlertsPerTicket() {
        return maxAlertsPerTicket;
    }

    /** @param maxAlertsPerTicket the most members alerted per ticket, or null for no limit */
    public void setMaxAlertsPerTicket(Integer maxAlertsPerTicket) {
        this.maxAlertsPerTicket = maxAlertsPerTicket;
    }

    /** @return the announcement radius of events, in km */
    public double getBroadcastRadiusKm() {
        return broadcastRadiusKm;
    }

    /** @param broadcastRadiusKm the announcement radius of events, in km */
    public void setBroadcastRadiusKm(double broadcastRadiusKm) {
        this.broadcastRadiusKm = broadcastRadiusKm;
    }

    /** @return the ORGANIZER address of invitations */
    public String getInvitationSender() {
        return invitationSender;
    }

    /** @param invitationSender the ORGANIZER address of invitations */
    public void setInvitationSender(String invitationSender) {
        this.invitationSender = invitationSender;
    }

    /** @return whether helpers' ratings are shown */
    public boolean isShowHelperRatings() {
        return showHelperRatings;
    }

    /** @param showHelperRatings whether helpers' ratings are shown */
    public void setShowHelperRatings(boolean showHelperRatings) {
        this.showHelperRatings = showHelperRatings;
    }

    /** @return whether staff addresses must be of their académie's domain */
    public boolean isStaffAddressMustMatchAcademie() {
        return staffAddressMustMatchAcademie;
    }

    /** @param staffAddressMustMatchAcademie whether staff addresses must be of their académie's domain */
    public void setStaffAddressMustMatchAcademie(boolean staffAddressMustMatchAcademie) {
        this.staffAddressMustMatchAcademie = staffAddressMustMatchAcademie;
    }

    /** @return the radius bounds */
    public Radius getRadius() {
        return radius;
    }

    /** @return the BusNum logistics */
    public Bus getBus() {
        return bus;
    }

    /** @return the outbox's retries */
    public NotificationRetries getNotificationRetries() {
        return notificationRetries;
    }

    /** @return the bounds on alerts */
    public Alerts getAlerts() {
        return alerts;
    }

    /** @return the quiet hours */
    public QuietHours getQuietHours() {
        return quietHours;
    }

    /** @return the store settings */
    public Jdbc getJdbc() {
        return jdbc;
    }

    /** @return the mail settings */
    public Mail getMail() {
        return mail;
    }

    /** @return the health indicator's thresholds */
    public Health getHealth() {
        return health;
    }

    /** @return who delivers notifications, and how often */
    public Delivery getDelivery() {
        return delivery;
    }

    /** @return how this instance follows the change feed */
    public ChangeFeed getChangeFeed() {
        return changeFeed;
    }

    /** @return the Micrometer binding */
    public Metrics getMetrics() {
        return metrics;
    }

    /**
     * Who delivers notifications ({@code ShareNum.Builder.notificationDelivery}, {@code manualNotificationDelivery},
     * {@code notificationLease}). By default the instance's own delivery worker sends them after each commit and looks
     * for due ones every poll interval; an {@code Executor} bean named {@code sharenumDeliveryExecutor} runs the
     * deliveries instead of ShareNum's own thread.
     */
    public static class Delivery {
        /**
         * Whether this instance delivers notifications itself; false leaves it to the application, which calls
         * outbox().deliverDue(host) on its own schedule (a cluster scheduler, a batch job).
         */
        private boolean automatic = true;
        /** How often the delivery worker looks for notifications that became due (retries, quiet hours, digests); 0 only after commits. */
        private Duration pollInterval = Duration.ofSeconds(1);
        /** How long a deliverer holds a notification it is sending before another instance may take it over. */
        private Duration lease = Duration.ofMinutes(2);

        /** @return whether this instance delivers */
        public boolean isAutomatic() {
            return automatic;
        }

        /** @param automatic whether this instance delivers */
        public void setAutomatic(boolean automatic) {
            this.automatic = automatic;
        }

        /** @return how often due notifications are looked for */
        public Duration getPollInterval() {
            return pollInterval;
        }

        /** @param pollInterval how often due notifications are looked for */
        public void setPollInterval(Duration pollInterval) {
            this.pollInterval = pollInterval;
        }

        /** @return how long a delivery in flight is held */
        public Duration getLease() {
            return lease;
        }

        /** @param lease how long a delivery in flight is held */
        public void setLease(Duration lease) {
            this.lease = lease;
        }
    }

    /** How this instance follows the change feed shared by every instance on the database ({@code ShareNum.Builder.changeFeed}). */
    public static class ChangeFeed {
        /** How often the feed is polled (PostgreSQL also signals each commit); 0 turns the background poll off. */
        private Duration pollInterval = Duration.ofMillis(250);
        /** How long changes are kept in the feed; an instance stopped longer rebuilds from the database when it starts. */
        private Duration retention = Duration.ofDays(1);

        /** @return how often the feed is polled */
        public Duration getPollInterval() {
            return pollInterval;
        }

        /** @param pollInterval how often the feed is polled */
        public void setPollInterval(Duration pollInterval) {
            this.pollInterval = pollInterval;
        }

        /** @return how long changes are kept */
        public Duration getRetention() {
            return retention;
        }

        /** @param retention how long changes are kept */
        public void setRetention(Duration retention) {
            this.retention = retention;
        }
    }

    /** ShareNum's meters in the application's Micrometer registry ({@code ShareNum.Builder.meterRegistry}). */
    public static class Metrics {
        /** Whether ShareNum records its meters (sharenum.*) in the application's MeterRegistry when there is one. */
        private boolean enabled = true;

        /** @return whether ShareNum's meters are recorded */
        public boolean isEnabled() {
            return enabled;
        }

        /** @param enabled whether ShareNum's meters are recorded */
        public void setEnabled(boolean enabled) {
            this.enabled = enabled;
        }
    }

    /** The radius a requester chooses for a ticket, in km ({@code ShareNum.Builder.radiusKm}). */
    public static class Radius {
        /** Smallest radius a requester may choose, in km. */
        private double minKm = 1;
        /** Largest radius a requester may choose, in km. */
        private double maxKm = 200;
        /** Radius of a ticket whose requester chooses none, in km. */
        private double defaultKm = 30;

        /** @return the smallest radius, in km */
        public double getMinKm() {
            return minKm;
        }

        /** @param minKm the smallest radius, in km */
        public void setMinKm(double minKm) {
            this.minKm = minKm;
        }

        /** @return the largest radius, in km */
        public double getMaxKm() {
            return maxKm;
        }

        /** @param maxKm the largest radius, in km */
        public void setMaxKm(double maxKm) {
            this.maxKm = maxKm;
        }

        /** @return the default radius, in km */
        public double getDefaultKm() {
            return defaultKm;
        }

        /** @param defaultKm the default radius, in km */
        public void setDefaultKm(double defaultKm) {
            this.defaultKm = defaultKm;
        }
    }

    /** BusNum logistics ({@code ShareNum.Builder.busLogistics} and {@code busOperatingHours}). */
    public static class Bus {
        /** Average driving speed between venues, in km/h. */
        private double averageSpeedKmh = 50;
        /** Set-up time before each event. */
        private Duration setUp = Duration.ofMinutes(45);
        /** Tear-down time after each event. */
        private Duration tearDown = Duration.ofMinutes(30);
        /** Start of the daily hours, local at the venue, within which a BusNum is set up, used and torn down. */
        private LocalTime dayStart = LocalTime.of(7, 0);
        /** End of those hours. */
        private LocalTime dayEnd = LocalTime.of(20, 0);

        /** @return the average speed, in km/h */
        public double getAverageSpeedKmh() {
            return averageSpeedKmh;
        }

        /** @param averageSpeedKmh the average speed, in km/h */
        public void setAverageSpeedKmh(double averageSpeedKmh) {
            this.averageSpeedKmh = averageSpeedKmh;
        }

        /** @return the set-up time */
        public Duration getSetUp() {
            return setUp;
        }

        /** @param setUp the set-up time */
        public void setSetUp(Duration setUp) {
            this.setUp = setUp;
        }

        /** @return the tear-down time */
        public Duration getTearDown() {
            return tearDown;
        }

        /** @param tearDown the tear-down time */
        public void setTearDown(Duration tearDown) {
            this.tearDown = tearDown;
        }

        /** @return the start of the operating hours */
        public LocalTime getDayStart() {
            return dayStart;
        }

        /** @param dayStart the start of the operating hours */
        public void setDayStart(LocalTime dayStart) {
            this.dayStart = dayStart;
        }

        /** @return the end of the operating hours */
        public LocalTime getDayEnd() {
            return dayEnd;
        }

        /** @param dayEnd the end of the operating hours */
        public void setDayEnd(LocalTime dayEnd) {
            this.dayEnd = dayEnd;
        }
    }

    /** How the outbox retries a notification the notifier refused ({@code ShareNum.Builder.notificationRetries}). */
    public static class NotificationRetries {
        /** Attempts before a notification becomes a dead letter (1–100). */
        private int maxAttempts = 8;
        /** Wait before the first retry, doubled at each attempt. */
        private Duration firstRetry = Duration.ofSeconds(30);
        /** Longest wait between two attempts. */
        private Duration longestRetry = Duration.ofHours(6);

        /** @return the attempts before a dead letter */
        public int getMaxAttempts() {
            return maxAttempts;
        }

        /** @param maxAttempts the attempts before a dead letter */
        public void setMaxAttempts(int maxAttempts) {
            this.maxAttempts = maxAttempts;
        }

        /** @return the first wait */
        public Duration getFirstRetry() {
            return firstRetry;
        }

        /** @param firstRetry the first wait */
        public void setFirstRetry(Duration firstRetry) {
            this.firstRetry = firstRetry;
        }

        /** @return the longest wait */
        public Duration getLongestRetry() {
            return longestRetry;
        }

        /** @param longestRetry the longest wait */
        public void setLongestRetry(Duration longestRetry) {
            this.longestRetry = longestRetry;
        }
    }

    /** Fair, bounded alerts ({@code ShareNum.Builder.alertLimits}). */
    public static class Alerts {
        /** At most this many alerts per helper over any 7 days (helpers over it are alerted only to reach the minimum). */
        private int perHelperPerWeek = 20;
        /** Helpers alerted per ticket, when that many qualify, even over their weekly cap. */
        private int minimumPerTicket = 3;
        /** No re-alert of the helpers a requester already alerted for the same tool within this time; 0 to turn off. */
        private Duration coolDown = Duration.ofDays(7);
        /** At most this many tickets per requester over 24 h. */
        private int ticketsPerDay = 5;

        /** @return the weekly cap per helper */
        public int getPerHelperPerWeek() {
            return perHelperPerWeek;
        }

        /** @param perHelperPerWeek the weekly cap per helper */
        public void setPerHelperPerWeek(int perHelperPerWeek) {
            this.perHelperPerWeek = perHelperPerWeek;
        }

        /** @return the minimum alerted per ticket */
        public int getMinimumPerTicket() {
            return minimumPerTicket;
        }

        /** @param minimumPerTicket the minimum alerted per ticket */
        public void setMinimumPerTicket(int minimumPerTicket) {
            this.minimumPerTicket = minimumPerTicket;
        }

        /** @return the cool-down */
        public Duration getCoolDown() {
            return coolDown;
        }

        /** @param coolDown the cool-down */
        public void setCoolDown(Duration coolDown) {
            this.coolDown = coolDown;
        }

        /** @return the tickets per requester per day */
        public int getTicketsPerDay() {
            return ticketsPerDay;
        }

        /** @param ticketsPerDay the tickets per requester per day */
        public void setTicketsPerDay(int ticketsPerDay) {
            this.ticketsPerDay = ticketsPerDay;
        }
    }

    /** Quiet hours in each helper's local time: an alert falling in them waits for their end ({@code ShareNum.Builder.quietHours}). */
    public static class QuietHours {
        /** Start of the quiet hours; equal to the end to turn them off. */
        private LocalTime start = LocalTime.of(20, 0);
        /** End of the quiet hours. */
        private LocalTime end = LocalTime.of(7, 0);

        /** @return the start */
        public LocalTime getStart() {
            return start;
        }

        /** @param start the start */
        public void setStart(LocalTime start) {
            this.start = start;
        }

        /** @return the end */
        public LocalTime getEnd() {
            return end;
        }

        /** @param end the end */
        public void setEnd(LocalTime end) {
            this.end = end;
        }
    }

    /** The store on the application's DataSource ({@code JdbcStore}). */
    public static class Jdbc {
        /** Whether to keep ShareNum's data in the application's DataSource (else in memory, lost on restart). */
        private boolean enabled = true;
        /** Schema holding ShareNum's tables (created if needed); unset for the connection's default schema. */
        private String schema;
        /** Whether to create and upgrade ShareNum's tables (Flyway, history table sn_schema_history) at start. */
        private boolean migrate = true;

        /** @return whether the DataSource is used */
        public boolean isEnabled() {
            return enabled;
        }

        /** @param enabled whether the DataSource is used */
        public void setEnabled(boolean enabled) {
            this.enabled = enabled;
        }

        /** @return the schema, or null */
        public String getSchema() {
            return schema;
        }

        /** @param schema the schema, or null */
        public void setSchema(String schema) {
            this.schema = schema;
        }

        /** @return whether migrations run at start */
        public boolean isMigrate() {
            return migrate;
        }

        /** @param migrate whether migrations run at start */
        public void setMigrate(boolean migrate) {
            this.migrate = migrate;
        }
    }

    /**
     * E-mail through {@code MailNotifier}: on when {@code base-url} and {@code from} are set; the SMTP server is
     * {@code sharenum.mail.host}, else Spring's {@code spring.mail.*}.
     */
    public static class Mail {
        /** Whether to send notifications by e-mail when the mail settings are there. */
        private boolean enabled = true;
        /** SMTP host; unset to use spring.mail.host. */
        private String host;
        /** SMTP port; unset to use spring.mail.port, else 25. */
        private Integer port;
        /** SMTP user; unset to use spring.mail.username (none when both are unset). */
        private String username;
        /** SMTP password; unset to use spring.mail.password. */
        private String password;
        /** Whether STARTTLS is required; unset to follow spring.mail.properties.mail.smtp.starttls.required. */
        private Boolean startTls;
        /** Sender of the e-mails: an address, with a display name if wanted ("ShareNum" then the address in angle brackets). */
        private String from;
        /**
         * Base URL of the host's pages the e-mails link to: base-url/verification?member=…&amp;token=…,
         * base-url/tickets/{id}, base-url/evenements/{id}, base-url/desabonnement?member=….
         */
        private String baseUrl;
        /** SMTP connection, read and write timeout. */
        private Duration timeout = Duration.ofSeconds(20);
        /** Messages sent over one SMTP connection before a new one is opened. */
        private int messagesPerConnection = 100;
        /**
         * Where the host's own mail templates are, replacing ShareNum's one by one: "classpath:sharenum/mail/" or a
         * folder "file:/etc/ent/sharenum-mails/"; unset for ShareNum's only.
         */
        private String templates;

        /** @return whether mail is on */
        public boolean isEnabled() {
            return enabled;
        }

        /** @param enabled whether mail is on */
        public void setEnabled(boolean enabled) {
            this.enabled = enabled;
        }

        /** @return the SMTP host, or null */
        public String getHost() {
            return host;
        }

        /** @param host the SMTP host */
        public void setHost(String host) {
            this.host = host;
        }

        /** @return the SMTP port, or null */
        public Integer getPort() {
            return port;
        }

        /** @param port the SMTP port */
        public void setPort(Integer port) {
            this.port = port;
        }

        /** @return the SMTP user, or null */
        public String getUsername() {
            return username;
        }

        /** @param username the SMTP user */
        public void setUsername(String username) {
            this.username = username;
        }

        /** @return the SMTP password, or null */
        public String getPassword() {
            return password;
        }

        /** @param password the SMTP password */
        public void setPassword(String password) {
            this.password = password;
        }

        /** @return whether STARTTLS is required, or null */
        public Boolean getStartTls() {
            return startTls;
        }

        /** @param startTls whether STARTTLS is required */
        public void setStartTls(Boolean startTls) {
            this.startTls = startTls;
        }

        /** @return the sender */
        public String getFrom() {
            return from;
        }

        /** @param from the sender */
        public void setFrom(String from) {
            this.from = from;
        }

        /** @return the base URL of the links */
        public String getBaseUrl() {
            return baseUrl;
        }

        /** @param baseUrl the base URL of the links */
        public void setBaseUrl(String baseUrl) {
            this.baseUrl = baseUrl;
        }

        /** @return the SMTP timeout */
        public Duration getTimeout() {
            return timeout;
        }

        /** @param timeout the SMTP timeout */
        public void setTimeout(Duration timeout) {
            this.timeout = timeout;
        }

        /** @return the messages per SMTP connection */
        public int getMessagesPerConnection() {
            return messagesPerConnection;
        }

        /** @param messagesPerConnection the messages per SMTP connection */
        public void setMessagesPerConnection(int messagesPerConnection) {
            this.messagesPerConnection = messagesPerConnection;
        }

        /** @return where the host's templates are, or null */
        public String getTemplates() {
            return templates;
        }

        /** @param templates where the host's templates are */
        public void setTemplates(String templates) {
            this.templates = templates;
        }
    }

    /** When {@link ShareNumHealthIndicator} reports DOWN. */
    public static class Health {
        /** Notifications waiting for a retry after a failure at or above which ShareNum is reported DOWN. */
        private int maxFailed = 1000;
        /** Dead letters (notifications given up on) at or above which ShareNum is reported DOWN. */
        private int maxDeadLetters = 100;
        /**
         * How long this instance may stay behind the change feed (changes committed it has not applied) before it is
         * reported DOWN: the feed cannot be read, or applying it is stuck.
         */
        private Duration maxFeedLag = Duration.ofMinutes(5);

        /** @return how long behind the feed makes it DOWN */
        public Duration getMaxFeedLag() {
            return maxFeedLag;
        }

        /** @param maxFeedLag how long behind the feed makes it DOWN */
        public void setMaxFeedLag(Duration maxFeedLag) {
            this.maxFeedLag = maxFeedLag;
        }

        /** @return the failed notifications that make it DOWN */
        public int getMaxFailed() {
            return maxFailed;
        }

        /** @param maxFailed the failed notifications that make it DOWN */
        public void setMaxFailed(int maxFailed) {
            this.maxFailed = maxFailed;
        }

        /** @return the dead letters that make it DOWN */
        public int getMaxDeadLetters() {
            return maxDeadLetters;
        }

        /** @param maxDeadLetters the dead letters that make it DOWN */
        public void setMaxDeadLetters(int maxDeadLetters) {
            this.maxDeadLetters = maxDeadLetters;
        }
    }
}
