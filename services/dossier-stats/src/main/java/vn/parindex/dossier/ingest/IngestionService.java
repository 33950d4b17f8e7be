package vn.parindex.dossier.ingest;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.jboss.logging.Logger;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import vn.parindex.common.api.ApiException;
import vn.parindex.common.api.CommonError;
import vn.parindex.dossier.calendar.CalendarService;
import vn.parindex.dossier.procedure.ProcedureService;
import vn.parindex.dossier.registry.UnitDirectory;

/**
 * Ingests a batch of dossiers in one transaction: rows are read one at a time, checked, and streamed with COPY
 * into a temporary staging table; then one statement upserts them on (sourceSystem, dossierId), the last
 * occurrence in the batch winning, and skips rows that change nothing. Bad rows are rejected with their line
 * and reason while good ones are stored; a batch that breaks off (malformed JSON array, lost connection) stores
 * nothing.
 */
@ApplicationScoped
public class IngestionService {

    /** What a batch did. Rejections beyond {@link #MAX_LISTED} are counted, not listed. */
    public record Result(
            RecordReader.Format format,
            long rows,
            long inserted,
            long updated,
            long unchanged,
            long duplicatesInBatch,
            long rejected,
            List<Rejection> rejections,
            boolean rejectionsTruncated,
            long durationMs) {}

    static final int MAX_LISTED = 1_000;
    /** Staged rows merged at a time; a key repeated across chunks counts as updated or unchanged, not as a duplicate. */
    static final int MERGE_EVERY = 200_000;

    private static final int COPY_BUFFER = 1 << 20;
    private static final Logger LOG = Logger.getLogger(IngestionService.class);

    private static final String COLUMNS =
            "source_system, dossier_id, procedure_code, unit_code, channel, service_level, status,"
                    + " received_at, received_date, due_at, due_date, finished_at, finished_date, finish_class, excluded, processing_days";

    private final AgroalDataSource dataSource;
    private final ProcedureService procedures;
    private final CalendarService calendar;
    private final UnitDirectory units;

    public IngestionService(
            AgroalDataSource dataSource, ProcedureService procedures, CalendarService calendar, UnitDirectory units) {
        this.dataSource = dataSource;
        this.procedures = procedures;
        this.calendar = calendar;
        this.units = units;
    }

    /** Told how far a batch has got: rows read and rows rejected so far. */
    @FunctionalInterface
    public interface Progress {
        void report(long rows, long rejected);
    }

    public Result ingest(RecordReader.Format format, InputStream body) {
        return ingest(format, body, (rows, rejected) -> {});
    }

    public Result ingest(RecordReader.Format format, InputStream body, Progress progress) {
        long started = System.nanoTime();
        DossierRowValidator validator =
                new DossierRowValidator(procedures.terms(), units::isUnitOn, calendar.calendar());
        List<Rejection> rejections = new ArrayList<>();
        long rows = 0;
        long rejected = 0;
        long staged = 0;
        try (Connection c = dataSource.getConnection();
                RecordReader reader = RecordReader.open(format, body)) {
            c.setAutoCommit(false);
            try (Statement s = c.createStatement()) {
                s.execute(
                        "CREATE TEMP TABLE dossier_stage (seq bigint, LIKE dossier INCLUDING DEFAULTS) ON COMMIT DROP");
                // A merged chunk (200,000 rows, ~50 MB) must sort in memory, not spill to disk.
                s.execute("SET LOCAL work_mem = '256MB'");
            }
            CopyIn copy = startCopy(c);
            ByteArrayOutputStream buffer = new ByteArrayOutputStream(COPY_BUFFER + 4096);
            long[] totals = new long[3];
            long sinceMerge = 0;
            try {
                RecordReader.Raw raw;
                while ((raw = reader.next()) != null) {
                    rows++;
                    DossierRowValidator.Outcome outcome = raw.unreadable() != null
                            ? new DossierRowValidator.Outcome(null, raw.unreadable())
                            : validator.check(raw.line(), raw.fields());
                    if (outcome.rejection() != null) {
                        rejected++;
                        if (rejections.size() < MAX_LISTED) {
                            rejections.add(outcome.rejection());
                        }
                        continue;
                    }
                    CopyEncoding.append(buffer, ++staged, outcome.row());
                    sinceMerge++;
                    if (buffer.size() >= COPY_BUFFER) {
                        copy.writeToCopy(buffer.toByteArray(), 0, buffer.size());
                        buffer.reset();
                    }
                    if (sinceMerge >= MERGE_EVERY) {
                        // Merge what is staged so far (same transaction): sorts stay small, staging stays small.
                        copy.writeToCopy(buffer.toByteArray(), 0, buffer.size());
                        buffer.reset();
                        copy.endCopy();
                        add(totals, merge(c));
                        copy = startCopy(c);
                        sinceMerge = 0;
                        LOG.infof("Dossier batch: %d rows read, %d staged, %d rejected", rows, staged, rejected);
                        progress.report(rows, rejected);
                    }
                }
                if (buffer.size() > 0) {
                    copy.writeToCopy(buffer.toByteArray(), 0, buffer.size());
                }
                copy.endCopy();
            } catch (IOException | RuntimeException e) {
                if (copy.isActive()) {
                    copy.cancelCopy();
                }
                c.rollback();
                throw batchBroken(rows, e);
            }
            add(totals, merge(c));
            markIngested(c);
            c.commit();
            long[] counts = totals;
            long distinct = counts[0] + counts[1] + counts[2];
            return new Result(
                    format,
                    rows,
                    counts[0],
                    counts[1],
                    counts[2],
                    staged - distinct,
                    rejected,
                    rejections,
                    rejected > rejections.size(),
                    (System.nanoTime() - started) / 1_000_000);
        } catch (SQLException | IOException e) {
            throw new IllegalStateException("Dossier batch failed; nothing was stored", e);
        }
    }

    private static CopyIn startCopy(Connection c) throws SQLException {
        return c.unwrap(PGConnection.class).getCopyAPI().copyIn("COPY dossier_stage (seq, " + COLUMNS + ") FROM STDIN");
    }

    private static void add(long[] totals, long[] counts) {
        for (int i = 0; i < totals.length; i++) {
            totals[i] += counts[i];
        }
    }

    private static void markIngested(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("INSERT INTO ingestion_state (id, last_ingested) VALUES (1, now())"
                    + " ON CONFLICT (id) DO UPDATE SET last_ingested = EXCLUDED.last_ingested");
        }
    }

    /** Merges the staged rows into dossier and empties the stage: inserted, updated, unchanged. */
    private static long[] merge(Connection c) throws SQLException {
        String updates =
                "procedure_code = EXCLUDED.procedure_code, unit_code = EXCLUDED.unit_code, channel = EXCLUDED.channel,"
                        + " service_level = EXCLUDED.service_level, status = EXCLUDED.status, received_at = EXCLUDED.received_at,"
                        + " received_date = EXCLUDED.received_date, due_at = EXCLUDED.due_at, due_date = EXCLUDED.due_date,"
                        + " finished_at = EXCLUDED.finished_at, finished_date = EXCLUDED.finished_date,"
                        + " finish_class = EXCLUDED.finish_class, excluded = EXCLUDED.excluded,"
                        + " processing_days = EXCLUDED.processing_days, ingested_at = now()";
        String changed =
                "(d.procedure_code, d.unit_code, d.channel, d.status, d.received_at, d.due_at, d.due_date, d.finished_at)"
                        + " IS DISTINCT FROM (EXCLUDED.procedure_code, EXCLUDED.unit_code, EXCLUDED.channel, EXCLUDED.status,"
                        + " EXCLUDED.received_at, EXCLUDED.due_at, EXCLUDED.due_date, EXCLUDED.finished_at)";
        String sql = "WITH src AS (SELECT DISTINCT ON (source_system, dossier_id) " + COLUMNS
                + " FROM dossier_stage ORDER BY source_system, dossier_id, seq DESC),"
                + " up AS (INSERT INTO dossier AS d (" + COLUMNS + ") SELECT " + COLUMNS + " FROM src"
                + " ON CONFLICT (source_system, dossier_id) DO UPDATE SET " + updates + " WHERE " + changed
                + " RETURNING (xmax = 0) AS inserted)"
                + " SELECT (SELECT count(*) FROM src), count(*) FILTER (WHERE inserted), count(*) FILTER (WHERE NOT inserted) FROM up";
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            long distinct = rs.getLong(1);
            long inserted = rs.getLong(2);
            long updated = rs.getLong(3);
            s.execute("TRUNCATE dossier_stage");
            return new long[] {inserted, updated, distinct - inserted - updated};
        }
    }

    private static ApiException batchBroken(long rows, Exception e) {
        if (e instanceof ApiException api) {
            return api;
        }
        String why = e.getMessage() == null
                ? e.getClass().getSimpleName()
                : e.getMessage().lines().findFirst().orElse("");
        return new ApiException(
                CommonError.MALFORMED_BODY,
                "The batch broke off after " + rows + " rows (" + why + "); nothing was stored",
                List.of(vn.parindex.common.api.FieldError.of("body", why)));
    }
}
