package vn.parindex.scoring.seed;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;
import java.time.Duration;

/** How scoring loads its demo campaigns ({@code parindex.demo.*}; the switch itself is {@code parindex.demo-data}). */
@ConfigMapping(prefix = "parindex.demo")
public interface DemoSettings {

    /** How long to wait for the registry and the catalogue to answer before giving up. */
    @WithName("wait")
    @WithDefault("PT10M")
    Duration readyWait();

    /** Pause between two attempts while a service is not ready. */
    @WithDefault("PT2S")
    Duration retryInterval();

    /** How long to wait for dossier statistics' demo dossiers before the dossier-fed criteria. */
    @WithDefault("PT5M")
    Duration dossierWait();
}
