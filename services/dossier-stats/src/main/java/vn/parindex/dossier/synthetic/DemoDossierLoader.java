package vn.parindex.dossier.synthetic;

import io.agroal.api.AgroalDataSource;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.io.BufferedWriter;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import vn.parindex.dossier.calendar.CalendarService;
import vn.parindex.dossier.ingest.IngestionService;
import vn.parindex.dossier.ingest.RecordReader;
import vn.parindex.dossier.procedure.Procedure;
import vn.parindex.dossier.procedure.ProcedureService;
import vn.parindex.dossier.registry.UnitDirectory;

/**
 * Demo data of the embedded mode ({@code parindex.demo-data}): synthetic procedures and 100,000 synthetic
 * dossiers of the communes of Tỉnh Lào Cai (15) since the 2025 reform, through the same ingestion path as real
 * batches. Runs in the background once the registry answers, and only into an empty database.
 */
@ApplicationScoped
public class DemoDossierLoader {

    static final String DEMO_PROVINCE = "15";
    static final int DEMO_DOSSIERS = 100_000;
    private static final Logger LOG = Logger.getLogger(DemoDossierLoader.class);

    private final boolean enabled;
    private final AgroalDataSource dataSource;
    private final ProcedureService procedures;
    private final CalendarService calendar;
    private final IngestionService ingestion;
    private final UnitDirectory units;
    private Thread worker;

    public DemoDossierLoader(
            @ConfigProperty(name = "parindex.demo-data") boolean enabled,
            AgroalDataSource dataSource,
            ProcedureService procedures,
            CalendarService calendar,
            IngestionService ingestion,
            UnitDirectory units) {
        this.enabled = enabled;
        this.dataSource = dataSource;
        this.procedures = procedures;
        this.calendar = calendar;
        this.ingestion = ingestion;
        this.units = units;
    }

    void onStart(@Observes StartupEvent event) {
        if (enabled) {
            worker = Thread.ofVirtual().name("demo-dossiers").start(this::load);
        }
    }

    void onStop(@Observes ShutdownEvent event) {
        if (worker != null) {
            worker.interrupt();
        }
    }

    private void load() {
        try {
            if (count("SELECT count(*) FROM dossier") > 0) {
                return;
            }
            LocalDate from = LocalDate.of(2025, 7, 1);
            LocalDate to = LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh")).minusDays(1);
            List<String> communes = null;
            for (int attempt = 0; communes == null && attempt < 60; attempt++) {
                try {
                    communes = units.selfAndDescendants(DEMO_PROVINCE, from);
                } catch (RuntimeException e) {
                    Thread.sleep(3_000); // the registry may still be starting
                }
            }
            if (communes == null) {
                LOG.warn("Demo dossiers not loaded: the unit registry did not answer");
                return;
            }
            List<Procedure> catalogue = SyntheticDossiers.procedures(200, 2025);
            if (count("SELECT count(*) FROM procedure") == 0) {
                procedures.upsertProcedures(catalogue);
            }
            Path file = Files.createTempFile("parindex-demo-dossiers", ".ndjson");
            try {
                try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
                    new SyntheticDossiers(communes, catalogue, calendar.calendar(), from, to, 2025, "DEMO")
                            .writeNdjson(out, DEMO_DOSSIERS, "DEMO-");
                }
                try (InputStream in = Files.newInputStream(file)) {
                    IngestionService.Result r = ingestion.ingest(RecordReader.Format.NDJSON, in);
                    LOG.infof(
                            "Demo dossiers: %d stored for %d units of province %s in %d ms (%d rejected)",
                            r.inserted(), communes.size(), DEMO_PROVINCE, r.durationMs(), r.rejected());
                }
            } finally {
                Files.deleteIfExists(file);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            LOG.warnf(e, "Demo dossiers not loaded");
        }
    }

    private long count(String sql) throws java.sql.SQLException {
        try (Connection c = dataSource.getConnection();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
