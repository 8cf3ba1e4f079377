package fr.sharenum.core.internal;

import fr.sharenum.model.Academie;
import fr.sharenum.model.ToolId;
import fr.sharenum.model.Training;
import fr.sharenum.spi.TrainingCatalog;
import fr.sharenum.spi.TrainingQuery;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The host's catalogue and the trainings published through ShareNum, together: {@code find} for the trainings-first
 * step, {@code search} for the browsable catalogue — each source answers the query from its own indexes, the two
 * answers are merged in (start, id) order. Where both list one id, the host's wins. Thread-safe when the host's
 * catalogue is.
 */
final class CombinedTrainings implements TrainingCatalog {
    private final TrainingCatalog host;
    private final Transactions transactions;

    /**
     * @param host         the host's catalogue
     * @param transactions the unit of work, for the published trainings
     */
    CombinedTrainings(TrainingCatalog host, Transactions transactions) {
        this.host = host;
        this.transactions = transactions;
    }

    @Override
    public List<Training> find(Academie academie, Set<ToolId> tools, Instant from, Instant to) {
        List<Training> all = new ArrayList<>(host.find(academie, tools, from, to));
        Set<String> hosts = new HashSet<>();
        all.forEach(x -> hosts.add(x.id()));
        transactions.tx(t -> t.publishedTrainings(from, to)).stream()
                .filter(x -> x.academie() == null || x.academie() == academie)
                .filter(x -> x.tools().stream().anyMatch(tools::contains))
                .filter(x -> !hosts.contains(x.id()))
                .forEach(all::add);
        all.sort(Comparator.comparing(Training::start).thenComparing(Training::id));
        return all;
    }

    @Override
    public List<Training> search(TrainingQuery query) {
        // the host's answer is re-filtered and re-sorted: a host's search (or its find, through the default) may be loose
        List<Training> hosts = query.select(host.search(query));
        Set<String> ids = new HashSet<>();
        hosts.forEach(x -> ids.add(x.id()));
        List<Training> all = new ArrayList<>(hosts);
        for (Training x : transactions.tx(t -> t.searchTrainings(query))) {
            if (!ids.contains(x.id())) {
                all.add(x);
            }
        }
        return query.select(all);
    }
}
