package fr.sharenum.json;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.sharenum.model.Establishment;
import fr.sharenum.model.Event;
import fr.sharenum.model.GeoPoint;
import fr.sharenum.model.InvalidValueException;
import fr.sharenum.model.ToolId;
import fr.sharenum.model.Uai;
import fr.sharenum.spi.Match;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * GeoJSON (RFC 7946) FeatureCollections ready for a Leaflet or OpenLayers map: WGS84, coordinates
 * {@code [longitude, latitude]} rounded to 6 decimals (~10 cm), no {@code crs} member. Members are
 * only ever placed at their establishment, never more precisely, and distances are rounded to 0.1 km.
 *
 * <pre>{@code
 * String map = GeoJson.toString(GeoJson.matches(ticket.origin(), matches, sharenum.establishments()::get));
 * }</pre>
 *
 * <p>Stateless and thread-safe.
 */
public final class GeoJson {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private GeoJson() {
    }

    /**
     * One Point feature per establishment, id the UAI, with name, type, académie and commune.
     *
     * @param establishments the establishments
     * @return the establishments
     */
    public static ObjectNode establishments(Collection<Establishment> establishments) {
        Objects.requireNonNull(establishments, "establishments");
        ArrayNode features = NODES.arrayNode();
        for (Establishment e : establishments) {
            ObjectNode p = NODES.objectNode();
            p.put("kind", "establishment");
            p.put("uai", e.uai().value());
            p.put("name", e.name());
            p.put("type", e.type().name());
            p.put("academie", e.academie().label());
            p.put("departement", e.departement());
            if (e.communeCode() != null) {
                p.put("commune", e.communeCode());
            }
            features.add(feature(e.uai().value(), e.location(), p));
        }
        return collection(features);
    }

    /**
     * The centre of a search, then one Point feature per match at its member's establishment, with
     * the member id, level and distance. {@code establishments} finds where each match works.
     *
     * @param origin the origin
     * @param matches the matches
     * @param establishments the establishments
     * @return the centre of a search, then one Point feature per match at its member's establishment, with the member id, level and distance
     */
    public static ObjectNode matches(GeoPoint origin, List<Match> matches, Function<Uai, Establishment> establishments) {
        Objects.requireNonNull(origin, "origin");
        Objects.requireNonNull(matches, "matches");
        Objects.requireNonNull(establishments, "establishments");
        ArrayNode features = NODES.arrayNode();
        ObjectNode centre = NODES.objectNode();
        centre.put("kind", "origin");
        features.add(feature("origin", origin, centre));
        int rank = 1;
        for (Match m : matches) {
            Establishment e = establishments.apply(m.establishment());
            if (e == null) {
                throw new InvalidValueException("establishments", "no establishment " + m.establishment() + " for " + m.member());
            }
            ObjectNode p = NODES.objectNode();
            p.put("kind", "match");
            p.put("rank", rank++);
            p.put("member", m.member().value());
            p.put("level", m.level().name());
            p.put("distanceKm", round(m.distanceKm(), 1));
            p.put("uai", e.uai().value());
            p.put("establishment", e.name());
            features.add(feature(m.member().value(), e.location(), p));
        }
        return collection(features);
    }

    /**
     * One Point feature per event at its venue, with title, kind, times, status, seats and tools (online-only events,
     * which have no venue, are left out; a hybrid event says {@code "online": true}).
     *
     * @param events the events
     * @return the events
     */
    public static ObjectNode events(Collection<Event> events) {
        Objects.requireNonNull(events, "events");
        ArrayNode features = NODES.arrayNode();
        for (Event e : events) {
            if (e.venue() == null) {
                continue;
            }
            ObjectNode p = NODES.objectNode();
            p.put("kind", "event");
            p.put("eventKind", e.kind().name());
            p.put("title", e.title());
            p.put("start", e.start().toString());
            p.put("end", e.end().toString());
            p.put("timeZone", e.venue().zone().getId());
            p.put("status", e.status().name());
            p.put("place", e.venue().label());
            p.put("busNum", e.bus() != null);
            p.put("online", e.isOnline());
            p.put("capacity", e.capacity());
            p.put("seatsLeft", e.seatsLeft());
            ArrayNode tools = p.putArray("tools");
            e.tools().stream().map(ToolId::value).sorted().forEach(tools::add);
            ArrayNode themes = p.putArray("themes");
            e.themes().stream().map(t -> t.value()).sorted().forEach(themes::add);
            features.add(feature(e.id().value(), e.venue().location(), p));
        }
        return collection(features);
    }

    /**
     * The GeoJSON text of a collection.
     *
     * @param geoJson a collection built by this class
     * @return the JSON text
     */
    public static String toString(ObjectNode geoJson) {
        return geoJson.toString();
    }

    private static ObjectNode collection(ArrayNode features) {
        ObjectNode fc = NODES.objectNode();
        fc.put("type", "FeatureCollection");
        fc.set("features", features);
        return fc;
    }

    private static ObjectNode feature(String id, GeoPoint at, ObjectNode properties) {
        ObjectNode f = NODES.objectNode();
        f.put("type", "Feature");
        f.put("id", id);
        ObjectNode geometry = f.putObject("geometry");
        geometry.put("type", "Point");
        ArrayNode coordinates = geometry.putArray("coordinates");
        coordinates.add(round(at.longitude(), 6));
        coordinates.add(round(at.latitude(), 6));
        f.set("properties", properties);
        return f;
    }

    private static BigDecimal round(double v, int decimals) {
        return BigDecimal.valueOf(v).setScale(decimals, RoundingMode.HALF_EVEN).stripTrailingZeros();
    }
}
