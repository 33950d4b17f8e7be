package vn.parindex.scoring.seed;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import vn.parindex.common.api.DemoProgress;

/** Where the demo campaigns stand (see {@link DemoProgress}), read by the {@code demo-data} health check. */
@ApplicationScoped
public class DemoStatus extends DemoProgress {

    public DemoStatus(@ConfigProperty(name = "parindex.demo-data", defaultValue = "false") boolean enabled) {
        super(enabled);
    }
}
