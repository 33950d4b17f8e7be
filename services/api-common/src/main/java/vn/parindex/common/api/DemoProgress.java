package vn.parindex.common.api;

import java.util.List;

/**
 * Where a service's demo data stands, for its {@code demo-data} health check and the launcher's inventory: DISABLED
 * (demo data off), LOADING (waiting for dependencies or storing), LOADED (present, loaded now or on an earlier
 * start) or FAILED (the message says why). Each service's {@code DemoStatus} bean extends it.
 */
public class DemoProgress {

    public enum State {
        DISABLED,
        LOADING,
        LOADED,
        FAILED
    }

    /** One consistent reading: the state, a sentence, the codes of the demo items, and attempts made so far. */
    public record Snapshot(State state, String message, List<String> codes, int attempts) {}

    private volatile Snapshot current;

    /** For the CDI client proxies of the subclass beans only. */
    protected DemoProgress() {
        this(false);
    }

    /** LOADING from the start when demo data is on, so nobody reads DISABLED before the loader has begun. */
    protected DemoProgress(boolean enabled) {
        current = enabled
                ? new Snapshot(State.LOADING, "starting", List.of(), 0)
                : new Snapshot(State.DISABLED, "parindex.demo-data is off", List.of(), 0);
    }

    public Snapshot current() {
        return current;
    }

    /** A new state with the codes of the demo items it concerns. */
    public void set(State state, String message, List<String> codes) {
        current = new Snapshot(state, message, List.copyOf(codes), current.attempts());
    }

    /** A new state after {@code attempts} attempts to load. */
    public void set(State state, String message, int attempts) {
        current = new Snapshot(state, message, current.codes(), attempts);
    }
}
