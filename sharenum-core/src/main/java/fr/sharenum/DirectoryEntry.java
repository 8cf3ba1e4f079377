package fr.sharenum;

import fr.sharenum.model.CompetenceLevel;
import fr.sharenum.model.MemberId;
import fr.sharenum.model.Role;
import fr.sharenum.model.ToolId;
import fr.sharenum.model.Uai;

/**
 * An ex-pair in the directory ({@link Members#directory}): a member experienced on a tool who chose to be listed,
 * with their establishment and the distance rounded to the km — never their address.
 *
 * @param member            the member
 * @param displayName       their name
 * @param role              their function
 * @param establishment     their establishment
 * @param establishmentName its name
 * @param tool              the tool searched
 * @param level             their level on it
 * @param distanceKm        distance between the two establishments, rounded to the km
 */
public record DirectoryEntry(MemberId member, String displayName, Role role, Uai establishment,
                             String establishmentName, ToolId tool, CompetenceLevel level, long distanceKm) {
}
