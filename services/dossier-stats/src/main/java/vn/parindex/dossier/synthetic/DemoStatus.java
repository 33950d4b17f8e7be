package vn.parindex.dossier.synthetic;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Where the demo dossiers stand, for the {@code demo-data} health check: DISABLED (demo data off), LOADING
 * (waiting for the registry or storing), LOADED (present, loaded now or on an earlier start) or FAILED (the wait
 * limit ran out or the load broke; the message says why).
 */
@ApplicationScoped
public class DemoStatus {

    public enum State {
        DISABLED,
        LOADING,
        LOADED,
        FAILED
    }

    /** One consistent reading: the state, what it is doing or why it failed, and attempts made so far. */
    public record Snapshot(State state, String message, int attempts) {}

    private volatile Snapshot current;

    /** LOADING from the start when demo data is on, so nobody reads DISABLED before the loader has begun. */
    public DemoStatus(@ConfigProperty(name = "parindex.demo-data") boolean enabled) {
        current = enabled
                ? new Snapshot(State.LOADING, "starting", 0)
                : new Snapshot(State.DISABLED, "parindex.demo-data is off", 0);
    }

    public Snapshot current() {
        return current;
    }

    void set(State state, String message, int attempts) {
        current = new Snapshot(state, message, attempts);
    }
}
