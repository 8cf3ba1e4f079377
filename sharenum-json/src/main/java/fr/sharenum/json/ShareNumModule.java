package fr.sharenum.json;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.KeyDeserializer;
import com.fasterxml.jackson.databind.Module;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import fr.sharenum.model.Alert;
import fr.sharenum.model.Availability;
import fr.sharenum.model.Bus;
import fr.sharenum.model.BusBooking;
import fr.sharenum.model.BusId;
import fr.sharenum.model.Email;
import fr.sharenum.model.Establishment;
import fr.sharenum.model.Event;
import fr.sharenum.model.EventId;
import fr.sharenum.model.EventStatusChange;
import fr.sharenum.model.EventSummary;
import fr.sharenum.model.GeoPoint;
import fr.sharenum.model.Guide;
import fr.sharenum.model.Invitation;
import fr.sharenum.model.Member;
import fr.sharenum.model.MemberId;
import fr.sharenum.model.Message;
import fr.sharenum.model.Notification;
import fr.sharenum.model.Offer;
import fr.sharenum.model.Registration;
import fr.sharenum.model.Skill;
import fr.sharenum.model.StatusChange;
import fr.sharenum.model.Theme;
import fr.sharenum.model.TicketId;
import fr.sharenum.model.TicketNum;
import fr.sharenum.model.TimeRange;
import fr.sharenum.model.TimeWindow;
import fr.sharenum.model.Tool;
import fr.sharenum.model.ToolCategory;
import fr.sharenum.model.ToolId;
import fr.sharenum.model.Training;
import fr.sharenum.model.Uai;
import fr.sharenum.model.Venue;
import fr.sharenum.model.WeeklySlot;
import fr.sharenum.spi.FollowersQuery;
import fr.sharenum.spi.Match;
import fr.sharenum.spi.MatchCandidate;
import fr.sharenum.spi.Nearby;
import fr.sharenum.spi.OutboxEntry;
import fr.sharenum.spi.QualifiedQuery;
import fr.sharenum.spi.VerificationRecord;

import java.io.IOException;
import java.util.List;
import java.util.function.Function;

/**
 * Jackson module for every ShareNum value type, so a host exposes the domain over REST without
 * writing serializers. Identifiers ({@link Uai}, {@link MemberId}, {@link TicketId}, {@link EventId},
 * {@link BusId}, {@link ToolId}, {@link Theme}, {@link Email}) are plain JSON strings, also as map keys;
 * records are objects of their components, validated by their constructors when read back (a bad
 * value fails the read with a {@link com.fasterxml.jackson.databind.JsonMappingException} whose cause is
 * the ShareNum exception); {@link Notification}s carry a {@code "type"} property naming their kind
 * ({@code "TicketAlert"}, {@code "EventInvitation"}…). Java time types come from Jackson's
 * {@link JavaTimeModule}, registered with it.
 *
 * <pre>{@code
 * ObjectMapper mapper = JsonMapper.builder().addModule(new ShareNumModule())
 *         .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS).build();   // or ShareNumModule.mapper()
 * String json = mapper.writeValueAsString(ticket);
 * TicketNum back = mapper.readValue(json, TicketNum.class);
 * }</pre>
 */
public final class ShareNumModule extends SimpleModule {
    private static final long serialVersionUID = 1L;

    /** Every record of the model and SPI: only their components are properties (no {@code isActive()}…). */
    static final List<Class<?>> RECORDS = List.of(Alert.class, Availability.class, Bus.class, BusBooking.class,
            Establishment.class, Event.class, EventStatusChange.class, EventSummary.class, GeoPoint.class, Guide.class,
            Invitation.class, Member.class, Message.class, Offer.class, Registration.class, Skill.class,
            StatusChange.class, TicketNum.class, TimeRange.class, TimeWindow.class, Tool.class, ToolCategory.class,
            Training.class, Venue.class, WeeklySlot.class, FollowersQuery.class, Match.class, MatchCandidate.class,
            Nearby.class, QualifiedQuery.class, VerificationRecord.class, OutboxEntry.class,
            fr.sharenum.model.AlertPreferences.class, fr.sharenum.spi.AlertRecord.class, fr.sharenum.spi.AlertStore.AlertStats.class,
            fr.sharenum.model.Report.class, fr.sharenum.model.Report.OfMember.class, fr.sharenum.model.Report.OfMessage.class,
            fr.sharenum.model.Report.OfEvent.class, fr.sharenum.model.Feedback.class,
            fr.sharenum.model.PixCertification.class, fr.sharenum.model.BadgeDefinition.class, fr.sharenum.model.BadgeAward.class,
            fr.sharenum.model.Campaign.class, fr.sharenum.model.Campaign.Concern.class, fr.sharenum.model.Campaign.Experiment.class,
            fr.sharenum.model.Grant.class, fr.sharenum.spi.Doc.class, fr.sharenum.model.AuditEntry.class,
            fr.sharenum.model.IdentityLink.class, fr.sharenum.model.Actor.Host.class, fr.sharenum.spi.Change.class,
            fr.sharenum.model.EstablishmentAnnex.class, fr.sharenum.model.EstablishmentChange.class,
            fr.sharenum.spi.OutboxBacklog.class,
            fr.sharenum.model.OnlineAccess.class, fr.sharenum.spi.EventQuery.class, fr.sharenum.spi.TicketQuery.class,
            fr.sharenum.spi.GeoGrid.Box.class, fr.sharenum.spi.TrainingQuery.class, fr.sharenum.spi.GuideQuery.class,
            fr.sharenum.spi.MemberProjection.class);

    /**
     * Every value type this module reads and writes: the records of the model and the SPI, the
     * identifiers, and {@link Notification} (polymorphic).
     *
     * @return every value type this module reads and writes: the records of the model and the SPI, the identifiers, and {@link Notification} (polymorphic)
     */
    public static List<Class<?>> valueTypes() {
        List<Class<?>> all = new java.util.ArrayList<>(RECORDS);
        all.addAll(List.of(Uai.class, MemberId.class, TicketId.class, EventId.class, BusId.class, ToolId.class, Theme.class,
                Email.class, fr.sharenum.model.CampaignId.class, fr.sharenum.model.GrantId.class, Notification.class,
                fr.sharenum.model.Report.Subject.class));
        return List.copyOf(all);
    }

    /** Creates a {@code ShareNumModule}. */
    public ShareNumModule() {
        super("ShareNumModule");
        identifier(Uai.class, Uai::value, Uai::of);
        identifier(MemberId.class, MemberId::value, MemberId::of);
        identifier(TicketId.class, TicketId::value, TicketId::of);
        identifier(EventId.class, EventId::value, EventId::of);
        identifier(BusId.class, BusId::value, BusId::of);
        identifier(ToolId.class, ToolId::value, ToolId::of);
        identifier(Theme.class, Theme::value, Theme::of);
        identifier(Email.class, Email::value, Email::of);
        identifier(fr.sharenum.model.CampaignId.class, fr.sharenum.model.CampaignId::value, fr.sharenum.model.CampaignId::of);
        identifier(fr.sharenum.model.GrantId.class, fr.sharenum.model.GrantId::value, fr.sharenum.model.GrantId::of);
        for (Class<?> record : RECORDS) {
            setMixInAnnotation(record, ComponentsOnly.class);
        }
        setMixInAnnotation(Notification.class, NotificationTypes.class);
        setMixInAnnotation(fr.sharenum.model.Report.Subject.class, ReportSubjectTypes.class);
    }

    /**
     * A mapper with this module, ISO-8601 dates and durations, and unknown properties refused.
     *
     * @return a mapper with this module, ISO-8601 dates and durations, and unknown properties refused
     */
    public static com.fasterxml.jackson.databind.json.JsonMapper mapper() {
        return com.fasterxml.jackson.databind.json.JsonMapper.builder().addModule(new ShareNumModule())
                .disable(com.fasterxml.jackson.databind.SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(com.fasterxml.jackson.databind.SerializationFeature.WRITE_DURATIONS_AS_TIMESTAMPS)
                .enable(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .build();
    }

    @Override
    public Iterable<? extends Module> getDependencies() {
        return List.of(new JavaTimeModule());
    }

    private <T> void identifier(Class<T> type, Function<T, String> write, Function<String, T> read) {
        JsonSerializer<T> serializer = new JsonSerializer<>() {
            @Override
            public void serialize(T value, JsonGenerator gen, SerializerProvider serializers) throws IOException {
                gen.writeString(write.apply(value));
            }
        };
        JsonSerializer<T> keySerializer = new JsonSerializer<>() {
            @Override
            public void serialize(T value, JsonGenerator gen, SerializerProvider serializers) throws IOException {
                gen.writeFieldName(write.apply(value));
            }
        };
        addSerializer(type, serializer);
        addKeySerializer(type, keySerializer);
        addDeserializer(type, new StdScalarDeserializer<T>(type) {
            private static final long serialVersionUID = 1L;

            @Override
            public T deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
                if (!p.hasToken(com.fasterxml.jackson.core.JsonToken.VALUE_STRING)) {
                    return type.cast(ctxt.handleUnexpectedToken(type, p));
                }
                try {
                    return read.apply(p.getText());
                } catch (RuntimeException e) {
                    throw com.fasterxml.jackson.databind.exc.ValueInstantiationException.from(p,
                            "not a valid " + type.getSimpleName() + ": " + e.getMessage(), ctxt.constructType(type), e);
                }
            }
        });
        addKeyDeserializer(type, new KeyDeserializer() {
            @Override
            public Object deserializeKey(String key, DeserializationContext ctxt) throws IOException {
                try {
                    return read.apply(key);
                } catch (RuntimeException e) {
                    return ctxt.handleWeirdKey(type, key, "not a valid %s: %s", type.getSimpleName(), e.getMessage());
                }
            }
        });
    }

    @JsonAutoDetect(isGetterVisibility = JsonAutoDetect.Visibility.NONE)
    private abstract static class ComponentsOnly {
    }

    @JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
    @JsonSubTypes({
            @JsonSubTypes.Type(value = fr.sharenum.model.Report.OfMember.class, name = "member"),
            @JsonSubTypes.Type(value = fr.sharenum.model.Report.OfMessage.class, name = "message"),
            @JsonSubTypes.Type(value = fr.sharenum.model.Report.OfEvent.class, name = "event")})
    private abstract static class ReportSubjectTypes {
    }

    @JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
    @JsonSubTypes({
            @JsonSubTypes.Type(value = Notification.VerificationRequested.class, name = "VerificationRequested"),
            @JsonSubTypes.Type(value = Notification.TicketAlert.class, name = "TicketAlert"),
            @JsonSubTypes.Type(value = Notification.AlertDigest.class, name = "AlertDigest"),
            @JsonSubTypes.Type(value = Notification.OfferReceived.class, name = "OfferReceived"),
            @JsonSubTypes.Type(value = Notification.OfferAccepted.class, name = "OfferAccepted"),
            @JsonSubTypes.Type(value = Notification.OfferDeclined.class, name = "OfferDeclined"),
            @JsonSubTypes.Type(value = Notification.MessagePosted.class, name = "MessagePosted"),
            @JsonSubTypes.Type(value = Notification.TicketClosed.class, name = "TicketClosed"),
            @JsonSubTypes.Type(value = Notification.EventInvitation.class, name = "EventInvitation"),
            @JsonSubTypes.Type(value = Notification.Waitlisted.class, name = "Waitlisted"),
            @JsonSubTypes.Type(value = Notification.OrganiserInvited.class, name = "OrganiserInvited"),
            @JsonSubTypes.Type(value = Notification.EstablishmentStatusChanged.class, name = "EstablishmentStatusChanged"),
            @JsonSubTypes.Type(value = Notification.EventReminder.class, name = "EventReminder"),
            @JsonSubTypes.Type(value = Notification.FeedbackRequested.class, name = "FeedbackRequested"),
            @JsonSubTypes.Type(value = Notification.BadgeAwarded.class, name = "BadgeAwarded")})
    @JsonAutoDetect(isGetterVisibility = JsonAutoDetect.Visibility.NONE)
    private abstract static class NotificationTypes {
    }
}
