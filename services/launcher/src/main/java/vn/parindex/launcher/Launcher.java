package vn.parindex.launcher;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Runs the whole ParIndex set with one command: the {@link Supervisor} starts one PostgreSQL (embedded unless
 * {@code PARINDEX_DB_URL} names one), a database per service and every service as a child JVM, starts a service
 * that stops unexpectedly again, and stops them all at Ctrl-C or the end of a {@code --smoke} run; its events are
 * printed by {@link SupervisorConsole}. This class reads the command line, prints the addresses, waits for the
 * demo data and prints the inventory.
 */
public final class Launcher {

    static final String BUILD_COMMAND = "./mvnw -DskipTests package";
    private static final Duration DEMO_POLL_INTERVAL = Duration.ofSeconds(2);
    private static final Duration DEMO_PROGRESS_INTERVAL = Duration.ofSeconds(15);

    private final LauncherConfig config;
    private final List<ServiceDefinition> services;
    private final long startedAt = System.nanoTime();
    private final Supervisor supervisor;

    Launcher(LauncherConfig config, List<ServiceDefinition> services) {
        this.config = config;
        this.services = List.copyOf(services);
        this.supervisor = new Supervisor(config, services, new SupervisorConsole());
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
        Runtime.getRuntime().addShutdownHook(new Thread(launcher.supervisor::stopAll, "parindex-shutdown"));
        try {
            return smoke ? launcher.smoke() : launcher.runUntilStopped();
        } catch (Supervisor.StopRequested e) {
            return 130;
        } catch (LaunchException e) {
            if (!launcher.supervisor.stopping()) {
                Console.error(e.getMessage());
            }
            launcher.supervisor.stopAll();
            return 1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            launcher.supervisor.stopAll();
            return 1;
        }
    }

    /**
     * Starts everything, prints the addresses and then, once the demo data is in (or known missing), the inventory;
     * then waits until Ctrl-C (exit by signal), starting a service that dies again, until one crashes more often
     * than {@link RestartPolicy} allows (exit 1).
     */
    int runUntilStopped() throws InterruptedException {
        DatabaseServer database = supervisor.startAll();
        printAddresses(database, "Press Ctrl-C to stop.");
        List<DemoInventory.Check> missing = DemoInventory.missing(awaitDemoData());
        if (!missing.isEmpty() && config.demoData()) {
            Console.error(
                    "demo data missing: " + describe(missing) + "; see the services' logs in " + config.logDirectory());
        }

        return supervisor.superviseUntilStopped();
    }

    /**
     * Proves the run command works: everything starts and answers its health check, every demo data set loads
     * (the inventory is printed), and everything stops cleanly. Exit 1 names what failed.
     */
    int smoke() throws InterruptedException {
        DatabaseServer database = supervisor.startAll();
        printAddresses(database, "Smoke run: checking health and the demo data, then stopping.");
        boolean healthy = true;
        for (ServiceProcess service : supervisor.runningServices()) {
            int status = service.status("/q/health");
            Console.info("smoke: GET %s/q/health -> %s"
                    .formatted(service.definition().baseUrl(), status));
            healthy &= status == 200;
        }
        List<DemoInventory.Check> missing = DemoInventory.missing(awaitDemoData());
        supervisor.stopAll();
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
            supervisor.requireNotStopping();
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
            Optional<ServiceProcess> exited = supervisor.runningServices().stream()
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

    private void printAddresses(DatabaseServer database, String footer) {
        StringBuilder text = new StringBuilder();
        String rule = "-".repeat(78);
        text.append(rule).append('\n');
        text.append("ParIndex is running: %d service(s), ready after %.1f s%n%n"
                .formatted(services.size(), secondsSince(startedAt)));
        text.append(serviceAddresses(services));
        if (supervisor.embeddedDatabase()) {
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
}
