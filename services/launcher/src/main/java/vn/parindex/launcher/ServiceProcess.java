package vn.parindex.launcher;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/** One service running as a child JVM, its output going to its own log file. */
final class ServiceProcess {

    enum Readiness {
        READY,
        EXITED,
        TIMED_OUT
    }

    private static final Duration POLL_INTERVAL = Duration.ofMillis(500);
    private static final Duration PROGRESS_INTERVAL = Duration.ofSeconds(10);

    private static final HttpClient HTTP = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(2))
            .version(HttpClient.Version.HTTP_1_1)
            .build();

    private final ServiceDefinition definition;
    private final Process process;
    private final Path logFile;
    private final long startedAt;

    private ServiceProcess(ServiceDefinition definition, Process process, Path logFile) {
        this.definition = definition;
        this.process = process;
        this.logFile = logFile;
        this.startedAt = System.nanoTime();
    }

    /**
     * Starts {@code java <options> -jar <jar>} in the jar's folder, which is how the container image runs it, so
     * relative paths (such as Quarkus' {@code config/} folder) mean the same in both.
     */
    static ServiceProcess start(
            ServiceDefinition definition,
            String javaCommand,
            List<String> javaOptions,
            Path jar,
            Map<String, String> environment,
            Path logFile)
            throws IOException {
        LogFiles.appendBanner(logFile, "launcher starts " + definition.name());
        ProcessBuilder builder = new ProcessBuilder(command(javaCommand, javaOptions, jar))
                .directory(jar.getParent().toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()));
        builder.environment().putAll(environment);
        Process process = builder.start();
        process.getOutputStream().close();
        return new ServiceProcess(definition, process, logFile);
    }

    static List<String> command(String javaCommand, List<String> javaOptions, Path jar) {
        List<String> command = new ArrayList<>();
        command.add(javaCommand);
        command.addAll(javaOptions);
        command.add("-jar");
        command.add(jar.toString());
        return command;
    }

    ServiceDefinition definition() {
        return definition;
    }

    String name() {
        return definition.name();
    }

    Path logFile() {
        return logFile;
    }

    long pid() {
        return process.pid();
    }

    boolean isAlive() {
        return process.isAlive();
    }

    int exitValue() {
        return process.exitValue();
    }

    CompletableFuture<Process> onExit() {
        return process.onExit();
    }

    Duration uptime() {
        return Duration.ofNanos(System.nanoTime() - startedAt);
    }

    /** Polls {@code /q/health/ready} until it answers 200, the process exits or the time since start runs out. */
    Readiness awaitReady(Duration timeout, Consumer<String> progress) throws InterruptedException {
        long lastProgress = System.nanoTime();
        while (true) {
            if (!process.isAlive()) {
                return Readiness.EXITED;
            }
            if (status("/q/health/ready") == 200) {
                return Readiness.READY;
            }
            if (uptime().compareTo(timeout) >= 0) {
                return Readiness.TIMED_OUT;
            }
            if (System.nanoTime() - lastProgress >= PROGRESS_INTERVAL.toNanos()) {
                progress.accept("%s not ready yet (%d s)".formatted(name(), uptime().toSeconds()));
                lastProgress = System.nanoTime();
            }
            process.waitFor(POLL_INTERVAL.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    /** HTTP status of a GET on this service, or -1 when it does not answer. */
    int status(String path) throws InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(definition.baseUrl() + path))
                .timeout(Duration.ofSeconds(5))
                .GET()
                .build();
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            return -1;
        }
    }

    /** Asks the JVM to shut down (SIGTERM), which runs Quarkus' graceful shutdown. */
    void requestStop() {
        process.destroy();
    }

    /**
     * Waits for the process to end after {@link #requestStop()}, killing it when the grace period runs out.
     *
     * @return whether it ended within the grace period
     */
    boolean awaitStop(Duration grace) throws InterruptedException {
        if (process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
            return true;
        }
        process.destroyForcibly();
        process.waitFor(5, TimeUnit.SECONDS);
        return false;
    }

    List<String> lastLogLines(int count) {
        return LogFiles.tail(logFile, count);
    }
}
