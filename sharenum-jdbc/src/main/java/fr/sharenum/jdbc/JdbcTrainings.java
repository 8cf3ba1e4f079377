package fr.sharenum.jdbc;

import fr.sharenum.model.Training;
import fr.sharenum.spi.TrainingQuery;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The published trainings' catalogue side (schema V12): the académie column and the topics table kept in step with
 * each insert, and the catalogue query — the académie (with national trainings) and the start narrow by index, the
 * topics by {@code sn_training_topic}, the document decides ({@link TrainingQuery#matches}); a page is read in batches
 * until full.
 */
final class JdbcTrainings {
    private final Sql sql;
    private final boolean postgres;

    JdbcTrainings(Sql sql, boolean postgres) {
        this.sql = sql;
        this.postgres = postgres;
    }

    /** Writes the catalogue columns and topics of a training just inserted (or stored before V12). */
    void index(Training t) {
        sql.update("UPDATE sn_training SET academie = ?, search_indexed = TRUE WHERE id = ?", s -> {
            s.setString(1, t.academie() == null ? null : t.academie().name());
            s.setString(2, t.id());
        });
        sql.update("DELETE FROM sn_training_topic WHERE training = ?", s -> s.setString(1, t.id()));
        sql.check();
        try (PreparedStatement s = sql.connection().prepareStatement("INSERT INTO sn_training_topic (training, topic) VALUES (?, ?)")) {
            for (String topic : new TreeSet<>(JdbcSearch.topics(t.tools(), t.themes()))) {
                s.setString(1, t.id());
                s.setString(2, topic);
                s.addBatch();
            }
            s.executeBatch();
        } catch (SQLException e) {
            throw Sql.failure(e);
        }
    }

    /** Indexes up to 500 trainings stored before schema V12; returns how many. */
    int indexUnindexed() {
        List<Training> trainings = sql.docs("SELECT doc FROM sn_training WHERE search_indexed = FALSE LIMIT 500", s -> { },
                Training.class);
        trainings.forEach(this::index);
        return trainings.size();
    }

    List<Training> search(TrainingQuery q) {
        Where w = new Where().and("t.start_at >= ? AND t.start_at < ?", Sql.nanos(q.from()), Sql.nanos(q.to()));
        // a row not indexed yet (stored before V12, until JdbcStore has indexed it) passes to the document check
        w.and("(t.search_indexed = FALSE OR t.academie IS NULL OR t.academie = ?)", q.academie().name());
        // one of the tools and one of the themes (each when asked): two conditions on the topics
        anyTopic(w, JdbcSearch.topics(q.tools(), Set.of()));
        anyTopic(w, JdbcSearch.topics(Set.of(), q.themes()));
        String id = JdbcSearch.bytewise("t.id", postgres);
        Long afterStart = q.afterStart() == null ? null : Sql.nanos(q.afterStart());
        int batch = Math.min(TrainingQuery.MAX_LIMIT, Math.max(q.limit(), 50));
        return w.scan(sql, "sn_training t", "t.start_at", id, afterStart, q.afterId(), q.limit(), batch, Training.class,
                q::matches);
    }

    /** Trainings with one of {@code topics} (none asked: every training). */
    private static void anyTopic(Where w, Set<String> topics) {
        if (!topics.isEmpty()) {
            w.and("(t.search_indexed = FALSE OR EXISTS (SELECT 1 FROM sn_training_topic x WHERE x.training = t.id"
                    + " AND x.topic IN (" + Where.marks(topics.size()) + ")))", topics.stream().sorted().toArray());
        }
    }
}
