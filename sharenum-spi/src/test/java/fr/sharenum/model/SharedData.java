package fr.sharenum.model;

import java.nio.file.Files;
import java.nio.file.Path;

/** Locates the project's shared open data ({@code ../shared/data}); tests skip when it is absent. */
public final class SharedData {
    private SharedData() {
    }

    /** The file, or {@code null} when the shared data folder or the file is not there. */
    public static Path file(String name) {
        String dir = System.getProperty("sharenum.shared.dir");
        Path[] candidates = {
                dir == null ? null : Path.of(dir, "data", name),
                Path.of("..", "..", "shared", "data", name),
                Path.of("..", "shared", "data", name)};
        for (Path p : candidates) {
            if (p != null && Files.isRegularFile(p)) {
                return p;
            }
        }
        return null;
    }
}
