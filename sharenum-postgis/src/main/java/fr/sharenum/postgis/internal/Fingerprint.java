package fr.sharenum.postgis.internal;

import fr.sharenum.model.CompetenceLevel;
import fr.sharenum.model.Theme;
import fr.sharenum.model.ToolId;
import fr.sharenum.spi.MatchCandidate;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * SHA-256 of a candidate's canonical encoding: member, establishment, the exact bits of the position,
 * skills sorted by tool, followed tools and themes sorted. Two candidates have the same fingerprint
 * exactly when they are equal (up to SHA-256 collisions), whatever the iteration order of their maps
 * and sets, so the database can tell an upsert that changes nothing with one indexed read.
 */
public final class Fingerprint {

    /** First byte of every encoding: bump it if the encoding changes (every stored row then differs once). */
    private static final int VERSION = 1;

    private Fingerprint() {
    }

    /**
     * The fingerprint.
     *
     * @param c the candidate
     * @return 32 bytes
     */
    public static byte[] of(MatchCandidate c) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(128);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeByte(VERSION);
            out.writeUTF(c.member().value());
            out.writeUTF(c.establishment().value());
            out.writeLong(Double.doubleToLongBits(c.location().latitude()));
            out.writeLong(Double.doubleToLongBits(c.location().longitude()));
            List<Map.Entry<ToolId, CompetenceLevel>> skills = new ArrayList<>(c.levels().entrySet());
            skills.sort(Map.Entry.comparingByKey());
            out.writeInt(skills.size());
            for (Map.Entry<ToolId, CompetenceLevel> s : skills) {
                out.writeUTF(s.getKey().value());
                out.writeByte(s.getValue().ordinal());
            }
            List<ToolId> tools = new ArrayList<>(c.followedTools());
            tools.sort(null);
            out.writeInt(tools.size());
            for (ToolId t : tools) {
                out.writeUTF(t.value());
            }
            List<Theme> themes = new ArrayList<>(c.followedThemes());
            themes.sort(null);
            out.writeInt(themes.size());
            for (Theme t : themes) {
                out.writeUTF(t.value());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a byte array does not fail
        }
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes.toByteArray());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }
}
