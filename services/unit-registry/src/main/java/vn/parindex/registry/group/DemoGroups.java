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
 * Demo data (embedded mode, {@code parindex.demo-data}): the peer groups of the demo campaigns, Yên Bái's nine
 * district-level units of 2019, 2020 and 2021 ({@code YB-DISTRICTS-2019} …), created after the seed when missing
 * (2021 last: the scoring demo waits for it).
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
        if (!enabled) {
            return;
        }
        for (int year = 2019; year <= 2021; year++) {
            String code = "YB-DISTRICTS-" + year;
            if (io.quarkus.narayana.jta.QuarkusTransaction.requiringNew()
                    .call(() -> UnitGroup.findById(code) != null)) {
                continue;
            }
            groups.createGroup(new UnitGroupService.GroupSpec(
                    code,
                    "Huyện, thị xã, thành phố tỉnh Yên Bái " + year,
                    year,
                    null,
                    "15",
                    Level.DISTRICT,
                    LocalDate.of(year, 12, 31)));
            LOG.infof("Demo peer group %s created", code);
        }
    }
}
