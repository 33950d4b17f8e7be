package vn.parindex.launcher;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * One PostgreSQL 17 server from the binaries shipped as a Maven artifact, with its cluster kept in a folder
 * between runs. Not for production: it runs with the demo superuser and trust authentication.
 */
public final class EmbeddedDatabase implements AutoCloseable {

    /**
     * Zonky's initdb creates the superuser {@code postgres} with trust authentication, so any password is
     * accepted; services still get one because Quarkus expects credentials. Demo credentials only.
     */
    public static final String DEMO_USER = "postgres";

    public static final String DEMO_PASSWORD = "postgres";

    /** Enough for crash recovery after an unclean stop on a slow machine; zonky's default is 10 s. */
    private static final Duration STARTUP_WAIT = Duration.ofSeconds(60);

    private final EmbeddedPostgres postgres;
    private final DatabaseServer server;
    private final boolean freshCluster;

    private EmbeddedDatabase(EmbeddedPostgres postgres, boolean freshCluster) {
        this.postgres = postgres;
        this.freshCluster = freshCluster;
        this.server =
                new DatabaseServer("jdbc:postgresql://localhost:" + postgres.getPort() + "/", DEMO_USER, DEMO_PASSWORD);
    }

    /**
     * Starts PostgreSQL on {@code dataDirectory}, creating the cluster only if the folder holds none yet.
     *
     * @param logFile receives the output of initdb, pg_ctl and the server
     */
    public static EmbeddedDatabase start(Path dataDirectory, int port, Path logFile) {
        requireNoRunningServer(dataDirectory);
        requirePortFree(port);
        boolean fresh = !hasCluster(dataDirectory);
        try {
            Files.createDirectories(dataDirectory);
            Files.createDirectories(logFile.getParent());
            ProcessBuilder.Redirect log = ProcessBuilder.Redirect.appendTo(logFile.toFile());
            EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                    .setDataDirectory(dataDirectory)
                    .setCleanDataDirectory(false)
                    .setPort(port)
                    .setPGStartupWait(STARTUP_WAIT)
                    // The launcher stops PostgreSQL itself, after the services that use it.
                    .setRegisterShutdownHook(false)
                    // Unicode-aware lower()/ILIKE for Vietnamese names whatever the host's locale; sorting
                    // by code point. Only applies when the cluster is created.
                    .setLocaleConfig("locale-provider", "builtin")
                    .setLocaleConfig("builtin-locale", "C.UTF-8")
                    // Zonky turns it off for fast throw-away test databases; this data is meant to be kept.
                    .setServerConfig("synchronous_commit", "on")
                    .setOutputRedirector(log)
                    .setErrorRedirector(log)
                    .start();
            return new EmbeddedDatabase(postgres, fresh);
        } catch (IOException | RuntimeException e) {
            throw new LaunchException(
                    "embedded PostgreSQL did not start (data in " + dataDirectory + "): " + e.getMessage()
                            + "\n  see " + logFile
                            + (fresh ? "" : "\n  if the data folder is damaged, move it away to start afresh"),
                    e);
        }
    }

    /** The marker zonky itself uses to decide whether to run initdb. */
    static boolean hasCluster(Path dataDirectory) {
        return Files.isRegularFile(dataDirectory.resolve("postgresql.conf"));
    }

    public DatabaseServer server() {
        return server;
    }

    /** Whether this start created the cluster (first run, or the data folder was removed). */
    public boolean freshCluster() {
        return freshCluster;
    }

    @Override
    public void close() throws IOException {
        postgres.close();
    }

    private static void requirePortFree(int port) {
        try (ServerSocket ignored = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
            // free
        } catch (BindException e) {
            throw new LaunchException("port " + port + " for the embedded PostgreSQL is in use;"
                    + " set PARINDEX_PG_PORT to another port, or stop what uses it");
        } catch (IOException e) {
            throw new LaunchException("cannot check port " + port + ": " + e.getMessage(), e);
        }
    }

    /**
     * A launcher killed without its shutdown hook leaves PostgreSQL running (pg_ctl detaches it). Starting a
     * second server on the same folder would fail with a confusing message, so name the leftover instead.
     */
    private static void requireNoRunningServer(Path dataDirectory) {
        leftoverServerPid(dataDirectory).ifPresent(pid -> {
            throw new LaunchException("a PostgreSQL from an earlier run is still running on " + dataDirectory + " (pid "
                    + pid + "); stop it first, e.g. kill " + pid);
        });
    }

    static Optional<Long> leftoverServerPid(Path dataDirectory) {
        Path pidFile = dataDirectory.resolve("postmaster.pid");
        if (!Files.isRegularFile(pidFile)) {
            return Optional.empty();
        }
        try {
            List<String> lines = Files.readAllLines(pidFile);
            if (lines.isEmpty()) {
                return Optional.empty();
            }
            long pid = Long.parseLong(lines.getFirst().trim());
            // A stale pid file may name an unrelated process that reused the pid after a reboot.
            return ProcessHandle.of(pid)
                    .filter(ProcessHandle::isAlive)
                    .filter(process -> process.info()
                            .command()
                            .map(command -> command.endsWith("postgres"))
                            .orElse(true))
                    .map(ProcessHandle::pid);
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }
}
