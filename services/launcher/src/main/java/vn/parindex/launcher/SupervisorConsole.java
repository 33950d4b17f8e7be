package vn.parindex.launcher;

import java.nio.file.Path;
import java.time.Duration;
import java.util.stream.Collectors;

/** The supervisor's events in the words the person who ran the launcher reads ({@link Console}). */
final class SupervisorConsole implements Supervisor.Events {

    @Override
    public void externalDatabase(DatabaseServer server) {
        Console.info("using PostgreSQL at %s as %s (PARINDEX_DB_URL)".formatted(server.serverUrl(), server.user()));
    }

    @Override
    public void embeddedDatabaseStarting(int port, Path data, boolean firstRun) {
        Console.info("starting embedded PostgreSQL on port %d, data in %s%s"
                .formatted(port, data, firstRun ? " (first run: creating the cluster)" : ""));
    }

    @Override
    public void embeddedDatabaseReady(double seconds, boolean freshCluster) {
        Console.info("PostgreSQL ready after %.1f s (%s)"
                .formatted(seconds, freshCluster ? "new cluster" : "existing data"));
    }

    @Override
    public void databaseCreated(String name) {
        Console.info("created database " + name);
    }

    @Override
    public void serviceStarted(ServiceDefinition service, Path logFile) {
        Console.info("started %s on port %d (log: %s)".formatted(service.name(), service.port(), logFile));
    }

    @Override
    public void progress(String message) {
        Console.info(message);
    }

    @Override
    public void serviceReady(ServiceProcess service) {
        Console.info("%s ready after %.1f s"
                .formatted(service.name(), service.uptime().toMillis() / 1000.0));
    }

    @Override
    public void logTail(ServiceProcess service, int lines) {
        Console.info("last %d lines of %s:".formatted(lines, service.logFile()));
        Console.block(
                service.lastLogLines(lines).stream().map(line -> "  | " + line).collect(Collectors.joining("\n")));
    }

    @Override
    public void crashLoop(ServiceProcess exited) {
        Console.error("%s stopped unexpectedly (exit code %d), more than %d times within %d min; stopping"
                        .formatted(
                                exited.name(),
                                exited.exitValue(),
                                RestartPolicy.MAX_RESTARTS,
                                RestartPolicy.WINDOW.toMinutes())
                + " everything");
    }

    @Override
    public void restarting(ServiceProcess exited) {
        Console.error("%s stopped unexpectedly (exit code %d); starting it again"
                .formatted(exited.name(), exited.exitValue()));
    }

    @Override
    public void readyAgain(ServiceProcess restarted) {
        Console.info("%s ready again after %.1f s"
                .formatted(restarted.name(), restarted.uptime().toMillis() / 1000.0));
    }

    @Override
    public void exitedAgain(ServiceProcess restarted) {
        Console.error(restarted.name() + " exited again before it was ready");
    }

    @Override
    public void notReadyAfterRestart(ServiceProcess restarted, Duration timeout) {
        Console.error("%s was not ready %d s after its restart (PARINDEX_READY_TIMEOUT); leaving it running"
                .formatted(restarted.name(), timeout.toSeconds()));
    }

    @Override
    public void stopping() {
        Console.info("stopping...");
    }

    @Override
    public void killed(ServiceProcess service, Duration grace) {
        Console.info("%s did not stop within %d s and was killed".formatted(service.name(), grace.toSeconds()));
    }

    @Override
    public void databaseNotStopped(String message) {
        Console.error("PostgreSQL did not stop cleanly: " + message);
    }

    @Override
    public void stopped() {
        Console.info("stopped");
    }
}
