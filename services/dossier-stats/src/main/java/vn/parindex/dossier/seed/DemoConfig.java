package vn.parindex.dossier.seed;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;
import java.time.Duration;

/**
 * How the demo dossiers load ({@code parindex.demo-data} turns them on). The loader needs the unit registry's
 * communes of the demo province and the demo campaigns' units, so it waits for the registry: an attempt every {@link #retryInterval()}, for at
 * most {@link #waitLimit()}, then it reports FAILED naming what it waited for.
 */
@ConfigMapping(prefix = "parindex.demo")
public interface DemoConfig {

    /** How long the loader waits for the unit registry to answer ({@code PARINDEX_DEMO_WAIT}); default 5 minutes. */
    @WithName("wait")
    @WithDefault("5m")
    Duration waitLimit();

    /** Pause between two attempts; default 2 seconds. */
    @WithDefault("2s")
    Duration retryInterval();

    /** Number of synthetic dossiers of the demo province's communes; default 100,000. */
    @WithDefault("100000")
    int dossiers();

    /**
     * The dossier counts of the demo campaigns' units and years (a classpath resource, {@link DemoTargets}); the
     * loader stores dossiers that give exactly them. Default {@value DemoTargets#RESOURCE}.
     */
    @WithDefault(DemoTargets.RESOURCE)
    String targets();
}
