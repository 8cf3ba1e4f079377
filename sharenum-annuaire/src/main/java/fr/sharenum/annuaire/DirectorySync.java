package fr.sharenum.annuaire;

import fr.sharenum.model.Academie;
import fr.sharenum.model.Establishment;
import fr.sharenum.model.EstablishmentChange;
import fr.sharenum.model.EstablishmentChange.Kind;
import fr.sharenum.model.EstablishmentStatus;
import fr.sharenum.model.EstablishmentType;
import fr.sharenum.model.Uai;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.Reader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Keeps a platform's establishments in step with the official directory, which changes every day
 * (openings, closures, moves, renamings, mergers): streams a file through an {@link AnnuaireImporter},
 * compares each establishment with the store's, and proposes a reviewable {@link ChangeSet}. It changes
 * nothing itself: the host (or ShareNum core) applies the change set in one transaction, tells the
 * members concerned, and updates the matching engine.
 *
 * <pre>{@code
 * DirectorySync sync = DirectorySync.builder().build();
 * ChangeSet changes = sync.diff(Path.of("fr-en-annuaire-education.csv"), currentEstablishments);
 * if (!changes.isEmpty()) {
 *     review(changes.toCsv());
 *     changes.establishmentsToPut().forEach(store::putEstablishment);   // one transaction
 * }
 * }</pre>
 *
 * <h2>What counts as a change</h2>
 * For each establishment of the file, against the store's of the same UAI ({@link EstablishmentChange.Kind}):
 * <ul>
 *   <li>{@code NEW}: the store does not have it;</li>
 *   <li>{@code MOVED}: its main position moved by at least {@link Builder#moveThresholdKm(double)}
 *       (default 10 m); smaller shifts are ignored and the stored position kept, so that nothing moves
 *       unreported;</li>
 *   <li>{@code RENAMED}, {@code RETYPED}: its name or type changed;</li>
 *   <li>{@code CLOSING}: now {@code A FERMER}; {@code CLOSED}: now {@code FERME}; {@code REOPENED}: was
 *       closing or closed, now open or opening; {@code OPENED}: was opening, now open;</li>
 *   <li>{@code UPDATED}: académie, commune or annexes changed, or another status change.</li>
 * </ul>
 * An establishment of the store missing from the file is {@code CLOSED} ({@link
 * EstablishmentChange#absentFromSource() absentFromSource}) when it is inside the {@link SyncScope} and
 * not closed already — unless a rejected row of the file carries its UAI (a row the file has, but that
 * could not be read, closes nothing). A merger appears as the closure of the absorbed establishments
 * and, when the merged one has a new UAI, a {@code NEW} one.
 *
 * <p>As a guard against a truncated or mistaken file, a synchronisation that would close for absence
 * more than {@link Builder#maxAbsentClosures(int, double) a bound} (default: more than 20 and more than
 * 5 % of the scope's open establishments) is refused with {@link DirectorySyncException}.
 *
 * <h2>Guarantees</h2>
 * The change set is deterministic (UAI order) and idempotent: applying it, then synchronising again
 * with the same file, proposes nothing. Memory holds the changes and the UAIs seen, never the file.
 * Immutable and thread-safe; each call reads its own file.
 */
public final class DirectorySync {
    private static final Logger LOG = LoggerFactory.getLogger(DirectorySync.class);

    private final AnnuaireImporter importer;
    private final SyncScope scope;
    private final double moveThresholdKm;
    private final int maxClosuresAtLeast;
    private final double maxClosuresFraction;

    private DirectorySync(Builder b) {
        this.importer = b.importer;
        this.scope = b.scope;
        this.moveThresholdKm = b.moveThresholdKm;
        this.maxClosuresAtLeast = b.maxClosuresAtLeast;
        this.maxClosuresFraction = b.maxClosuresFraction;
    }

    /**
     * A synchronisation with a lenient UTF-8 importer, the {@link SyncScope#seenInFile()} scope, 10 m, 20 or 5 %.
     *
     * @return a synchronisation with a lenient UTF-8 importer, the {@link SyncScope#seenInFile()} scope, 10 m, 20 or 5 %
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Compares a file with the establishments of the store.
     *
     * @param csv     an official file, read as by {@link AnnuaireImporter#importFile}
     * @param current every establishment of the store
     * @return the proposed changes
     * @throws AnnuaireImportException  when the file cannot be imported
     * @throws DirectorySyncException   when it would close too many establishments for being absent
     * @throws IllegalArgumentException when {@code current} holds a UAI twice
     */
    public ChangeSet diff(Path csv, Collection<Establishment> current) {
        Map<Uai, Establishment> byUai = index(current);
        return diff(csv, uai -> Optional.ofNullable(byUai.get(uai)), byUai.keySet());
    }

    /**
     * Compares a file with a store read through a lookup, for stores too large to list in memory.
     *
     * @param csv    an official file
     * @param lookup the store's establishment of a UAI
     * @param known  every UAI of the store (to find those the file no longer lists)
     * @return the proposed changes
     * @throws AnnuaireImportException when the file cannot be imported
     * @throws DirectorySyncException  when it would close too many establishments for being absent
     */
    public ChangeSet diff(Path csv, Function<Uai, Optional<Establishment>> lookup, Collection<Uai> known) {
        Objects.requireNonNull(csv, "csv");
        Comparison c = new Comparison(lookup);
        ImportReport report = importer.importFile(csv, c);
        return c.finish(report, known);
    }

    /**
     * Compares text already decoded with the establishments of the store.
     *
     * @param csv     an official file's text, read as by {@link AnnuaireImporter#importFrom(Reader, Consumer)}
     * @param current every establishment of the store
     * @return the proposed changes
     * @throws AnnuaireImportException  when the text cannot be imported
     * @throws DirectorySyncException   when it would close too many establishments for being absent
     * @throws IllegalArgumentException when {@code current} holds a UAI twice
     */
    public ChangeSet diff(Reader csv, Collection<Establishment> current) {
        Map<Uai, Establishment> byUai = index(current);
        return diff(csv, uai -> Optional.ofNullable(byUai.get(uai)), byUai.keySet());
    }

    /**
     * Compares text already decoded with a store read through a lookup.
     *
     * @param csv    an official file's text
     * @param lookup the store's establishment of a UAI
     * @param known  every UAI of the store
     * @return the proposed changes
     * @throws AnnuaireImportException when the text cannot be imported
     * @throws DirectorySyncException  when it would close too many establishments for being absent
     */
    public ChangeSet diff(Reader csv, Function<Uai, Optional<Establishment>> lookup, Collection<Uai> known) {
        Objects.requireNonNull(csv, "csv");
        Comparison c = new Comparison(lookup);
        ImportReport report = importer.importFrom(csv, c);
        return c.finish(report, known);
    }

    private static Map<Uai, Establishment> index(Collection<Establishment> current) {
        Map<Uai, Establishment> byUai = new HashMap<>(current.size() * 2);
        for (Establishment e : current) {
            if (byUai.put(e.uai(), e) != null) {
                throw new IllegalArgumentException("establishment " + e.uai() + " is given twice");
            }
        }
        return byUai;
    }

    /**
     * The kinds of change from {@code before} to {@code after}, ignoring moves shorter than the threshold.
     * Empty when they are the same.
     */
    Set<Kind> compare(Establishment before, Establishment after, double movedKm) {
        Set<Kind> kinds = EnumSet.noneOf(Kind.class);
        if (movedKm >= moveThresholdKm) {
            kinds.add(Kind.MOVED);
        }
        if (!before.name().equals(after.name())) {
            kinds.add(Kind.RENAMED);
        }
        if (before.type() != after.type()) {
            kinds.add(Kind.RETYPED);
        }
        EstablishmentStatus was = before.status();
        EstablishmentStatus now = after.status();
        boolean otherStatusChange = false;
        if (was != now) {
            if (now == EstablishmentStatus.CLOSED) {
                kinds.add(Kind.CLOSED);
            } else if (now == EstablishmentStatus.CLOSING) {
                kinds.add(Kind.CLOSING);
            } else if (was == EstablishmentStatus.CLOSED || was == EstablishmentStatus.CLOSING) {
                kinds.add(Kind.REOPENED);
            } else if (was == EstablishmentStatus.OPENING) {
                kinds.add(Kind.OPENED);
            } else {
                otherStatusChange = true;
            }
        }
        if (otherStatusChange || before.academie() != after.academie()
                || !Objects.equals(before.communeCode(), after.communeCode()) || !before.annexes().equals(after.annexes())) {
            kinds.add(Kind.UPDATED);
        }
        return kinds;
    }

    /** Receives the imported establishments and keeps what differs. */
    private final class Comparison implements Consumer<Establishment> {
        private final Function<Uai, Optional<Establishment>> lookup;
        private final List<EstablishmentChange> changes = new ArrayList<>();
        private final Set<Uai> seen = new HashSet<>();
        private final Set<Academie> academies = EnumSet.noneOf(Academie.class);
        private final Set<EstablishmentType> types = EnumSet.noneOf(EstablishmentType.class);
        private final int[][] openSeen = new int[Academie.values().length][EstablishmentType.values().length];
        private long unchanged;

        Comparison(Function<Uai, Optional<Establishment>> lookup) {
            this.lookup = Objects.requireNonNull(lookup, "lookup");
        }

        @Override
        public void accept(Establishment e) {
            seen.add(e.uai());
            academies.add(e.academie());
            types.add(e.type());
            Optional<Establishment> stored = lookup.apply(e.uai());
            if (stored.isEmpty()) {
                changes.add(new EstablishmentChange(e.uai(), EnumSet.of(Kind.NEW), null, e, 0, false));
                return;
            }
            Establishment before = stored.get();
            if (before.status() != EstablishmentStatus.CLOSED) {
                openSeen[before.academie().ordinal()][before.type().ordinal()]++;
            }
            double km = before.location().distanceKm(e.location());
            Set<Kind> kinds = compare(before, e, km);
            if (kinds.isEmpty()) {
                unchanged++;
                return;
            }
            boolean moved = kinds.contains(Kind.MOVED);
            Establishment after = moved || before.location().equals(e.location()) ? e : e.withLocation(before.location());
            changes.add(new EstablishmentChange(e.uai(), kinds, before, after, moved ? km : 0, false));
        }

        ChangeSet finish(ImportReport report, Collection<Uai> known) {
            Set<String> unreadable = new HashSet<>();
            for (Rejection r : report.rejected()) {
                unreadable.add(r.uai().strip().toUpperCase(Locale.ROOT));
            }
            SyncScope resolved = scope.resolve(academies, types);
            int openInScope = 0;
            List<EstablishmentChange> absent = new ArrayList<>();
            for (Uai uai : known instanceof Set ? known : new LinkedHashSet<>(known)) {
                if (seen.contains(uai)) {
                    continue;
                }
                Optional<Establishment> stored = lookup.apply(uai);
                if (stored.isEmpty() || !resolved.covers(stored.get())) {
                    continue;
                }
                Establishment before = stored.get();
                if (before.status() == EstablishmentStatus.CLOSED) {
                    continue;
                }
                openInScope++;
                if (unreadable.contains(uai.value())) {
                    continue;
                }
                absent.add(new EstablishmentChange(uai, EnumSet.of(Kind.CLOSED), before,
                        before.withStatus(EstablishmentStatus.CLOSED), 0, true));
            }
            openInScope += openSeenIn(resolved);
            long limit = Math.max(maxClosuresAtLeast, (long) Math.floor(maxClosuresFraction * openInScope));
            if (absent.size() > limit) {
                throw new DirectorySyncException(DirectorySyncException.Code.TOO_MANY_CLOSURES, "la synchronisation "
                        + "fermerait " + absent.size() + " établissements absents du fichier sur " + openInScope
                        + " ouverts dans son périmètre (" + describe(resolved) + "), plus que la limite de " + limit
                        + " : le fichier est-il tronqué ou plus étroit que ce périmètre ? Vérifiez-le, ou précisez "
                        + "le périmètre (SyncScope) ou la limite (maxAbsentClosures)");
            }
            changes.addAll(absent);
            changes.sort(Comparator.comparing(EstablishmentChange::uai));
            ChangeSet set = new ChangeSet(changes, unchanged, report, resolved);
            LOG.info("Synchronisation de l'annuaire : {} changements {}, {} inchangés, {} lignes rejetées", changes.size(),
                    set.counts(), unchanged, report.rejected().size());
            return set;
        }

        /** The stored establishments listed in the file and not closed, in {@code scope}. */
        private int openSeenIn(SyncScope scope) {
            int n = 0;
            for (Academie a : Academie.values()) {
                for (EstablishmentType t : EstablishmentType.values()) {
                    if (openSeen[a.ordinal()][t.ordinal()] > 0 && scope.covers(a, t)) {
                        n += openSeen[a.ordinal()][t.ordinal()];
                    }
                }
            }
            return n;
        }
    }

    private static String describe(SyncScope s) {
        switch (s.mode()) {
            case EVERYTHING:
                return "tout l'annuaire";
            case NOTHING:
                return "aucun établissement";
            default:
                return "académies " + s.academies() + ", types " + s.types();
        }
    }

    /** Configures a {@link DirectorySync}. Not thread-safe. */
    public static final class Builder {
        private AnnuaireImporter importer = AnnuaireImporter.builder().build();
        private SyncScope scope = SyncScope.seenInFile();
        private double moveThresholdKm = 0.01;
        private int maxClosuresAtLeast = 20;
        private double maxClosuresFraction = 0.05;

        private Builder() {
        }

        /**
         * The importer reading the file; default lenient UTF-8, every known header version. A strict
         * importer refuses the whole synchronisation on the first invalid row.
         *
         * @param importer the importer
         * @return this builder
         */
        public Builder importer(AnnuaireImporter importer) {
            this.importer = Objects.requireNonNull(importer, "importer");
            return this;
        }

        /**
         * Which establishments of the store the file speaks for; default {@link SyncScope#seenInFile()}.
         *
         * @param scope the scope
         * @return this builder
         */
        public Builder scope(SyncScope scope) {
            this.scope = Objects.requireNonNull(scope, "scope");
            return this;
        }

        /**
         * The shortest move reported; default 0.01 km (10 m). Shorter shifts of the geocoding are ignored.
         *
         * @param km a distance in km, 0 or more (0 reports every change of coordinates)
         * @return this builder
         */
        public Builder moveThresholdKm(double km) {
            if (!(km >= 0) || Double.isInfinite(km)) {
                throw new IllegalArgumentException("moveThresholdKm must be a distance >= 0, was " + km);
            }
            this.moveThresholdKm = km;
            return this;
        }

        /**
         * How many establishments may be closed for being absent: up to {@code atLeast}, or up to
         * {@code fraction} of the open establishments of the scope when that is more. Default 20 and 5 %.
         *
         * @param atLeast  closures always allowed, 0 or more
         * @param fraction share of the scope's open establishments allowed, between 0 and 1
         * @return this builder
         */
        public Builder maxAbsentClosures(int atLeast, double fraction) {
            if (atLeast < 0 || !(fraction >= 0 && fraction <= 1)) {
                throw new IllegalArgumentException("maxAbsentClosures needs atLeast >= 0 and a fraction in [0, 1]");
            }
            this.maxClosuresAtLeast = atLeast;
            this.maxClosuresFraction = fraction;
            return this;
        }

        /**
         * The synchronisation.
         *
         * @return the {@link DirectorySync}
         */
        public DirectorySync build() {
            return new DirectorySync(this);
        }
    }
}
