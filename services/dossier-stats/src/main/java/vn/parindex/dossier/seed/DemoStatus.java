package vn.parindex.dossier.seed;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import vn.parindex.common.api.DemoProgress;

/** Where the demo dossiers stand (see {@link DemoProgress}), read by the {@code demo-data} health check. */
@ApplicationScoped
public class DemoStatus extends DemoProgress {

    public DemoStatus(@ConfigProperty(name = "parindex.demo-data") boolean enabled) {
        super(enabled);
    }
}
