package vn.parindex.launcher;

import java.io.IOException;
import java.net.BindException;
import java.net.ServerSocket;
import java.net.URISyntaxException;
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
import java.util.stream.Collectors;

/**
 * Runs the whole ParIndex set with one command: one PostgreSQL (embedded unless {@code PARINDEX_DB_URL} names
 * one), a database per service, every service as a child JVM. A service that stops unexpectedly is started
 * again ({@link RestartPolicy}: a few times, then a crash loop stops everything). Ctrl-C or the end of a
 * {@code --smoke} run stops them all, services first, PostgreSQL last.
 */
public final class Launcher {

    static final String BUILD_COMMAND = "./mvnw -DskipTests package";
    private static final Duration STOP_GRACE = Duration.ofSeconds(20);
    private static final int LOG_TAIL_LINES = 40;
    private static final Duration DEMO_POLL_INTERVAL = Duration.ofSeconds(2);
    private static final Duration DEMO_PROGRESS_INTERVAL = Duration.ofSeconds(15);

    /**
     * Ctrl-C in a terminal signals the whole process group, so the services may start exiting a moment before
     * this JVM's shutdown hook marks the stop as intended; waiting this long avoids calling that a crash.
     */
    private static final Duration CRASH_CONFIRMATION_DELAY = Duration.ofSeconds(1);

    private final LauncherConfig config;
    private final List<ServiceDefinition> services;
    private final long startedAt = System.nanoTime();

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

    Launcher(LauncherConfig config, List<ServiceDefinition> services) {
        this.config = config;
        this.services = List.copyOf(services);
    }

    public static void main(String[] args) {
        // When a shutdown is already under way (Ctrl-C) this blocks until the shutdown hook has finished,
        // and the JVM then ends with the signal's exit status, which is what a shell expects.
        System.exit(run(args));
    }

    static int run(String[] args) {
        boolean smoke = false;
        for (String arg : args) {
            switch (arg) {
                case "--help", "-h" -> {
                    Console.block(usage());
                    return 0;
                }
                case "--smoke" -> smoke = true;
                default -> {
                    Console.error("unknown argument '" + arg + "'");
                    Console.block(usage());
                    return 2;
                }
            }
        }

        Launcher launcher;
        try {
            LauncherConfig config = LauncherConfig.fromEnvironment(System.getenv(), Path.of(""), launcherJar());
            launcher = new Launcher(config, ServiceTable.SERVICES);
        } catch (LaunchException e) {
            Console.error(e.getMessage());
            return 1;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(launcher::stopAll, "parindex-shutdown"));
        try {
            return smoke ? launcher.smoke() : launcher.runUntilStopped();
        } catch (StopRequested e) {
            return 130;
        } catch (LaunchException e) {
            if (!launcher.stopping) {
                Console.error(e.getMessage());
            }
            launcher.stopAll();
            return 1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            launcher.stopAll();
            return 1;
        }
    }

    /**
     * Starts everything, prints the addresses and then, once the demo data is in (or known missing), the inventory;
     * then waits until Ctrl-C (exit by signal), starting a service that dies again, until one crashes more often
     * than {@link RestartPolicy} allows (exit 1).
     */
    int runUntilStopped() throws InterruptedException {
        DatabaseServer database = startAll();
        printAddresses(database, "Press Ctrl-C to stop.");
        List<DemoInventory.Check> missing = DemoInventory.missing(awaitDemoData());
        if (!missing.isEmpty() && config.demoData()) {
            Console.error(
                    "demo data missing: " + describe(missing) + "; see the services' logs in " + config.logDirectory());
        }

        while (true) {
            ServiceProcess exited = awaitAnyExit();
            Thread.sleep(CRASH_CONFIRMATION_DELAY.toMillis());
            if (stopping) {
                return 0;
            }
            printLogTail(exited);
            if (!restarts.allowRestart(exited.name(), System.nanoTime())) {
                Console.error("%s stopped unexpectedly (exit code %d), more than %d times within %d min; stopping"
                                .formatted(
                                        exited.name(),
                                        exited.exitValue(),
                                        RestartPolicy.MAX_RESTARTS,
                                        RestartPolicy.WINDOW.toMinutes())
                        + " everything");
                stopAll();
                return 1;
            }
            Console.error("%s stopped unexpectedly (exit code %d); starting it again"
                    .formatted(exited.name(), exited.exitValue()));
            ServiceProcess restarted;
            try {
                restarted = restart(exited);
            } catch (StopRequested e) {
                return 0;
            }
            switch (restarted.awaitReady(config.readyTimeout(), Console::info)) {
                case READY ->
                    Console.info("%s ready again after %.1f s"
                            .formatted(restarted.name(), restarted.uptime().toMillis() / 1000.0));
                // The next round sees it exited and counts the crash.
                case EXITED -> Console.error(restarted.name() + " exited again before it was ready");
                case TIMED_OUT ->
                    Console.error("%s was not ready %d s after its restart (PARINDEX_READY_TIMEOUT); leaving it running"
                            .formatted(restarted.name(), config.readyTimeout().toSeconds()));
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
                    childEnvironment(service, database, config.home()),
                    exited.logFile());
            running.set(running.indexOf(exited), restarted);
            return restarted;
        } catch (IOException e) {
            throw new LaunchException("cannot start " + service.name() + " again: " + e.getMessage(), e);
        }
    }

    /**
     * Proves the run command works: everything starts and answers its health check, every demo data set loads
     * (the inventory is printed), and everything stops cleanly. Exit 1 names what failed.
     */
    int smoke() throws InterruptedException {
        DatabaseServer database = startAll();
        printAddresses(database, "Smoke run: checking health and the demo data, then stopping.");
        boolean healthy = true;
        for (ServiceProcess service : runningServices()) {
            int status = service.status("/q/health");
            Console.info("smoke: GET %s/q/health -> %s"
                    .formatted(service.definition().baseUrl(), status));
            healthy &= status == 200;
        }
        List<DemoInventory.Check> missing = DemoInventory.missing(awaitDemoData());
        stopAll();
        int exit = smokeExitCode(healthy, missing);
        if (!healthy) {
            Console.error("smoke run failed: not every service answered 200 on /q/health");
        }
        if (!missing.isEmpty()) {
            Console.error("smoke run failed: demo data missing: " + describe(missing));
        }
        if (exit == 0) {
            Console.info("smoke run passed in %.1f s".formatted(secondsSince(startedAt)));
        }
        return exit;
    }

    /** 0 only when every service was healthy and no demo data set is missing. */
    static int smokeExitCode(boolean healthy, List<DemoInventory.Check> missing) {
        return healthy && missing.isEmpty() ? 0 : 1;
    }

    /** "dossiers (why), campaigns (why)". */
    static String describe(List<DemoInventory.Check> missing) {
        return String.join(
                ", ",
                missing.stream()
                        .map(check -> check.name() + " (" + check.detail() + ")")
                        .toList());
    }

    /**
     * Polls the services until every demo data set is there or known missing, at most PARINDEX_INVENTORY_TIMEOUT
     * (what is still loading then counts as missing), or until a service exits; prints the inventory.
     */
    private List<DemoInventory.Check> awaitDemoData() throws InterruptedException {
        DemoProbe probe = DemoProbe.of(services);
        long start = System.nanoTime();
        Duration limit = config.inventoryTimeout();
        Console.info(
                config.demoData()
                        ? "waiting for the demo data (at most %d s, PARINDEX_INVENTORY_TIMEOUT)"
                                .formatted(limit.toSeconds())
                        : "demo data is off (PARINDEX_DEMO_DATA); reading what the services hold");
        List<DemoObservation.Named> campaigns = null;
        long campaignsSince = start;
        long lastProgress = start;
        while (true) {
            requireNotStopping();
            DemoObservation observed = probe.observe();
            long now = System.nanoTime();
            List<DemoObservation.Named> seen =
                    observed.campaigns().ok() ? observed.campaigns().value() : null;
            if (!java.util.Objects.equals(seen, campaigns)) {
                campaigns = seen;
                campaignsSince = now;
            }
            List<DemoInventory.Check> checks =
                    DemoInventory.assess(observed, config.demoData(), Duration.ofNanos(now - campaignsSince));
            Duration waited = Duration.ofNanos(now - start);
            Optional<ServiceProcess> exited = runningServices().stream()
                    .filter(service -> !service.isAlive())
                    .findFirst();
            if (!DemoInventory.settled(checks) && exited.isPresent()) {
                checks = DemoInventory.giveUp(checks, waited);
                Console.error(exited.get().name() + " exited while the demo data was loading");
            } else if (!DemoInventory.settled(checks) && waited.compareTo(limit) >= 0) {
                checks = DemoInventory.giveUp(checks, waited);
            }
            if (DemoInventory.settled(checks)) {
                Console.info("demo data settled after %.1f s".formatted(secondsSince(start)));
                Console.block(DemoInventory.render(checks, secondsSince(startedAt)));
                return checks;
            }
            if (now - lastProgress >= DEMO_PROGRESS_INTERVAL.toNanos()) {
                Console.info("still loading (%d s): %s".formatted(waited.toSeconds(), DemoInventory.pending(checks)));
                lastProgress = now;
            }
            Thread.sleep(DEMO_POLL_INTERVAL.toMillis());
        }
    }

    private DatabaseServer startAll() throws InterruptedException {
        Map<ServiceDefinition, Path> jars = requireBuilt();
        for (ServiceDefinition service : services) {
            requirePortFree(service);
        }
        DatabaseServer database = openDatabase();
        createDatabases(database);

        String java = javaCommand();
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
                            childEnvironment(service, database, config.home()),
                            logFile));
                } catch (IOException e) {
                    throw new LaunchException("cannot start " + service.name() + ": " + e.getMessage(), e);
                }
            }
            Console.info("started %s on port %d (log: %s)".formatted(service.name(), service.port(), logFile));
        }

        for (ServiceProcess service : runningServices()) {
            ServiceProcess.Readiness readiness = service.awaitReady(config.readyTimeout(), Console::info);
            requireNotStopping();
            switch (readiness) {
                case READY ->
                    Console.info("%s ready after %.1f s"
                            .formatted(service.name(), service.uptime().toMillis() / 1000.0));
                case EXITED -> {
                    String reason = "exited with code " + service.exitValue() + " before it was ready";
                    printLogTail(service);
                    throw new LaunchException(service.name() + " " + reason + "; full log: " + service.logFile());
                }
                case TIMED_OUT -> {
                    String reason =
                            "was not ready after " + config.readyTimeout().toSeconds() + " s (PARINDEX_READY_TIMEOUT)";
                    printLogTail(service);
                    throw new LaunchException(service.name() + " " + reason + "; full log: " + service.logFile());
                }
            }
        }
        return database;
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
                    + config.repoRoot() + ":\n  " + BUILD_COMMAND
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
            Console.info("using PostgreSQL at %s as %s (PARINDEX_DB_URL)"
                    .formatted(external.get().serverUrl(), external.get().user()));
            return external.get();
        }
        Path data = config.dataDirectory();
        Console.info("starting embedded PostgreSQL on port %d, data in %s%s"
                .formatted(
                        config.embeddedPostgresPort(),
                        data,
                        EmbeddedDatabase.hasCluster(data) ? "" : " (first run: creating the cluster)"));
        long start = System.nanoTime();
        synchronized (this) {
            // Under the lock so that a Ctrl-C now waits for PostgreSQL to be up and then stops it,
            // rather than leaving a server running with nobody to stop it.
            requireNotStopping();
            embedded = EmbeddedDatabase.start(
                    data, config.embeddedPostgresPort(), config.logDirectory().resolve("postgres.log"));
        }
        Console.info("PostgreSQL ready after %.1f s (%s)"
                .formatted(secondsSince(start), embedded.freshCluster() ? "new cluster" : "existing data"));
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
                    Console.info("created database " + name);
                }
            } catch (SQLException e) {
                throw new LaunchException(
                        "cannot create database %s on %s as %s: %s"
                                .formatted(name, database.serverUrl(), database.user(), e.getMessage()),
                        e);
            }
        }
    }

    /**
     * What a service needs to find its database and port (for the gateway: its public port and, one below, the
     * loopback port of its own endpoints), and whether to load demo data (on in the embedded mode
     * unless PARINDEX_DEMO_DATA=false); the rest of the launcher's environment is inherited. The gateway also gets
     * its local token issuer (demo users; PARINDEX_AUTH_LOCAL_ISSUER_ENABLED=false turns it off) with the key kept
     * under the data folder, so tokens survive a restart and a rebuild.
     */
    static Map<String, String> childEnvironment(ServiceDefinition service, DatabaseServer database, Path home) {
        Map<String, String> env = new LinkedHashMap<>();
        if (service.name().equals(ServiceTable.GATEWAY)) {
            // The gateway's public port is its edge; Quarkus serves its own endpoints on the port below, loopback only.
            env.put("PARINDEX_GATEWAY_HTTP_PORT", Integer.toString(service.port()));
            env.put("QUARKUS_HTTP_PORT", Integer.toString(service.port() - 1));
        } else {
            env.put("QUARKUS_HTTP_PORT", Integer.toString(service.port()));
        }
        env.put("PARINDEX_DEMO_DATA", System.getenv().getOrDefault("PARINDEX_DEMO_DATA", "true"));
        env.putAll(ServiceTable.SERVICE_URLS);
        service.database().ifPresent(name -> {
            env.put("QUARKUS_DATASOURCE_JDBC_URL", database.jdbcUrl(name));
            env.put("QUARKUS_DATASOURCE_USERNAME", database.user());
            env.put("QUARKUS_DATASOURCE_PASSWORD", database.password());
        });
        if (service.name().equals(ServiceTable.GATEWAY)) {
            env.put(
                    "PARINDEX_AUTH_LOCAL_ISSUER_ENABLED",
                    System.getenv().getOrDefault("PARINDEX_AUTH_LOCAL_ISSUER_ENABLED", "true"));
            env.put(
                    "PARINDEX_AUTH_LOCAL_ISSUER_KEY_FILE",
                    home.resolve("keys")
                            .resolve("local-issuer.pem")
                            .toAbsolutePath()
                            .toString());
        }
        return env;
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

    private static void printLogTail(ServiceProcess service) {
        Console.info("last %d lines of %s:".formatted(LOG_TAIL_LINES, service.logFile()));
        Console.block(service.lastLogLines(LOG_TAIL_LINES).stream()
                .map(line -> "  | " + line)
                .collect(Collectors.joining("\n")));
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
            Console.info("stopping...");
            List<ServiceProcess> reverse = running.reversed();
            reverse.forEach(ServiceProcess::requestStop);
            for (ServiceProcess service : reverse) {
                try {
                    if (!service.awaitStop(STOP_GRACE)) {
                        Console.info("%s did not stop within %d s and was killed"
                                .formatted(service.name(), STOP_GRACE.toSeconds()));
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            if (embedded != null) {
                try {
                    embedded.close();
                } catch (IOException | RuntimeException e) {
                    Console.error("PostgreSQL did not stop cleanly: " + e.getMessage());
                }
            }
            Console.info("stopped");
        }
    }

    private synchronized List<ServiceProcess> runningServices() {
        return List.copyOf(running);
    }

    private void requireNotStopping() {
        if (stopping) {
            throw new StopRequested();
        }
    }

    private void printAddresses(DatabaseServer database, String footer) {
        StringBuilder text = new StringBuilder();
        String rule = "-".repeat(78);
        text.append(rule).append('\n');
        text.append("ParIndex is running: %d service(s), ready after %.1f s%n%n"
                .formatted(services.size(), secondsSince(startedAt)));
        text.append(serviceAddresses(services));
        if (embedded != null) {
            text.append(row(
                    "PostgreSQL",
                    database.serverUrl() + "  (embedded; demo superuser " + EmbeddedDatabase.DEMO_USER + " / "
                            + EmbeddedDatabase.DEMO_PASSWORD + ", local connections only)"));
            text.append(row("Data", config.dataDirectory().toString()));
        } else {
            text.append(row("PostgreSQL", database.serverUrl() + "  (external, user " + database.user() + ")"));
        }
        text.append(row("Logs", config.logDirectory().toString()));
        text.append('\n').append(footer).append('\n').append(rule);
        Console.block(text.toString());
    }

    /**
     * The gateway first (the address to use: every API, the merged Swagger UI, the demo sign-in), then each service
     * on its own port for debugging.
     */
    static String serviceAddresses(List<ServiceDefinition> services) {
        StringBuilder text = new StringBuilder();
        services.stream()
                .filter(service -> service.name().equals(ServiceTable.GATEWAY))
                .findFirst()
                .ifPresent(gateway -> {
                    String base = gateway.baseUrl();
                    text.append(row("Portal", base + "/  (rankings, scorecards, dossier statistics, sign-in)"));
                    text.append(row("Gateway", base + "/api/...  (every service's API, one address)"));
                    text.append(row("Swagger UI", base + "/q/swagger-ui  (merged OpenAPI: " + base + "/q/openapi)"));
                    text.append(row("Health", base + "/api/health"));
                    text.append(row(
                            "Demo sign-in",
                            "curl -d grant_type=password -d username=admin -d password=admin " + base
                                    + "/auth/token  (demo users: admin, editor, officer-132, officer-133,"
                                    + " appraiser, integration; password = user name)"));
                    text.append('\n');
                });
        for (ServiceDefinition service : services) {
            if (service.name().equals(ServiceTable.GATEWAY)) {
                continue;
            }
            String base = service.baseUrl();
            text.append(row(service.name(), base));
            text.append(row("  Swagger UI", base + "/q/swagger-ui"));
            text.append(row("  OpenAPI", base + "/q/openapi"));
            text.append(row("  Health", base + "/q/health"));
            text.append('\n');
        }
        return text.toString();
    }

    private static String row(String label, String value) {
        return "  %-16s %s%n".formatted(label, value);
    }

    static String usage() {
        String serviceList = ServiceTable.SERVICES.stream()
                .map(service -> "%s (%d)".formatted(service.name(), service.port()))
                .collect(Collectors.joining(", "));
        return """
                Usage: java -jar services/launcher/target/parindex-launcher.jar [--smoke] [--help]

                Starts PostgreSQL and the ParIndex services: %s.
                Waits until each is ready, prints their addresses, waits for the demo data and prints what each
                service holds (units, peer groups, criteria sets, campaigns, procedures, dossiers, calendar years),
                and runs until Ctrl-C. Build the services first: %s

                Options:
                  --smoke   start everything, check each service's /q/health, wait for the demo data, print the
                            inventory, stop; exit 0 when all are healthy and no demo data set is missing,
                            else 1 naming what is missing
                  --help    show this text

                Environment (all optional):
                  PARINDEX_ROOT           repository folder (default: found from the working directory upwards)
                  PARINDEX_HOME           data and logs (default: <root>/.parindex)
                  PARINDEX_DB_URL         external PostgreSQL server, e.g. jdbc:postgresql://db:5432/
                                          (default: embedded PostgreSQL, data kept in <home>/pgdata)
                  PARINDEX_DB_USER        user for PARINDEX_DB_URL (default: postgres)
                  PARINDEX_DB_PASSWORD    password for PARINDEX_DB_URL (default: empty)
                  PARINDEX_PG_PORT        embedded PostgreSQL port (default: %d)
                  PARINDEX_JAVA_OPTS      JVM options for each service (default: %s)
                  PARINDEX_READY_TIMEOUT  seconds to wait for each service to be ready (default: %d)
                  PARINDEX_DEMO_DATA      load demo data in every service that has some (default: true)
                  PARINDEX_DEMO_WAIT      how long a service's demo loader waits for the services it needs
                                          (default: 5m; dossier statistics waits for the unit registry)
                  PARINDEX_INVENTORY_TIMEOUT
                                          seconds to wait for the demo data before the inventory (default: %d)
                  PARINDEX_AUTH_LOCAL_ISSUER_ENABLED
                                          the gateway's demo token issuer (default: true; key kept in
                                          <home>/keys/local-issuer.pem)
                """.formatted(
                        serviceList,
                        BUILD_COMMAND,
                        LauncherConfig.DEFAULT_PG_PORT,
                        LauncherConfig.DEFAULT_JAVA_OPTS,
                        LauncherConfig.DEFAULT_READY_TIMEOUT.toSeconds(),
                        LauncherConfig.DEFAULT_INVENTORY_TIMEOUT.toSeconds());
    }

    /** The services run on the same Java as the launcher, so one JDK on the PATH is all a machine needs. */
    static String javaCommand() {
        return ProcessHandle.current()
                .info()
                .command()
                .orElseGet(() ->
                        Path.of(System.getProperty("java.home"), "bin", "java").toString());
    }

    private static Optional<Path> launcherJar() {
        try {
            return Optional.of(Path.of(Launcher.class
                    .getProtectionDomain()
                    .getCodeSource()
                    .getLocation()
                    .toURI()));
        } catch (URISyntaxException | RuntimeException e) {
            return Optional.empty();
        }
    }

    private static double secondsSince(long nanoTime) {
        return (System.nanoTime() - nanoTime) / 1e9;
    }

    /** Ctrl-C arrived while starting: the shutdown hook cleans up, the main thread only has to get out of the way. */
    private static final class StopRequested extends RuntimeException {
        StopRequested() {
            super(null, null, false, false);
        }
    }
}
