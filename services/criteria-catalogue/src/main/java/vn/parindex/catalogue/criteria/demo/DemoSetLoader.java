package vn.parindex.catalogue.criteria.demo;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import vn.parindex.catalogue.criteria.service.CriteriaSetService;
import vn.parindex.criteria.rules.CriteriaSet;
import vn.parindex.criteria.rules.demo.DemoCatalogues;

/**
 * Loads the four demo proposals when {@code parindex.demo-data} is on (the embedded mode). Sets whose code
 * exists are left alone; replicas starting together serialise on an advisory lock.
 */
@ApplicationScoped
public class DemoSetLoader {

    private static final Logger LOG = Logger.getLogger(DemoSetLoader.class);
    private static final long LOCK_KEY = 0x5041_5243_4154L; // "PARCAT"

    private final CriteriaSetService sets;
    private final EntityManager em;
    private final boolean enabled;

    public DemoSetLoader(
            CriteriaSetService sets, EntityManager em, @ConfigProperty(name = "parindex.demo-data") boolean enabled) {
        this.sets = sets;
        this.em = em;
        this.enabled = enabled;
    }

    void onStart(@Observes StartupEvent event) {
        if (enabled) {
            int loaded = loadDemoSets();
            LOG.infof(
                    "Demo criteria sets: %d loaded, %d already present",
                    loaded, DemoCatalogues.load().size() - loaded);
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
