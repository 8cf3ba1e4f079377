package fr.sharenum.jdbc.internal;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import fr.sharenum.model.CompetenceLevel;
import fr.sharenum.model.MemberId;
import fr.sharenum.model.MemberStatus;
import fr.sharenum.model.Theme;
import fr.sharenum.model.ToolId;
import fr.sharenum.model.Uai;
import fr.sharenum.spi.MemberProjection;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Reads a stored member's JSON document (as the store's mapper writes a {@code Member}) straight into a
 * {@link MemberProjection}, with Jackson's streaming parser: the fields derived state needs are read, the rest
 * (name, address, usages, disciplines) skipped without being decoded, and tool, theme and establishment ids shared
 * between members (a national start reads a million members naming a few hundred tools). One reader serves one
 * scan; thread-safe (pages are parsed on several threads).
 */
public final class MemberProjectionReader implements Function<String, MemberProjection> {

    private static final JsonFactory JSON = new JsonFactory();

    private final Map<String, ToolId> tools = new ConcurrentHashMap<>();
    private final Map<String, Theme> themes = new ConcurrentHashMap<>();
    private final Map<String, Uai> establishments = new ConcurrentHashMap<>();

    @Override
    public MemberProjection apply(String doc) {
        try (JsonParser p = JSON.createParser(doc)) {
            return read(p);
        } catch (IOException e) {
            throw new UncheckedIOException("unreadable member document", e);
        }
    }

    /**
     * @param doc a member document as UTF-8 bytes
     * @return its projection
     */
    public MemberProjection fromUtf8(byte[] doc) {
        try (JsonParser p = JSON.createParser(doc)) {
            return read(p);
        } catch (IOException e) {
            throw new UncheckedIOException("unreadable member document", e);
        }
    }

    private MemberProjection read(JsonParser p) throws IOException {
        expect(p.nextToken(), JsonToken.START_OBJECT);
        String id = null;
        MemberStatus status = null;
        Uai establishment = null;
        Map<ToolId, CompetenceLevel> levels = new HashMap<>();
        List<ToolId> followedTools = new ArrayList<>();
        List<Theme> followedThemes = new ArrayList<>();
        Instant registeredAt = null;
        LocalDate pixOn = null;
        Integer pixScore = null;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String field = p.currentName();
            JsonToken value = p.nextToken();
            switch (field) {
                case "id" -> id = p.getText();
                case "status" -> status = MemberStatus.valueOf(p.getText());
                case "establishment" -> establishment = establishments.computeIfAbsent(p.getText(), Uai::of);
                case "registeredAt" -> registeredAt = Instant.parse(p.getText());
                case "skills" -> skills(p, value, levels);
                case "followedTools" -> strings(p, value, s -> followedTools.add(tools.computeIfAbsent(s, ToolId::of)));
                case "followedThemes" -> strings(p, value, s -> followedThemes.add(themes.computeIfAbsent(s, Theme::of)));
                case "pix" -> {
                    if (value == JsonToken.START_OBJECT) {
                        while (p.nextToken() == JsonToken.FIELD_NAME) {
                            String name = p.currentName();
                            p.nextToken();
                            switch (name) {
                                case "score" -> pixScore = p.getIntValue();
                                case "certifiedOn" -> pixOn = LocalDate.parse(p.getText());
                                default -> p.skipChildren();
                            }
                        }
                    }
                }
                default -> p.skipChildren();
            }
        }
        if (id == null || status == null || establishment == null || registeredAt == null) {
            throw new IllegalStateException("a member document without its id, status, establishment or registration");
        }
        return new MemberProjection(MemberId.of(id), status, establishment, levels, new java.util.HashSet<>(followedTools),
                new java.util.HashSet<>(followedThemes), registeredAt, pixOn, pixOn == null ? null : pixScore);
    }

    /** {@code "skills": {"tool": {"tool": ..., "level": ..., "usages": [...]}, ...}}: the level of each tool. */
    private void skills(JsonParser p, JsonToken value, Map<ToolId, CompetenceLevel> levels) throws IOException {
        if (value != JsonToken.START_OBJECT) {
            p.skipChildren();
            return;
        }
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            ToolId tool = tools.computeIfAbsent(p.currentName(), ToolId::of);
            expect(p.nextToken(), JsonToken.START_OBJECT);
            CompetenceLevel level = null;
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                p.nextToken();
                if ("level".equals(name)) {
                    level = CompetenceLevel.valueOf(p.getText());
                } else {
                    p.skipChildren();
                }
            }
            if (level == null) {
                throw new IllegalStateException("a skill without its level: " + tool.value());
            }
            levels.put(tool, level);
        }
    }

    private interface Strings {
        void accept(String s);
    }

    private static void strings(JsonParser p, JsonToken value, Strings into) throws IOException {
        if (value != JsonToken.START_ARRAY) {
            p.skipChildren();
            return;
        }
        while (p.nextToken() == JsonToken.VALUE_STRING) {
            into.accept(p.getText());
        }
    }

    private static void expect(JsonToken token, JsonToken expected) {
        if (token != expected) {
            throw new IllegalStateException("a member document: expected " + expected + ", found " + token);
        }
    }
}
