package vn.parindex.dossier.seed;

import io.agroal.api.AgroalDataSource;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import vn.parindex.common.api.ApiException;
import vn.parindex.dossier.DossierError;
import vn.parindex.dossier.client.UnitDirectory;
import vn.parindex.dossier.domain.Procedure;
import vn.parindex.dossier.domain.RecordReader;
import vn.parindex.dossier.service.CalendarService;
import vn.parindex.dossier.service.IngestionService;
import vn.parindex.dossier.service.ProcedureService;

/**
 * Demo data of the embedded mode ({@code parindex.demo-data}), through the same ingestion path as real batches:
 *
 * <ul>
 *   <li>synthetic procedures and synthetic dossiers (100,000 by default) of the communes of Tỉnh Lào Cai (15) since
 *       the 2025 reform (source system {@value #SOURCE_SYSTEM});
 *   <li>the dossiers of the demo campaigns of 2019–2021 (source system {@value TargetedDossiers#SOURCE_SYSTEM}):
 *       for each district-level unit or department and year of {@code parindex.demo.targets} ({@link DemoTargets}),
 *       dossiers whose on-time, resolved, online and received counts are exactly the campaign's, so that scoring
 *       fetches the figures its demo data file gives.
 * </ul>
 *
 * <p>Runs in the background: it waits for the unit registry (an attempt every {@code parindex.demo.retry-interval},
 * up to {@code parindex.demo.wait}) to give the communes and to hold every campaign unit in its year, and its
 * progress is the {@code demo-data} health check's ({@link DemoStatus}): LOADED once both sets are there.
 *
 * <p>Idempotent: each set goes in as one transaction, so the database holds either all of a set or none of it; a
 * set that is there is not loaded again, one that is not (first start, a start that broke off, a database of an
 * earlier version without the campaign dossiers) is loaded whole. Procedures are upserted by code, so a second
 * upsert changes nothing. Replicas starting together serialise on an advisory lock.
 */
@ApplicationScoped
public class DemoDossierLoader {

    static final String DEMO_PROVINCE = "15";
    static final String SOURCE_SYSTEM = "DEMO";
    static final LocalDate FROM = LocalDate.of(2025, 7, 1);
    private static final long LOCK_KEY = 0x5041_5244_4F53L; // "PARDOS"
    private static final long PROGRESS_LOG_NANOS = 30_000_000_000L;
    private static final Logger LOG = Logger.getLogger(DemoDossierLoader.class);

    /** How one run ended. */
    enum Outcome {
        LOADED,
        ALREADY_PRESENT,
        FAILED,
        STOPPED
    }

    /** The unit registry did not answer, or does not hold the demo province yet: worth another attempt. */
    static final class RegistryNotReady extends Exception {
        RegistryNotReady(String message) {
            super(message, null, false, false);
        }
    }

    private final boolean enabled;
    private final DemoConfig config;
    private final DemoStatus status;
    private final AgroalDataSource dataSource;
    private final ProcedureService procedures;
    private final CalendarService calendar;
    private final IngestionService ingestion;
    private final UnitDirectory units;
    private final String registryUrl;
    private volatile List<DemoTargets.Target> targets;
    private Thread worker;

    public DemoDossierLoader(
            @ConfigProperty(name = "parindex.demo-data") boolean enabled,
            @ConfigProperty(name = "quarkus.rest-client.unit-registry.url") String registryUrl,
            DemoConfig config,
            DemoStatus status,
            AgroalDataSource dataSource,
            ProcedureService procedures,
            CalendarService calendar,
            IngestionService ingestion,
            UnitDirectory units) {
        this.enabled = enabled;
        this.registryUrl = registryUrl;
        this.config = config;
        this.status = status;
        this.dataSource = dataSource;
        this.procedures = procedures;
        this.calendar = calendar;
        this.ingestion = ingestion;
        this.units = units;
    }

    void onStart(@Observes StartupEvent event) {
        if (enabled) {
            worker = Thread.ofVirtual().name("demo-dossiers").start(this::run);
        }
    }

    void onStop(@Observes ShutdownEvent event) {
        if (worker != null) {
            worker.interrupt();
        }
    }

    /** Attempts the load until it is done, the wait limit runs out (FAILED, logged as an error) or the service stops. */
    Outcome run() {
        long started = System.nanoTime();
        long limit = config.waitLimit().toNanos();
        long lastLog = 0;
        int attempt = 0;
        while (true) {
            attempt++;
            String problem;
            try {
                return loadOnce(attempt);
            } catch (RegistryNotReady e) {
                problem = e.getMessage();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                status.set(DemoStatus.State.FAILED, "stopped before the demo dossiers were loaded", attempt);
                return Outcome.STOPPED;
            } catch (IOException | SQLException | RuntimeException e) {
                String why = "the load broke off: " + e;
                LOG.errorf(e, "Demo dossiers NOT loaded: %s", why);
                status.set(DemoStatus.State.FAILED, why, attempt);
                return Outcome.FAILED;
            }
            long waited = System.nanoTime() - started;
            if (waited >= limit) {
                String why =
                        "the unit registry (%s) did not give the communes of province %s and the demo campaigns' units within %s (parindex.demo.wait); last answer: %s"
                                .formatted(registryUrl, DEMO_PROVINCE, config.waitLimit(), problem);
                LOG.errorf("Demo dossiers NOT loaded after %d attempts: %s", attempt, why);
                status.set(DemoStatus.State.FAILED, why, attempt);
                return Outcome.FAILED;
            }
            String waiting = "waiting for the unit registry at %s (attempt %d, %d s of %d s): %s"
                    .formatted(registryUrl, attempt, waited / 1_000_000_000L, limit / 1_000_000_000L, problem);
            status.set(DemoStatus.State.LOADING, waiting, attempt);
            LOG.debugf("Demo dossiers: %s", waiting);
            if (attempt == 1 || System.nanoTime() - lastLog >= PROGRESS_LOG_NANOS) {
                LOG.infof("Demo dossiers: %s; retrying every %s", waiting, config.retryInterval());
                lastLog = System.nanoTime();
            }
            try {
                Thread.sleep(config.retryInterval());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                status.set(DemoStatus.State.FAILED, "stopped before the demo dossiers were loaded", attempt);
                return Outcome.STOPPED;
            }
        }
    }

    /** One attempt under the advisory lock: nothing when both sets are there, else the set(s) missing, whole. */
    private Outcome loadOnce(int attempt) throws RegistryNotReady, InterruptedException, IOException, SQLException {
        try (Connection lock = dataSource.getConnection();
                Statement s = lock.createStatement()) {
            s.execute("SELECT pg_advisory_lock(" + LOCK_KEY + ")");
            try {
                List<DemoTargets.Target> wanted = targets();
                long communeDossiers = demoDossiers(SOURCE_SYSTEM);
                long campaignDossiers = demoDossiers(TargetedDossiers.SOURCE_SYSTEM);
                boolean campaignsDone = campaignDossiers > 0 || wanted.isEmpty();
                if (communeDossiers > 0 && campaignsDone) {
                    String present =
                            "%d demo dossiers present (loaded earlier): %d of the communes of province %s, %d of the demo campaigns' units"
                                    .formatted(
                                            communeDossiers + campaignDossiers,
                                            communeDossiers,
                                            DEMO_PROVINCE,
                                            campaignDossiers);
                    storeFacts();
                    status.set(DemoStatus.State.LOADED, present, attempt);
                    LOG.infof("Demo dossiers: %s; nothing to load", present);
                    return Outcome.ALREADY_PRESENT;
                }
                String communesDone;
                if (communeDossiers > 0) {
                    communesDone = communeDossiers + " dossiers of the communes of province " + DEMO_PROVINCE
                            + " present (loaded earlier)";
                } else {
                    List<String> communes = demoUnits();
                    status.set(
                            DemoStatus.State.LOADING,
                            "storing %d dossiers for %d units of province %s"
                                    .formatted(config.dossiers(), communes.size(), DEMO_PROVINCE),
                            attempt);
                    communesDone = store(communes, attempt);
                }
                String done = communesDone;
                if (!campaignsDone) {
                    status.set(
                            DemoStatus.State.LOADING,
                            communesDone + "; now the dossiers of " + wanted.size() + " demo campaign units and years",
                            attempt);
                    done = communesDone + "; " + storeCampaigns(wanted, attempt);
                } else if (!wanted.isEmpty()) {
                    done = communesDone + "; " + campaignDossiers + " dossiers of the demo campaigns' units present";
                }
                done = done + "; " + storeFacts() + " demo payment, digitisation, rating and feedback records";
                LOG.infof("Demo dossiers: %s", done);
                status.set(DemoStatus.State.LOADED, done, attempt);
                return Outcome.LOADED;
            } finally {
                s.execute("SELECT pg_advisory_unlock(" + LOCK_KEY + ")");
            }
        }
    }

    /** The campaign targets, read once ({@code parindex.demo.targets}); an unreadable file fails the load. */
    private List<DemoTargets.Target> targets() {
        List<DemoTargets.Target> t = targets;
        if (t == null) {
            t = DemoTargets.load(config.targets());
            targets = t;
        }
        return t;
    }

    /**
     * Every campaign unit valid in its year, asked afresh: a unit the registry does not hold yet (the departments
     * are created by the registry's own demo data, after its seed) is worth another attempt.
     */
    private void checkCampaignUnits(List<DemoTargets.Target> wanted) throws RegistryNotReady {
        for (DemoTargets.Target t : wanted) {
            units.forget(t.unitCode());
        }
        for (DemoTargets.Target t : wanted) {
            try {
                if (!units.isUnitOn(t.unitCode(), LocalDate.of(t.year(), 1, 1))
                        || !units.isUnitOn(t.unitCode(), LocalDate.of(t.year(), 12, 31))) {
                    throw new RegistryNotReady("the registry does not hold unit " + t.unitCode() + " (" + t.unitName()
                            + ") through " + t.year() + " yet");
                }
            } catch (ApiException e) {
                throw new RegistryNotReady(e.errorCode().code() + ": " + e.getMessage());
            }
        }
    }

    /**
     * The dossiers of the demo campaigns' units: exactly the targets' counts, or nothing (a batch with a rejected
     * row is taken out again, and the load fails naming the row).
     */
    private String storeCampaigns(List<DemoTargets.Target> wanted, int attempt)
            throws RegistryNotReady, InterruptedException, IOException, SQLException {
        checkCampaignUnits(wanted);
        List<Procedure> catalogue = TargetedDossiers.procedures(60, 2019);
        procedures.upsertProcedures(catalogue);
        TargetedDossiers generator = new TargetedDossiers(calendar.calendar(), catalogue);
        Path file = Files.createTempFile("parindex-demo-campaign-dossiers", ".ndjson");
        try {
            long rows = 0;
            try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
                for (DemoTargets.Target t : wanted) {
                    rows += generator.writeNdjson(out, t);
                }
            }
            if (Thread.interrupted()) {
                throw new InterruptedException();
            }
            IngestionService.Result r;
            try (InputStream in = Files.newInputStream(file)) {
                r = ingestion.ingest(RecordReader.Format.NDJSON, in);
            } catch (ApiException e) {
                if (e.errorCode().equals(DossierError.REGISTRY_UNAVAILABLE)) {
                    throw new RegistryNotReady(e.getMessage());
                }
                throw e;
            }
            if (r.rejected() > 0) {
                deleteCampaignDossiers();
                throw new IllegalStateException(
                        "%d of the %d dossiers of the demo campaigns' units were rejected (none kept): %s"
                                .formatted(
                                        r.rejected(),
                                        rows,
                                        r.rejections().stream().limit(3).toList()));
            }
            long years = wanted.stream()
                    .mapToInt(DemoTargets.Target::year)
                    .distinct()
                    .count();
            return "%d dossiers of %d demo campaign units stored (%d years, the campaigns' on-time and online counts) in %d ms"
                    .formatted(r.inserted() + r.updated() + r.unchanged(), wanted.size(), years, r.durationMs());
        } finally {
            Files.deleteIfExists(file);
        }
    }

    private void deleteCampaignDossiers() throws SQLException {
        try (Connection c = dataSource.getConnection();
                Statement s = c.createStatement()) {
            s.executeUpdate("DELETE FROM dossier WHERE source_system = '" + TargetedDossiers.SOURCE_SYSTEM + "'");
            s.executeUpdate("DELETE FROM dossier_key WHERE source_system = '" + TargetedDossiers.SOURCE_SYSTEM + "'");
        }
    }

    /** The demo province and its units on {@link #FROM}, asked afresh (an earlier "not found" is not kept). */
    private List<String> demoUnits() throws RegistryNotReady {
        units.forget(DEMO_PROVINCE);
        List<String> found;
        try {
            found = units.selfAndDescendants(DEMO_PROVINCE, FROM);
        } catch (ApiException e) {
            throw new RegistryNotReady(e.errorCode().code() + ": " + e.getMessage());
        }
        if (found.size() < 2) {
            throw new RegistryNotReady("the registry lists no unit under province " + DEMO_PROVINCE + " yet");
        }
        return found;
    }

    private String store(List<String> communes, int attempt)
            throws RegistryNotReady, InterruptedException, IOException, SQLException {
        LocalDate to = vn.parindex.common.api.VietnamTime.today().minusDays(1);
        List<Procedure> catalogue = SyntheticDossiers.procedures(200, 2025);
        procedures.upsertProcedures(catalogue);
        Path file = Files.createTempFile("parindex-demo-dossiers", ".ndjson");
        try {
            try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
                new SyntheticDossiers(communes, catalogue, calendar.calendar(), FROM, to, 2025, SOURCE_SYSTEM)
                        .writeNdjson(out, config.dossiers(), "DEMO-");
            }
            if (Thread.interrupted()) {
                throw new InterruptedException();
            }
            IngestionService.Result r;
            try (InputStream in = Files.newInputStream(file)) {
                r = ingestion.ingest(RecordReader.Format.NDJSON, in);
            } catch (ApiException e) {
                if (e.errorCode().equals(DossierError.REGISTRY_UNAVAILABLE)) {
                    // The registry went away while the rows were checked; the batch stored nothing.
                    throw new RegistryNotReady(e.getMessage());
                }
                throw e;
            }
            long stored = r.inserted() + r.updated() + r.unchanged();
            if (stored == 0) {
                throw new IllegalStateException("none of the " + r.rows() + " synthetic dossiers was accepted");
            }
            return "%d demo dossiers stored for %d units of province %s in %d ms (%d rejected)"
                    .formatted(stored, communes.size(), DEMO_PROVINCE, r.durationMs(), r.rejected());
        } finally {
            Files.deleteIfExists(file);
        }
    }

    /** The demo dossiers' payments, digitisation, ratings and feedback ({@link DemoFacts}); none stored twice. */
    private long storeFacts() throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            return DemoFacts.store(c, SOURCE_SYSTEM);
        }
    }

    private long demoDossiers(String sourceSystem) throws SQLException {
        try (Connection c = dataSource.getConnection();
                Statement s = c.createStatement();
                ResultSet rs =
                        s.executeQuery("SELECT count(*) FROM dossier WHERE source_system = '" + sourceSystem + "'")) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
