package vn.parindex.dossier.synthetic;

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
import java.time.ZoneId;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import vn.parindex.common.api.ApiException;
import vn.parindex.dossier.DossierError;
import vn.parindex.dossier.calendar.CalendarService;
import vn.parindex.dossier.ingest.IngestionService;
import vn.parindex.dossier.ingest.RecordReader;
import vn.parindex.dossier.procedure.Procedure;
import vn.parindex.dossier.procedure.ProcedureService;
import vn.parindex.dossier.registry.UnitDirectory;

/**
 * Demo data of the embedded mode ({@code parindex.demo-data}): synthetic procedures and synthetic dossiers (100,000
 * by default) of the communes of Tỉnh Lào Cai (15) since the 2025 reform, through the same ingestion path as real
 * batches. Runs in the background: it waits for the unit registry (an attempt every {@code parindex.demo.retry-interval},
 * up to {@code parindex.demo.wait}), and its progress is the {@code demo-data} health check's ({@link DemoStatus}).
 *
 * <p>Idempotent: the dossiers go in as one transaction, so the database holds either all demo dossiers (source
 * system {@value #SOURCE_SYSTEM}) or none; when they are there nothing is loaded again, when they are not (first
 * start, or a start that broke off) everything is loaded. Procedures are upserted by code, so a second upsert
 * changes nothing. Replicas starting together serialise on an advisory lock.
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
                        "the unit registry (%s) did not give the communes of province %s within %s (parindex.demo.wait); last answer: %s"
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

    /** One attempt under the advisory lock: nothing when the demo dossiers are there, else the whole load. */
    private Outcome loadOnce(int attempt) throws RegistryNotReady, InterruptedException, IOException, SQLException {
        try (Connection lock = dataSource.getConnection();
                Statement s = lock.createStatement()) {
            s.execute("SELECT pg_advisory_lock(" + LOCK_KEY + ")");
            try {
                long present = demoDossiers();
                if (present > 0) {
                    status.set(DemoStatus.State.LOADED, present + " demo dossiers present (loaded earlier)", attempt);
                    LOG.infof("Demo dossiers: %d already present, nothing to load", present);
                    return Outcome.ALREADY_PRESENT;
                }
                List<String> communes = demoUnits();
                status.set(
                        DemoStatus.State.LOADING,
                        "storing %d dossiers for %d units of province %s"
                                .formatted(config.dossiers(), communes.size(), DEMO_PROVINCE),
                        attempt);
                store(communes, attempt);
                return Outcome.LOADED;
            } finally {
                s.execute("SELECT pg_advisory_unlock(" + LOCK_KEY + ")");
            }
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

    private void store(List<String> communes, int attempt)
            throws RegistryNotReady, InterruptedException, IOException, SQLException {
        LocalDate to = LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh")).minusDays(1);
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
            String done = "%d demo dossiers stored for %d units of province %s in %d ms (%d rejected)"
                    .formatted(stored, communes.size(), DEMO_PROVINCE, r.durationMs(), r.rejected());
            LOG.infof("Demo dossiers: %s", done);
            status.set(DemoStatus.State.LOADED, done, attempt);
        } finally {
            Files.deleteIfExists(file);
        }
    }

    private long demoDossiers() throws SQLException {
        try (Connection c = dataSource.getConnection();
                Statement s = c.createStatement();
                ResultSet rs =
                        s.executeQuery("SELECT count(*) FROM dossier WHERE source_system = '" + SOURCE_SYSTEM + "'")) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
