package vn.parindex.scoring.demo;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Where the demo campaigns stand, for the {@code demo-data} health check: DISABLED (demo data off), LOADING (still
 * waiting for the registry and the catalogue, or storing), LOADED (every demo campaign published, now or on an
 * earlier start) or FAILED (the message names the campaigns and why).
 */
@ApplicationScoped
public class DemoStatus {

    public enum State {
        DISABLED,
        LOADING,
        LOADED,
        FAILED
    }

    /** One consistent reading: the state, a sentence, and the codes of the demo campaigns. */
    public record Snapshot(State state, String message, List<String> codes) {}

    private volatile Snapshot current;

    /** LOADING from the start when demo data is on, so nobody reads DISABLED before the loader has begun. */
    public DemoStatus(@ConfigProperty(name = "parindex.demo-data", defaultValue = "false") boolean enabled) {
        current = enabled
                ? new Snapshot(State.LOADING, "starting", List.of())
                : new Snapshot(State.DISABLED, "parindex.demo-data is off", List.of());
    }

    public Snapshot current() {
        return current;
    }

    void set(State state, String message, List<String> codes) {
        current = new Snapshot(state, message, List.copyOf(codes));
    }
}
