package fr.sharenum.spi;

import fr.sharenum.model.CompetenceLevel;
import fr.sharenum.model.ToolId;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Set;

/**
 * The immutable level-per-tool map of a {@link MatchCandidate}, kept as two small arrays rather than a
 * hash table: a candidate is made for every active member when the engine is loaded, and engines read
 * the skills by index ({@link MatchCandidate#skillTool(int)}) without allocating. Lookups scan the
 * keys (members declare a few tools, at most 200). Rejects null keys and values like {@link Map#copyOf}.
 */
final class SkillLevels extends AbstractMap<ToolId, CompetenceLevel> {

    static final SkillLevels EMPTY = new SkillLevels(new ToolId[0], new byte[0]);

    private static final CompetenceLevel[] LEVELS = CompetenceLevel.values();

    final ToolId[] tools;
    final byte[] levels;

    /** Takes ownership of the arrays (distinct non-null tools). */
    SkillLevels(ToolId[] tools, byte[] levels) {
        this.tools = tools;
        this.levels = levels;
    }

    static SkillLevels copyOf(Map<ToolId, CompetenceLevel> map) {
        if (map == null || map.isEmpty()) {
            return EMPTY;
        }
        if (map instanceof SkillLevels) {
            return (SkillLevels) map;
        }
        ToolId[] tools = new ToolId[map.size()];
        byte[] levels = new byte[tools.length];
        int i = 0;
        for (Map.Entry<ToolId, CompetenceLevel> e : map.entrySet()) {
            tools[i] = Objects.requireNonNull(e.getKey(), "tool");
            levels[i++] = (byte) Objects.requireNonNull(e.getValue(), "level").ordinal();
        }
        return new SkillLevels(tools, levels);
    }

    CompetenceLevel levelAt(int i) {
        return LEVELS[levels[i]];
    }

    @Override
    public int size() {
        return tools.length;
    }

    @Override
    public boolean containsKey(Object key) {
        return indexOf(key) >= 0;
    }

    @Override
    public CompetenceLevel get(Object key) {
        int i = indexOf(key);
        return i < 0 ? null : LEVELS[levels[i]];
    }

    private int indexOf(Object key) {
        if (key != null) {
            for (int i = 0; i < tools.length; i++) {
                if (tools[i].equals(key)) {
                    return i;
                }
            }
        }
        return -1;
    }

    @Override
    public Set<Entry<ToolId, CompetenceLevel>> entrySet() {
        return new AbstractSet<>() {
            @Override
            public Iterator<Entry<ToolId, CompetenceLevel>> iterator() {
                return new Iterator<>() {
                    private int next;

                    @Override
                    public boolean hasNext() {
                        return next < tools.length;
                    }

                    @Override
                    public Entry<ToolId, CompetenceLevel> next() {
                        if (next >= tools.length) {
                            throw new NoSuchElementException();
                        }
                        int i = next++;
                        return Map.entry(tools[i], LEVELS[levels[i]]);
                    }
                };
            }

            @Override
            public int size() {
                return tools.length;
            }
        };
    }
}
