package vn.parindex.catalogue.seed;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import vn.parindex.catalogue.service.CriteriaSetService;
import vn.parindex.criteria.rules.CriteriaSet;
import vn.parindex.criteria.rules.demo.DemoCatalogues;

/**
 * Loads the demo proposals when {@code parindex.demo-data} is on (the embedded mode). Sets whose code exists are
 * left alone; replicas starting together serialise on an advisory lock. Its outcome is the {@code demo-data} health
 * check's ({@link DemoStatus}).
 */
@ApplicationScoped
public class DemoSetLoader {

    private static final Logger LOG = Logger.getLogger(DemoSetLoader.class);
    private static final long LOCK_KEY = 0x5041_5243_4154L; // "PARCAT"

    private final CriteriaSetService sets;
    private final EntityManager em;
    private final boolean enabled;
    private final DemoStatus status;

    public DemoSetLoader(
            CriteriaSetService sets,
            EntityManager em,
            @ConfigProperty(name = "parindex.demo-data") boolean enabled,
            DemoStatus status) {
        this.sets = sets;
        this.em = em;
        this.enabled = enabled;
        this.status = status;
    }

    void onStart(@Observes StartupEvent event) {
        if (!enabled) {
            return;
        }
        List<String> codes = List.of();
        try {
            codes = DemoCatalogues.load().stream().map(CriteriaSet::code).toList();
            int loaded = loadDemoSets();
            String done = "%d demo criteria sets loaded, %d already present (%s)"
                    .formatted(loaded, codes.size() - loaded, String.join(", ", codes));
            LOG.infof("Demo criteria sets: %s", done);
            status.set(DemoStatus.State.LOADED, done, codes);
        } catch (RuntimeException e) {
            // The catalogue does not start without them (demo data was asked for): loud, and said here too.
            LOG.errorf(e, "Demo criteria sets NOT loaded");
            status.set(DemoStatus.State.FAILED, "the load broke off: " + e, codes);
            throw e;
        }
    }

    @Transactional
    public int loadDemoSets() {
        em.createNativeQuery("SELECT pg_advisory_xact_lock(" + LOCK_KEY + ")").getSingleResult();
        int loaded = 0;
        for (CriteriaSet set : DemoCatalogues.load()) {
            if (sets.storeIfAbsent(set, "demo-data")) {
                loaded++;
            }
        }
        return loaded;
    }
}
