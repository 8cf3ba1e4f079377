package fr.sharenum.testing;

import org.postgresql.ds.PGSimpleDataSource;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A throw-away PostgreSQL cluster for the tests: {@code initdb} in a temporary folder, {@code pg_ctl}
 * start on a free loopback port, stop and delete at the end. Found through {@code PATH}, then
 * {@code /usr/lib/postgresql/<version>/bin}. As root (CI containers), the server runs as the
 * {@code postgres} system user, as PostgreSQL refuses root.
 */
public final class PostgresCluster implements AutoCloseable {
    final Path bin;
    final Path dir;
    /** The loopback port the server listens on. */
    public final int port;
    private final boolean asPostgres;

    private PostgresCluster(Path bin, Path dir, int port, boolean asPostgres) {
        this.bin = bin;
        this.dir = dir;
        this.port = port;
        this.asPostgres = asPostgres;
    }

    private static PostgresCluster shared;

    /**
     * One cluster for every test class of this JVM, started at the first call and stopped when the JVM
     * exits; the calling test is skipped, with the reason, when PostgreSQL is not installed.
     */
    public static synchronized PostgresCluster sharedOrSkip() throws Exception {
        Optional<Path> bin = binaries();
        org.junit.jupiter.api.Assumptions.assumeTrue(bin.isPresent(), "PostgreSQL is not installed (no initdb/pg_ctl on"
                + " PATH nor under /usr/lib/postgresql): this PostgreSQL test is skipped; apt-get install postgresql to run it");
        if (shared == null) {
            PostgresCluster cluster = start(bin.get());
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    cluster.close();
                } catch (Exception e) {
                    // the JVM is exiting: the temporary folder is left behind at worst
                }
            }));
            shared = cluster;
        }
        return shared;
    }

    /** Where {@code initdb} and {@code pg_ctl} are, if PostgreSQL is installed. */
    public static Optional<Path> binaries() {
        List<Path> candidates = new ArrayList<>();
        String path = System.getenv("PATH");
        if (path != null) {
            for (String p : path.split(java.io.File.pathSeparator)) {
                candidates.add(Path.of(p));
            }
        }
        Path debian = Path.of("/usr/lib/postgresql");
        if (Files.isDirectory(debian)) {
            try (Stream<Path> versions = Files.list(debian)) {
                versions.sorted(Comparator.reverseOrder()).forEach(v -> candidates.add(v.resolve("bin")));
            } catch (IOException ignored) {
                // no version folder readable: PATH only
            }
        }
        return candidates.stream().filter(d -> Files.isExecutable(d.resolve("initdb")) && Files.isExecutable(d.resolve("pg_ctl")))
                .findFirst();
    }

    /**
     * A new cluster with the default settings of the tests (no fsync, asynchronous commits).
     *
     * @param bin where {@code initdb} and {@code pg_ctl} are
     * @return the started cluster; close it to stop and delete it
     * @throws Exception when it cannot start
     */
    public static PostgresCluster start(Path bin) throws Exception {
        return start(bin, new String[0]);
    }

    /**
     * A new cluster with extra server settings, e.g. {@code "shared_buffers=2GB"} for a benchmark.
     *
     * @param bin      where {@code initdb} and {@code pg_ctl} are
     * @param settings {@code name=value} server settings, passed as {@code -c name=value}
     * @return the started cluster; close it to stop and delete it
     * @throws Exception when it cannot start
     */
    public static PostgresCluster start(Path bin, String... settings) throws Exception {
        StringBuilder extra = new StringBuilder();
        for (String setting : settings) {
            if (!setting.matches("[a-z_]+=[A-Za-z0-9_.]+")) {
                throw new IllegalArgumentException("a setting is name=value, was " + setting);
            }
            extra.append(" -c ").append(setting);
        }
        boolean root = "root".equals(System.getProperty("user.name"));
        Path dir = Files.createTempDirectory("sharenum-pg-");
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        PostgresCluster cluster = new PostgresCluster(bin, dir, port, root);
        if (root) {
            run(List.of("chown", "postgres", dir.toString()), false);
            run(List.of("chmod", "700", dir.toString()), false);
        }
        Path data = dir.resolve("data");
        cluster.pg(List.of(bin.resolve("initdb").toString(), "-D", data.toString(), "-U", "sharenum", "-A", "trust",
                "-E", "UTF8", "--no-locale"));
        cluster.pg(List.of(bin.resolve("pg_ctl").toString(), "-D", data.toString(), "-w", "-t", "60", "-l",
                dir.resolve("server.log").toString(), "-o", "-p " + port + " -k " + dir + " -c listen_addresses=127.0.0.1"
                        + " -c fsync=off -c synchronous_commit=off -c full_page_writes=off" + extra, "start"));
        return cluster;
    }

    /**
     * A new data source on the cluster's {@code postgres} database.
     *
     * @return the data source
     */
    public javax.sql.DataSource dataSource() {
        PGSimpleDataSource ds = new PGSimpleDataSource();
        ds.setServerNames(new String[] {"127.0.0.1"});
        ds.setPortNumbers(new int[] {port});
        ds.setDatabaseName("postgres");
        ds.setUser("sharenum");
        return ds;
    }

    private void pg(List<String> command) throws Exception {
        List<String> full = new ArrayList<>();
        if (asPostgres) {
            full.addAll(List.of("runuser", "-u", "postgres", "--"));
        }
        full.addAll(command);
        run(full, true);
    }

    private static void run(List<String> command, boolean check) throws Exception {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IllegalStateException("timed out: " + command);
        }
        if (check && p.exitValue() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed (" + p.exitValue() + "):\n" + out);
        }
    }

    @Override
    public void close() throws Exception {
        try {
            pg(List.of(bin.resolve("pg_ctl").toString(), "-D", dir.resolve("data").toString(), "-m", "immediate", "-w", "stop"));
        } finally {
            try (Stream<Path> files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
            }
        }
    }
}
