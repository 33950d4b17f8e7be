package vn.parindex.test.postgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * A real PostgreSQL streaming standby of a running primary, started from the primary's own binaries (the embedded
 * ones of {@link PostgresTestResource}): a base backup of the primary's data directory, then the standby on
 * another port, streaming from the primary through a physical replication slot.
 *
 * <p>The embedded binaries carry only {@code initdb}, {@code pg_ctl} and {@code postgres}, not
 * {@code pg_basebackup} (and {@code pg_ctl} refuses to run as root); the backup is therefore PostgreSQL's low-level one ({@code pg_backup_start}, a copy of the
 * data directory, {@code pg_backup_stop} and its {@code backup_label}), which is what {@code pg_basebackup -R}
 * does over the replication protocol, followed by what {@code -R} writes: {@code standby.signal} and
 * {@code primary_conninfo}. The primary must be on this machine and allow local replication connections (the
 * embedded one's {@code initdb -A trust} does).
 */
public final class StandbyPostgres implements AutoCloseable {

    private final Path dataDir;
    private final Process server;
    private final int port;
    private final String primaryUrl;
    private final String user;
    private final String slot;

    private StandbyPostgres(Path dataDir, Process server, int port, String primaryUrl, String user, String slot) {
        this.dataDir = dataDir;
        this.server = server;
        this.port = port;
        this.primaryUrl = primaryUrl;
        this.user = user;
        this.slot = slot;
    }

    /** Backs up the primary at {@code primaryUrl} (JDBC, superuser) and starts a standby of it; waits until it answers. */
    public static StandbyPostgres start(String primaryUrl, String user, String password) {
        String slot = "standby_" + ProcessHandle.current().pid() + "_" + System.nanoTime() % 100000;
        try (Connection c = DriverManager.getConnection(primaryUrl, user, password);
                Statement s = c.createStatement()) {
            Path primaryData = Path.of(one(s, "SHOW data_directory"));
            int primaryPort = Integer.parseInt(one(s, "SHOW port"));
            // The postmaster's binary (first line of postmaster.pid is its process id): the same version's pg_ctl.
            long postmaster = Long.parseLong(Files.readAllLines(primaryData.resolve("postmaster.pid"))
                    .getFirst()
                    .strip());
            Path postgres = Files.readSymbolicLink(Path.of("/proc", Long.toString(postmaster), "exe"));

            Path dir = Files.createTempDirectory("parindex-standby-");
            Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
            s.execute("SELECT pg_create_physical_replication_slot('" + slot + "', true)");
            s.execute("SELECT pg_backup_start('parindex-standby', true)");
            copyDataDirectory(primaryData, dir);
            String label;
            try (ResultSet rs = s.executeQuery("SELECT labelfile FROM pg_backup_stop(false)")) {
                rs.next();
                label = rs.getString(1);
            }
            Files.writeString(dir.resolve("backup_label"), label);
            Files.writeString(dir.resolve("standby.signal"), "");
            Files.writeString(
                    dir.resolve("postgresql.auto.conf"),
                    "\nprimary_conninfo = 'host=localhost port=" + primaryPort + " user=" + user + "'\n"
                            + "primary_slot_name = '" + slot + "'\nhot_standby = on\n",
                    java.nio.file.StandardOpenOption.APPEND);
            int port = freePort();
            // The server binary itself, as the embedded primary is started. PostgreSQL refuses to run as root:
            // run as root (a CI container), the standby's files go to user nobody and it runs as nobody (setpriv).
            boolean root = "root".equals(System.getProperty("user.name"));
            List<String> command = new java.util.ArrayList<>();
            if (root) {
                command.addAll(List.of("setpriv", "--reuid=65534", "--regid=65534", "--clear-groups"));
            }
            command.addAll(List.of(
                    postgres.toString(),
                    "-D",
                    dir.toString(),
                    "-p",
                    Integer.toString(port),
                    "-c",
                    "listen_addresses=localhost",
                    "-k",
                    dir.toString()));
            // A standby needs at least the primary's values of these (recovery stops otherwise).
            for (String setting : List.of(
                    "max_connections",
                    "max_worker_processes",
                    "max_wal_senders",
                    "max_prepared_transactions",
                    "max_locks_per_transaction")) {
                command.addAll(List.of("-c", setting + "=" + one(s, "SHOW " + setting)));
            }
            Files.createFile(dir.resolve("standby.log"));
            if (root) {
                giveToNobody(dir);
            }
            Process server = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(dir.resolve("standby.log").toFile())
                    .start();
            StandbyPostgres standby = new StandbyPostgres(dir, server, port, primaryUrl, user, slot);
            standby.awaitRecovery(password);
            return standby;
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot make a standby of " + primaryUrl, e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The standby's JDBC URL for {@code database}. */
    public String jdbcUrl(String database) {
        return "jdbc:postgresql://localhost:" + port + "/" + database;
    }

    public int port() {
        return port;
    }

    @Override
    public void close() {
        // SIGTERM: PostgreSQL's smart shutdown (a standby has no session left by then).
        server.destroy();
        try {
            if (!server.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
                server.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try (Connection c = DriverManager.getConnection(primaryUrl, user, "");
                Statement s = c.createStatement()) {
            s.execute("SELECT pg_drop_replication_slot('" + slot + "')");
        } catch (SQLException ignored) {
            // the primary is stopping too
        }
        try (Stream<Path> files = Files.walk(dataDir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a temporary directory
        }
    }

    private void awaitRecovery(String password) throws SQLException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        SQLException last = null;
        while (System.nanoTime() < deadline) {
            try (Connection c = DriverManager.getConnection(jdbcUrl("postgres"), user, password);
                    Statement s = c.createStatement()) {
                if ("t".equals(one(s, "SELECT pg_is_in_recovery()"))) {
                    return;
                }
                throw new IllegalStateException("the copy at port " + port + " is not a standby");
            } catch (SQLException e) {
                last = e;
                if (!server.isAlive()) {
                    throw new IllegalStateException("the standby stopped: " + log(), e);
                }
                sleep();
            }
        }
        throw last;
    }

    /** The primary's files as pg_basebackup takes them: without its WAL, slots, pid file and temporary files. */
    private static void copyDataDirectory(Path from, Path to) throws IOException {
        Set<String> emptied = Set.of(
                "pg_wal",
                "pg_replslot",
                "pg_stat_tmp",
                "pg_dynshmem",
                "pg_notify",
                "pg_serial",
                "pg_snapshots",
                "pg_subtrans");
        Set<String> skipped = Set.of("postmaster.pid", "postmaster.opts", "backup_label", "tablespace_map");
        Files.walkFileTree(from, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
                Path target = to.resolve(from.relativize(dir).toString());
                Files.createDirectories(target);
                if (!dir.equals(from)
                        && dir.getParent().equals(from)
                        && emptied.contains(dir.getFileName().toString())) {
                    if (dir.getFileName().toString().equals("pg_wal")) {
                        Files.createDirectories(target.resolve("archive_status"));
                    }
                    return FileVisitResult.SKIP_SUBTREE;
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                if (file.getParent().equals(from)
                        && skipped.contains(file.getFileName().toString())) {
                    return FileVisitResult.CONTINUE;
                }
                try {
                    Files.copy(file, to.resolve(from.relativize(file).toString()), StandardCopyOption.REPLACE_EXISTING);
                } catch (NoSuchFileException gone) {
                    // removed while copied (a temporary file): the WAL replay recreates what matters
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) {
                return FileVisitResult.CONTINUE;
            }
        });
    }

    private static void giveToNobody(Path dir) throws IOException {
        var lookup = dir.getFileSystem().getUserPrincipalLookupService();
        var nobody = lookup.lookupPrincipalByName("nobody");
        var nogroup = lookup.lookupPrincipalByGroupName("nogroup");
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : (Iterable<Path>) files::iterator) {
                Files.setOwner(p, nobody);
                Files.getFileAttributeView(p, java.nio.file.attribute.PosixFileAttributeView.class)
                        .setGroup(nogroup);
            }
        }
    }

    private String log() {
        try {
            return Files.readString(dataDir.resolve("standby.log"));
        } catch (IOException e) {
            return "(no log)";
        }
    }

    private static String one(Statement s, String sql) throws SQLException {
        try (ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static void sleep() {
        try {
            Thread.sleep(200);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
