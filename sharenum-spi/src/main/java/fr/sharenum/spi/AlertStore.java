package fr.sharenum.spi;

import fr.sharenum.model.AlertPreferences;
import fr.sharenum.model.MemberId;
import fr.sharenum.model.ToolId;

import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Alerts sent (caps, rotation, cool-downs) and members' alert preferences. Part of a {@link StoreTransaction}. */
public interface AlertStore {

    /**
     * @param member a member
     * @return their preferences, empty when they set none
     */
    Optional<AlertPreferences> preferences(MemberId member);

    /**
     * Inserts or replaces a member's preferences.
     *
     * @param member      the member
     * @param preferences the preferences
     */
    void putPreferences(MemberId member, AlertPreferences preferences);

    /**
     * The preferences of many members at once (those who have none are absent). The default asks one by one; a
     * database store answers in a few queries.
     *
     * @param members the members
     * @return their preferences
     */
    default Map<MemberId, AlertPreferences> preferencesOf(Collection<MemberId> members) {
        Map<MemberId, AlertPreferences> out = new HashMap<>();
        for (MemberId m : members) {
            preferences(m).ifPresent(p -> out.put(m, p));
        }
        return out;
    }

    /**
     * @param alerts alerts sent
     */
    void record(Collection<AlertRecord> alerts);

    /**
     * @param helpers helpers
     * @param since   start of the count
     * @return for each helper: how many alerts since {@code since} (0 when none), and the time of the last ever
     */
    Map<MemberId, AlertStats> stats(Collection<MemberId> helpers, Instant since);

    /**
     * @param requester a requester
     * @param tool      a tool
     * @param since     start of the period
     * @return the helpers the requester alerted for {@code tool} at or after {@code since}
     */
    Set<MemberId> alertedBy(MemberId requester, ToolId tool, Instant since);

    /**
     * Alert counts of one helper.
     *
     * @param sinceCount alerts since the instant asked about
     * @param last       the last alert ever, or {@code null}
     */
    record AlertStats(int sinceCount, Instant last) {
    }
}
