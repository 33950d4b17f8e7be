package vn.parindex.registry.group;

import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.LocalDate;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import vn.parindex.registry.unit.domain.Level;

/**
 * Demo data (embedded mode, {@code parindex.demo-data}): the peer group of the demo campaigns, Yên Bái's nine
 * district-level units of 2021 ({@code YB-DISTRICTS-2021}), created after the seed when missing.
 */
@ApplicationScoped
public class DemoGroups {

    private static final Logger LOG = Logger.getLogger(DemoGroups.class);
    static final String YEN_BAI_DISTRICTS = "YB-DISTRICTS-2021";

    private final boolean enabled;
    private final UnitGroupService groups;

    public DemoGroups(
            @ConfigProperty(name = "parindex.demo-data", defaultValue = "false") boolean enabled,
            UnitGroupService groups) {
        this.enabled = enabled;
        this.groups = groups;
    }

    void onStart(@Observes @Priority(150) StartupEvent event) {
        if (!enabled
                || io.quarkus.narayana.jta.QuarkusTransaction.requiringNew()
                        .call(() -> UnitGroup.findById(YEN_BAI_DISTRICTS) != null)) {
            return;
        }
        groups.createGroup(new UnitGroupService.GroupSpec(
                YEN_BAI_DISTRICTS,
                "Huyện, thị xã, thành phố tỉnh Yên Bái 2021",
                2021,
                null,
                "15",
                Level.DISTRICT,
                LocalDate.of(2021, 12, 31)));
        LOG.infof("Demo peer group %s created", YEN_BAI_DISTRICTS);
    }
}
