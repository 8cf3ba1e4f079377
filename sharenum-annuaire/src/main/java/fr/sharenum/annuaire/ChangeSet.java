package fr.sharenum.annuaire;

import fr.sharenum.annuaire.internal.JsonWriter;
import fr.sharenum.model.Establishment;
import fr.sharenum.model.EstablishmentAnnex;
import fr.sharenum.model.EstablishmentChange;
import fr.sharenum.model.EstablishmentChange.Kind;
import fr.sharenum.model.GeoPoint;
import fr.sharenum.model.Uai;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * What a {@link DirectorySync} proposes: one {@link EstablishmentChange} per establishment that differs
 * from the official directory, in UAI order, to be reviewed ({@link #toCsv()}, {@link #toJson()}) and
 * then applied by storing {@link #establishmentsToPut()} in one transaction. Applying it and
 * synchronising again with the same file proposes nothing.
 *
 * <pre>{@code
 * ChangeSet changes = DirectorySync.builder().build().diff(file, currentEstablishments);
 * Files.writeString(Path.of("revue.csv"), changes.toCsv());
 * changes.closed().forEach(c -> tellMembersAt(c.uai()));
 * changes.establishmentsToPut().forEach(store::putEstablishment);
 * }</pre>
 *
 * @param changes      every change, in UAI order, one per establishment
 * @param unchanged    establishments of the file identical to the store's
 * @param importReport how the file was read: its header version, rows, annexes and rejected rows (the
 *                     UAIs of rejected rows are left as they are, never closed)
 * @param scope        the establishments the file spoke for, resolved (académies and types seen)
 */
public record ChangeSet(List<EstablishmentChange> changes, long unchanged, ImportReport importReport, SyncScope scope) {

    /**
     * Checks and normalises the components.
     *
     * @param changes every change, in UAI order, one per establishment
     * @param unchanged establishments of the file identical to the store's
     * @param importReport how the file was read: its header version, rows, annexes and rejected rows (the UAIs of rejected rows are left as they are, never closed)
     * @param scope the establishments the file spoke for, resolved (académies and types seen)
     */
    public ChangeSet {
        changes = List.copyOf(changes);
        Objects.requireNonNull(importReport, "importReport");
        Objects.requireNonNull(scope, "scope");
        for (int i = 1; i < changes.size(); i++) {
            if (changes.get(i - 1).uai().compareTo(changes.get(i).uai()) >= 0) {
                throw new IllegalArgumentException("changes must be in strictly increasing UAI order");
            }
        }
        if (unchanged < 0) {
            throw new IllegalArgumentException("unchanged must be >= 0");
        }
    }

    /**
     * Whether the store already matches the directory.
     *
     * @return whether the store already matches the directory
     */
    public boolean isEmpty() {
        return changes.isEmpty();
    }

    /**
     * The changes including {@code kind}, in UAI order.
     *
     * @param kind the kind of change
     * @return the changes including {@code kind}, in UAI order
     */
    public List<EstablishmentChange> of(Kind kind) {
        List<EstablishmentChange> out = new ArrayList<>();
        for (EstablishmentChange c : changes) {
            if (c.is(kind)) {
                out.add(c);
            }
        }
        return Collections.unmodifiableList(out);
    }

    /**
     * Establishments the store does not know yet.
     *
     * @return the added
     */
    public List<EstablishmentChange> added() {
        return of(Kind.NEW);
    }

    /**
     * Establishments whose main position moved; {@link EstablishmentChange#movedKm()} says how far.
     *
     * @return the moved
     */
    public List<EstablishmentChange> moved() {
        return of(Kind.MOVED);
    }

    /**
     * Establishments with a new official name.
     *
     * @return the renamed
     */
    public List<EstablishmentChange> renamed() {
        return of(Kind.RENAMED);
    }

    /**
     * Establishments of another type.
     *
     * @return the retyped
     */
    public List<EstablishmentChange> retyped() {
        return of(Kind.RETYPED);
    }

    /**
     * Establishments now announced to close.
     *
     * @return the closing
     */
    public List<EstablishmentChange> closing() {
        return of(Kind.CLOSING);
    }

    /**
     * Establishments now closed, listed so or gone from the directory.
     *
     * @return the closed
     */
    public List<EstablishmentChange> closed() {
        return of(Kind.CLOSED);
    }

    /**
     * Establishments open (or opening) again after closing or closed.
     *
     * @return the reopened
     */
    public List<EstablishmentChange> reopened() {
        return of(Kind.REOPENED);
    }

    /**
     * How many changes include each kind (every kind present, 0 when none).
     *
     * @return how many changes include each kind (every kind present, 0 when none)
     */
    public Map<Kind, Integer> counts() {
        Map<Kind, Integer> counts = new EnumMap<>(Kind.class);
        for (Kind k : Kind.values()) {
            counts.put(k, 0);
        }
        for (EstablishmentChange c : changes) {
            for (Kind k : c.kinds()) {
                counts.merge(k, 1, Integer::sum);
            }
        }
        return Collections.unmodifiableMap(counts);
    }

    /**
     * The establishments to store to apply this change set, in UAI order: each change's {@code after}.
     *
     * @return the establishments to store to apply this change set, in UAI order: each change's {@code after}
     */
    public List<Establishment> establishmentsToPut() {
        List<Establishment> out = new ArrayList<>(changes.size());
        for (EstablishmentChange c : changes) {
            out.add(c.after());
        }
        return Collections.unmodifiableList(out);
    }

    /**
     * The directory after applying this change set to {@code current}, in UAI order: what a store holds
     * once {@link #establishmentsToPut()} are stored. For hosts without a store and for tests.
     *
     * @param current the establishments the change set was computed against
     * @return the directory after applying this change set to {@code current}, in UAI order: what a store holds once {@link #establishmentsToPut()} are stored
     */
    public List<Establishment> applyTo(Collection<Establishment> current) {
        Map<Uai, Establishment> all = new TreeMap<>();
        current.forEach(e -> all.put(e.uai(), e));
        changes.forEach(c -> all.put(c.uai(), c.after()));
        return List.copyOf(all.values());
    }

    /**
     * The change set for a person to review: a header then one line per change and kind, in UAI order
     * ({@code uai;changement;nom;avant;apres;distance_km;absent_du_fichier}), semicolon separated, values
     * quoted when needed, distances in km with three decimals.
     *
     * @return the change set for a person to review: a header then one line per change and kind, in UAI order ({@code uai;changement;nom;avant;apres;distance_km;absent_du_fichier}), semicolon separated, values quoted when needed, distances in km with three decimals
     */
    public String toCsv() {
        StringBuilder b = new StringBuilder("uai;changement;nom;avant;apres;distance_km;absent_du_fichier\n");
        for (EstablishmentChange c : changes) {
            for (Kind k : c.kinds()) {
                Establishment a = c.after();
                Establishment p = c.before();
                String before;
                String after;
                switch (k) {
                    case NEW:
                        before = "";
                        after = describe(a);
                        break;
                    case MOVED:
                        before = point(p.location());
                        after = point(a.location());
                        break;
                    case RENAMED:
                        before = p.name();
                        after = a.name();
                        break;
                    case RETYPED:
                        before = p.type().name();
                        after = a.type().name();
                        break;
                    case UPDATED:
                        before = details(p, a, true);
                        after = details(p, a, false);
                        break;
                    default:
                        before = p.status().name();
                        after = a.status().name();
                        break;
                }
                b.append(c.uai().value()).append(';').append(k.name()).append(';').append(csv(a.name())).append(';')
                        .append(csv(before)).append(';').append(csv(after)).append(';')
                        .append(k == Kind.MOVED ? String.format(Locale.ROOT, "%.3f", c.movedKm()) : "").append(';')
                        .append(k == Kind.CLOSED && c.absentFromSource() ? "oui" : "").append('\n');
            }
        }
        return b.toString();
    }

    /**
     * The change set as a JSON report: {@code headerVersion}, {@code rows}, {@code summary} (count per
     * kind, {@code unchanged}, {@code rejected}), {@code scope}, {@code changes} (each with the components
     * of {@link EstablishmentChange}, establishments as {@code sharenum-json} writes them, so that module
     * reads them back) and {@code rejected} rows ({@code line}, {@code uai}, {@code code}, {@code reason}).
     *
     * @return the change set as a JSON report: {@code headerVersion}, {@code rows}, {@code summary} (count per kind, {@code unchanged}, {@code rejected}), {@code scope}, {@code changes} (each with the components of {@link EstablishmentChange}, establishments as {@code sharenum-json} writes them, so that module reads them back) and {@code rejected} rows ({@code line}, {@code uai}, {@code code}, {@code reason})
     */
    public String toJson() {
        JsonWriter w = new JsonWriter().beginObject();
        w.name("headerVersion").value(importReport.headerVersion());
        w.name("rows").value(importReport.rows());
        w.name("summary").beginObject();
        counts().forEach((k, n) -> w.name(k.name()).value((long) n));
        w.name("unchanged").value(unchanged);
        w.name("rejected").value((long) importReport.rejected().size());
        w.endObject();
        w.name("scope").beginObject().name("mode").value(scope.mode().name());
        w.name("academies").beginArray();
        scope.academies().forEach(a -> w.value(a.name()));
        w.endArray().name("types").beginArray();
        scope.types().forEach(t -> w.value(t.name()));
        w.endArray().endObject();
        w.name("changes").beginArray();
        for (EstablishmentChange c : changes) {
            w.beginObject().name("uai").value(c.uai().value());
            w.name("kinds").beginArray();
            c.kinds().forEach(k -> w.value(k.name()));
            w.endArray();
            w.name("before");
            if (c.before() == null) {
                w.value((String) null);
            } else {
                establishment(w, c.before());
            }
            w.name("after");
            establishment(w, c.after());
            w.name("movedKm").value(c.movedKm());
            w.name("absentFromSource").value(c.absentFromSource());
            w.endObject();
        }
        w.endArray();
        w.name("rejected").beginArray();
        for (Rejection r : importReport.rejected()) {
            w.beginObject().name("line").value(r.line()).name("uai").value(r.uai()).name("code").value(r.code().name())
                    .name("reason").value(r.reason()).endObject();
        }
        w.endArray();
        return w.endObject().toString();
    }

    private static void establishment(JsonWriter w, Establishment e) {
        w.beginObject().name("uai").value(e.uai().value()).name("name").value(e.name()).name("type").value(e.type().name())
                .name("academie").value(e.academie().name()).name("location");
        location(w, e.location());
        w.name("communeCode").value(e.communeCode()).name("status").value(e.status().name()).name("annexes").beginArray();
        for (EstablishmentAnnex a : e.annexes()) {
            w.beginObject().name("name").value(a.name()).name("type").value(a.type().name()).name("location");
            location(w, a.location());
            w.name("communeCode").value(a.communeCode()).endObject();
        }
        w.endArray().endObject();
    }

    private static void location(JsonWriter w, GeoPoint p) {
        w.beginObject().name("latitude").value(p.latitude()).name("longitude").value(p.longitude()).endObject();
    }

    private static String describe(Establishment e) {
        return e.type().name() + ", " + e.status().name() + ", " + point(e.location()) + ", académie "
                + e.academie().label() + (e.communeCode() == null ? "" : ", commune " + e.communeCode())
                + (e.annexes().isEmpty() ? "" : ", " + e.annexes().size() + " annexe(s)");
    }

    private static String point(GeoPoint p) {
        return String.format(Locale.ROOT, "%.6f, %.6f", p.latitude(), p.longitude());
    }

    /** The details that differ between {@code p} and {@code a}, as they are in one of them. */
    private static String details(Establishment p, Establishment a, boolean before) {
        Establishment e = before ? p : a;
        List<String> out = new ArrayList<>();
        if (p.academie() != a.academie()) {
            out.add("académie " + e.academie().label());
        }
        if (!Objects.equals(p.communeCode(), a.communeCode())) {
            out.add("commune " + (e.communeCode() == null ? "inconnue" : e.communeCode()));
        }
        if (!p.annexes().equals(a.annexes())) {
            List<String> names = new ArrayList<>();
            e.annexes().forEach(x -> names.add(x.name()));
            out.add("annexes " + names);
        }
        if (p.status() != a.status()) {
            out.add("statut " + e.status().name());
        }
        return String.join(", ", out);
    }

    private static String csv(String value) {
        if (value.indexOf(';') < 0 && value.indexOf('"') < 0 && value.indexOf('\n') < 0 && value.indexOf('\r') < 0) {
            return value;
        }
        return '"' + value.replace("\"", "\"\"") + '"';
    }
}
