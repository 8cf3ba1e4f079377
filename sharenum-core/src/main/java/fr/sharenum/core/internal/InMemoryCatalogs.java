package fr.sharenum.core.internal;

import fr.sharenum.model.Guide;
import fr.sharenum.model.Training;
import fr.sharenum.spi.GuideCatalog;
import fr.sharenum.spi.TrainingCatalog;

import java.util.Collections;
import java.util.Comparator;
import java.util.List;

/** Immutable list-backed catalogues. */
public final class InMemoryCatalogs {
    private InMemoryCatalogs() {
    }

    public static TrainingCatalog trainings(List<Training> trainings) {
        List<Training> all = trainings.stream().sorted(Comparator.comparing(Training::start).thenComparing(Training::id)).toList();
        return (academie, tools, from, to) -> all.stream()
                .filter(t -> t.academie() == null || t.academie() == academie)
                .filter(t -> !Collections.disjoint(t.tools(), tools))
                .filter(t -> !t.start().isBefore(from) && t.start().isBefore(to))
                .toList();
    }

    /** Guides ranked by how many of the asked tools and themes they cover, then by title. */
    public static GuideCatalog guides(List<Guide> guides) {
        List<Guide> all = List.copyOf(guides);
        return (tools, themes) -> all.stream()
                .filter(g -> !Collections.disjoint(g.tools(), tools) || !Collections.disjoint(g.themes(), themes))
                .sorted(Comparator.comparingLong((Guide g) -> -(g.tools().stream().filter(tools::contains).count()
                                + g.themes().stream().filter(themes::contains).count()))
                        .thenComparing(Guide::title))
                .toList();
    }
}
