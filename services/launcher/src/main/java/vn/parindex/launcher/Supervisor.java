package vn.parindex.launcher;

import java.io.IOException;
import java.net.BindException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

/**
 * The processes of the set: one PostgreSQL (embedded unless {@code PARINDEX_DB_URL} names one), a database per
 * service, every service as a child JVM started and waited for until healthy; a service that stops unexpectedly is
 * started again ({@link RestartPolicy}: a few times, then a crash loop stops everything); {@link #stopAll()} stops
 * the services first, PostgreSQL last. It prints nothing: what happens is told to its {@link Events} (the console).
 */
final class Supervisor {

    /** What the supervisor does, as it happens (the launcher prints it; a test may record it). */
    interface Events {
        void externalDatabase(DatabaseServer server);

        void embeddedDatabaseStarting(int port, Path data, boolean firstRun);

        void embeddedDatabaseReady(double seconds, boolean freshCluster);

        void databaseCreated(String name);

        void serviceStarted(ServiceDefinition service, Path logFile);

        /** A line of a service's readiness wait (still waiting, ...). */
        void progress(String message);

        void serviceReady(ServiceProcess service);

        /** A service stopped or failed to start: the end of its log. */
        void logTail(ServiceProcess service, int lines);

        void crashLoop(ServiceProcess exited);

        void restarting(ServiceProcess exited);

        void readyAgain(ServiceProcess restarted);

        void exitedAgain(ServiceProcess restarted);

        void notReadyAfterRestart(ServiceProcess restarted, Duration timeout);

        void stopping();

        void killed(ServiceProcess service, Duration grace);

        void databaseNotStopped(String message);

        void stopped();
    }

    private static final Duration STOP_GRACE = Duration.ofSeconds(20);
    private static final int LOG_TAIL_LINES = 40;

    /**
     * Ctrl-C in a terminal signals the whole process group, so the services may start exiting a moment before
     * this JVM's shutdown hook marks the stop as intended; waiting this long avoids calling that a crash.
     */
    private static final Duration CRASH_CONFIRMATION_DELAY = Duration.ofSeconds(1);

    private final LauncherConfig config;
    private final List<ServiceDefinition> services;
    private final Events events;

    /** Set first thing by {@link #stopAll()}, read without the lock so waiting threads notice promptly. */
    private volatile boolean stopping;

    // Guarded by this: the main thread starts, the shutdown hook stops.
    private EmbeddedDatabase embedded;
    private final List<ServiceProcess> running = new ArrayList<>();
    private boolean stopped;

    // What a crashed service is started again with: set once by startAll.
    private DatabaseServer database;
    private Map<ServiceDefinition, Path> jars;
    private String serviceJava;
    private final RestartPolicy restarts = new RestartPolicy();

    Supervisor(LauncherConfig config, List<ServiceDefinition> services, Events events) {
        this.config = config;
        this.services = List.copyOf(services);
        this.events = events;
    }

    /** Whether a stop was asked (Ctrl-C, or the end of a run). */
    boolean stopping() {
        return stopping;
    }

    /** Whether PostgreSQL is the embedded one (started here). */
    synchronized boolean embeddedDatabase() {
        return embedded != null;
    }

    /**
     * Starts PostgreSQL, the databases and every service, and waits until each is ready; a service that exits or
     * is not ready in time stops the start ({@link LaunchException}, after its log's end).
     */
    DatabaseServer startAll() throws InterruptedException {
        Map<ServiceDefinition, Path> jars = requireBuilt();
        for (ServiceDefinition service : services) {
            requirePortFree(service);
        }
        DatabaseServer database = openDatabase();
        createDatabases(database);

        String java = Launcher.javaCommand();
        synchronized (this) {
            this.database = database;
            this.jars = jars;
            this.serviceJava = java;
        }
        for (ServiceDefinition service : services) {
            Path logFile = config.logDirectory().resolve(service.name() + ".log");
            synchronized (this) {
                requireNotStopping();
                try {
                    running.add(ServiceProcess.start(
                            service,
                            java,
                            config.javaOptions(),
                            jars.get(service),
                            Launcher.childEnvironment(service, database, config.home()),
                            logFile));
                } catch (IOException e) {
                    throw new LaunchException("cannot start " + service.name() + ": " + e.getMessage(), e);
                }
            }
            events.serviceStarted(service, logFile);
        }

        for (ServiceProcess service : runningServices()) {
            ServiceProcess.Readiness readiness = service.awaitReady(config.readyTimeout(), events::progress);
            requireNotStopping();
            switch (readiness) {
                case READY -> events.serviceReady(service);
                case EXITED -> {
                    String reason = "exited with code " + service.exitValue() + " before it was ready";
                    events.logTail(service, LOG_TAIL_LINES);
                    throw new LaunchException(service.name() + " " + reason + "; full log: " + service.logFile());
                }
                case TIMED_OUT -> {
                    String reason =
                            "was not ready after " + config.readyTimeout().toSeconds() + " s (PARINDEX_READY_TIMEOUT)";
                    events.logTail(service, LOG_TAIL_LINES);
                    throw new LaunchException(service.name() + " " + reason + "; full log: " + service.logFile());
                }
            }
        }
        return database;
    }

    /**
     * Watches the services until a stop is asked (0), starting a service that dies again, until one crashes more
     * often than {@link RestartPolicy} allows: then everything stops (1).
     */
    int superviseUntilStopped() throws InterruptedException {
        while (true) {
            ServiceProcess exited = awaitAnyExit();
            Thread.sleep(CRASH_CONFIRMATION_DELAY.toMillis());
            if (stopping) {
                return 0;
            }
            events.logTail(exited, LOG_TAIL_LINES);
            if (!restarts.allowRestart(exited.name(), System.nanoTime())) {
                events.crashLoop(exited);
                stopAll();
                return 1;
            }
            events.restarting(exited);
            ServiceProcess restarted;
            try {
                restarted = restart(exited);
            } catch (StopRequested e) {
                return 0;
            }
            switch (restarted.awaitReady(config.readyTimeout(), events::progress)) {
                case READY -> events.readyAgain(restarted);
                // The next round sees it exited and counts the crash.
                case EXITED -> events.exitedAgain(restarted);
                case TIMED_OUT -> events.notReadyAfterRestart(restarted, config.readyTimeout());
            }
        }
    }

    /**
     * Starts a crashed service again as it was first started (same jar, options and environment) in its place in
     * the list, so the stop order stays the same.
     */
    private synchronized ServiceProcess restart(ServiceProcess exited) {
        requireNotStopping();
        ServiceDefinition service = exited.definition();
        try {
            ServiceProcess restarted = ServiceProcess.start(
                    service,
                    serviceJava,
                    config.javaOptions(),
                    jars.get(service),
                    Launcher.childEnvironment(service, database, config.home()),
                    exited.logFile());
            running.set(running.indexOf(exited), restarted);
            return restarted;
        } catch (IOException e) {
            throw new LaunchException("cannot start " + service.name() + " again: " + e.getMessage(), e);
        }
    }

    /** Checks every jar up front, so a missing build is reported before anything starts. */
    private Map<ServiceDefinition, Path> requireBuilt() {
        Map<ServiceDefinition, Path> jars = new LinkedHashMap<>();
        List<String> missing = new ArrayList<>();
        for (ServiceDefinition service : services) {
            Path jar = service.jarIn(config.repoRoot());
            jars.put(service, jar);
            if (!Files.isRegularFile(jar)) {
                missing.add("  " + service.name() + ": " + jar);
            }
        }
        if (!missing.isEmpty()) {
            throw new LaunchException("not built yet:\n" + String.join("\n", missing) + "\nBuild first, in "
                    + config.repoRoot() + ":\n  " + Launcher.BUILD_COMMAND
                    + "\n(or set PARINDEX_ROOT to the repository folder if this is not it)");
        }
        return jars;
    }

    private static void requirePortFree(ServiceDefinition service) {
        try (ServerSocket ignored = new ServerSocket(service.port())) {
            // free
        } catch (BindException e) {
            throw new LaunchException("port " + service.port() + " for " + service.name()
                    + " is in use; is ParIndex already running? Stop it (or what uses the port) first");
        } catch (IOException e) {
            throw new LaunchException("cannot check port " + service.port() + ": " + e.getMessage(), e);
        }
    }

    private DatabaseServer openDatabase() {
        Optional<DatabaseServer> external = config.externalDatabase();
        if (external.isPresent()) {
            events.externalDatabase(external.get());
            return external.get();
        }
        Path data = config.dataDirectory();
        events.embeddedDatabaseStarting(config.embeddedPostgresPort(), data, !EmbeddedDatabase.hasCluster(data));
        long start = System.nanoTime();
        synchronized (this) {
            // Under the lock so that a Ctrl-C now waits for PostgreSQL to be up and then stops it,
            // rather than leaving a server running with nobody to stop it.
            requireNotStopping();
            embedded = EmbeddedDatabase.start(
                    data, config.embeddedPostgresPort(), config.logDirectory().resolve("postgres.log"));
        }
        events.embeddedDatabaseReady((System.nanoTime() - start) / 1e9, embedded.freshCluster());
        return embedded.server();
    }

    private void createDatabases(DatabaseServer database) {
        for (ServiceDefinition service : services) {
            if (service.database().isEmpty()) {
                continue;
            }
            String name = service.database().get();
            try {
                if (database.createDatabaseIfMissing(name)) {
                    events.databaseCreated(name);
                }
            } catch (SQLException e) {
                throw new LaunchException(
                        "cannot create database %s on %s as %s: %s"
                                .formatted(name, database.serverUrl(), database.user(), e.getMessage()),
                        e);
            }
        }
    }

    private ServiceProcess awaitAnyExit() throws InterruptedException {
        List<ServiceProcess> watched = runningServices();
        try {
            CompletableFuture.anyOf(watched.stream().map(ServiceProcess::onExit).toArray(CompletableFuture[]::new))
                    .get();
        } catch (ExecutionException e) {
            throw new IllegalStateException(e);
        }
        return watched.stream()
                .filter(service -> !service.isAlive())
                .findFirst()
                .orElseThrow();
    }

    /**
     * Stops the services (SIGTERM, then a kill after {@link #STOP_GRACE}), then PostgreSQL. Safe to call from
     * the shutdown hook and the main thread, more than once.
     */
    void stopAll() {
        stopping = true;
        synchronized (this) {
            if (stopped) {
                return;
            }
            stopped = true;
            if (running.isEmpty() && embedded == null) {
                return;
            }
            events.stopping();
            List<ServiceProcess> reverse = running.reversed();
            reverse.forEach(ServiceProcess::requestStop);
            for (ServiceProcess service : reverse) {
                try {
                    if (!service.awaitStop(STOP_GRACE)) {
                        events.killed(service, STOP_GRACE);
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            if (embedded != null) {
                try {
                    embedded.close();
                } catch (IOException | RuntimeException e) {
                    events.databaseNotStopped(e.getMessage());
                }
            }
            events.stopped();
        }
    }

    /** The service processes as they are now (a restarted one in its place). */
    synchronized List<ServiceProcess> runningServices() {
        return List.copyOf(running);
    }

    /** Gets out of the way of a stop under way ({@link StopRequested}). */
    void requireNotStopping() {
        if (stopping) {
            throw new StopRequested();
        }
    }

    /** Ctrl-C arrived while starting: the shutdown hook cleans up, the main thread only has to get out of the way. */
    static final class StopRequested extends RuntimeException {
        StopRequested() {
            super(null, null, false, false);
        }
    }
}
