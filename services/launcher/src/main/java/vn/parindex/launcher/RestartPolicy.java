package vn.parindex.launcher;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;

/**
 * Whether a service that stopped unexpectedly is started again: yes, up to {@link #MAX_RESTARTS} times within
 * {@link #WINDOW}; a service crashing more often than that is crash-looping (a broken build, a bad setting) and
 * the launcher stops everything instead, naming it.
 */
final class RestartPolicy {

    static final int MAX_RESTARTS = 3;
    static final Duration WINDOW = Duration.ofMinutes(10);

    private final int maxRestarts;
    private final long windowNanos;
    private final Map<String, Deque<Long>> crashes = new HashMap<>();

    RestartPolicy() {
        this(MAX_RESTARTS, WINDOW);
    }

    RestartPolicy(int maxRestarts, Duration window) {
        this.maxRestarts = maxRestarts;
        this.windowNanos = window.toNanos();
    }

    /** Records a crash of {@code service} at {@code nanoTime}; true when it may be started again. */
    synchronized boolean allowRestart(String service, long nanoTime) {
        Deque<Long> times = crashes.computeIfAbsent(service, name -> new ArrayDeque<>());
        while (!times.isEmpty() && nanoTime - times.peekFirst() > windowNanos) {
            times.removeFirst();
        }
        times.addLast(nanoTime);
        return times.size() <= maxRestarts;
    }
}
