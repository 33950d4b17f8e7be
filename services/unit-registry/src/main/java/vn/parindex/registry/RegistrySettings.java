package vn.parindex.registry;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** The registry's own settings ({@code parindex.registry.*} in application.properties or the environment). */
@ConfigMapping(prefix = "parindex.registry")
public interface RegistrySettings {

    Seed seed();

    ReadModel readModel();

    interface Seed {
        /** Load the real units of 2024 and 2025 and the 2025 lineage into an empty database at start. */
        @WithDefault("true")
        boolean enabled();
    }

    interface ReadModel {
        /** How often the read model asks whether another replica committed a change. */
        @WithDefault("2s")
        Duration pollInterval();
    }
}
