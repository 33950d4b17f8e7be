package vn.parindex.dossier.service;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.InputStream;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.jboss.logging.Logger;
import vn.parindex.common.api.ApiException;
import vn.parindex.common.api.CommonError;
import vn.parindex.dossier.client.UnitDirectory;
import vn.parindex.dossier.domain.RecordReader;
import vn.parindex.dossier.domain.Rejection;
import vn.parindex.dossier.store.ChunkWriter;

/**
 * Ingests a batch of dossiers in one transaction: rows are read one at a time, checked, and streamed with COPY
 * by {@link ChunkWriter} a chunk at a time (straight into the table when the keys are new, otherwise through a
 * staging table and one upsert on (sourceSystem, dossierId), the last occurrence in the batch winning, rows that
 * change nothing left alone). Bad rows are rejected with their line
 * and reason while good ones are stored ({@link BatchRows}, the loop the fact batches share); a batch that breaks
 * off (malformed JSON array, lost connection) stores nothing.
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

    static final int MAX_LISTED = BatchRows.MAX_LISTED;

    private static final Logger LOG = Logger.getLogger(IngestionService.class);

    private final AgroalDataSource dataSource;
    private final vn.parindex.dossier.store.DossierPartitions partitions;
    private final ProcedureService procedures;
    private final CalendarService calendar;
    private final UnitDirectory units;

    public IngestionService(
            AgroalDataSource dataSource,
            vn.parindex.dossier.store.DossierPartitions partitions,
            ProcedureService procedures,
            CalendarService calendar,
            UnitDirectory units) {
        this.dataSource = dataSource;
        this.partitions = partitions;
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
                new DossierRowValidator(procedures.terms(), units.forBatch(), calendar.calendar());
        BatchRows batch = new BatchRows();
        // The connection and its transaction are opened by the writer when the first chunk is full or the batch
        // ends, after that chunk's rows (and their registry lookups) were read and checked: fetch, then store.
        ChunkWriter writer = new ChunkWriter(dataSource::getConnection, partitions);
        try (RecordReader reader = RecordReader.open(format, body)) {
            long[] counts;
            try {
                batch.read(
                        reader,
                        validator::check,
                        DossierRowValidator.Outcome::rejection,
                        outcome -> writer.add(outcome.row()),
                        (rows, rejected) -> {
                            LOG.infof(
                                    "Dossier batch: %d rows read, %d written (%d straight into the table), %d rejected",
                                    rows, batch.stored(), writer.direct(), rejected);
                            progress.report(rows, rejected);
                        });
                counts = writer.finish();
            } catch (IOException | RuntimeException | SQLException e) {
                writer.abort();
                if (writer.opened()) {
                    writer.connection().rollback();
                }
                throw batchBroken(batch.rows(), e);
            }
            Connection c = writer.connection();
            markIngested(c);
            c.commit();
            io.micrometer.core.instrument.Metrics.counter("parindex.dossier.ingested.rows")
                    .increment(batch.stored());
            long distinct = counts[0] + counts[1] + counts[2];
            return new Result(
                    format,
                    batch.rows(),
                    counts[0],
                    counts[1],
                    counts[2],
                    batch.stored() - distinct,
                    batch.rejected(),
                    batch.rejections(),
                    batch.truncated(),
                    (System.nanoTime() - started) / 1_000_000);
        } catch (SQLException | IOException e) {
            throw new IllegalStateException("Dossier batch failed; nothing was stored", e);
        } finally {
            writer.close();
        }
    }

    private static void markIngested(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("INSERT INTO ingestion_state (id, last_ingested) VALUES (1, now())"
                    + " ON CONFLICT (id) DO UPDATE SET last_ingested = EXCLUDED.last_ingested");
        }
    }

    /** Why a streamed batch broke off, as the problem the client gets (nothing of it was stored). */
    static ApiException batchBroken(long rows, Exception e) {
        if (e instanceof ApiException api) {
            return api;
        }
        String why = switch (e) {
            case com.fasterxml.jackson.core.JsonProcessingException json
            when json.getLocation() != null ->
                "not valid JSON at line " + json.getLocation().getLineNr() + ", column "
                        + json.getLocation().getColumnNr();
            case com.fasterxml.jackson.core.JsonProcessingException json -> "not valid JSON";
            case SQLException sql -> "the database refused it";
            case IOException io when io.getMessage() != null -> io.getMessage();
            default -> "the body could not be read";
        };
        return new ApiException(
                CommonError.MALFORMED_BODY,
                "The batch broke off after " + rows + " rows (" + why + "); nothing was stored",
                List.of(vn.parindex.common.api.FieldError.of("body", why)));
    }
}
