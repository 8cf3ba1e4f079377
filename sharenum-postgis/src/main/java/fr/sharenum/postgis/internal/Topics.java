package fr.sharenum.postgis.internal;

import fr.sharenum.model.Theme;
import fr.sharenum.model.ToolId;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/** How followed tools and themes are written in {@code sn_match_follow.topic}: {@code tool:<id>}, {@code theme:<slug>}. */
public final class Topics {
    private Topics() {
    }

    /**
     * The topics of some tools and themes.
     *
     * @param tools  tools
     * @param themes themes
     * @return one topic each
     */
    public static List<String> of(Collection<ToolId> tools, Collection<Theme> themes) {
        List<String> out = new ArrayList<>(tools.size() + themes.size());
        for (ToolId t : tools) {
            out.add("tool:" + t.value());
        }
        for (Theme t : themes) {
            out.add("theme:" + t.value());
        }
        return out;
    }
}
