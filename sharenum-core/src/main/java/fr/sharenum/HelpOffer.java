package fr.sharenum;

import fr.sharenum.model.MemberId;
import fr.sharenum.model.Theme;
import fr.sharenum.model.ToolId;
import fr.sharenum.model.Uai;

import java.time.Instant;
import java.util.Set;

/**
 * An offer of help published up front by a member (the "réseaux d'échanges réciproques de savoirs", a
 * coopérative's animator): what they can help with, where, when. Requesters find it next to the institutional
 * trainings and ask that person directly ({@link TicketRequest.Builder#addressedTo}).
 *
 * @param id            identifier
 * @param member        who offers
 * @param establishment where they work (the centre of {@code radiusKm})
 * @param tools         tools they help with (they are at the host's minimum helper level on each)
 * @param themes        pedagogical themes they help with
 * @param text          what they propose, 1–1000 characters
 * @param radiusKm      how far they go to help in person, or 0 when only online
 * @param online        whether they also help online (a visio)
 * @param availability  when they are available, in their words ("le mercredi après-midi"), up to 200 characters
 * @param publishedAt   when it was published
 * @param withdrawnAt   when it was withdrawn, or {@code null} while it stands
 * @param distanceKm    distance from the reader's establishment rounded to the km, in {@link HelpOffers#near};
 *                      {@code -1} elsewhere
 */
public record HelpOffer(String id, MemberId member, Uai establishment, Set<ToolId> tools, Set<Theme> themes,
                        String text, double radiusKm, boolean online, String availability, Instant publishedAt,
                        Instant withdrawnAt, long distanceKm) {
    /**
     * Checks and normalises the components.
     *
     * @param id identifier
     * @param member who offers
     * @param establishment where they work
     * @param tools tools they help with
     * @param themes themes they help with
     * @param text what they propose
     * @param radiusKm how far they go, or 0 when only online
     * @param online whether they also help online
     * @param availability when they are available
     * @param publishedAt when it was published
     * @param withdrawnAt when it was withdrawn, or {@code null}
     * @param distanceKm rounded distance from the reader, or -1
     */
    public HelpOffer {
        tools = Set.copyOf(tools);
        themes = Set.copyOf(themes);
    }

    /**
     * Whether it still stands.
     *
     * @return whether it was not withdrawn
     */
    public boolean active() {
        return withdrawnAt == null;
    }
}
