package vn.parindex.dossier.service;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.InputStream;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import vn.parindex.dossier.client.UnitDirectory;
import vn.parindex.dossier.domain.FactKind;
import vn.parindex.dossier.domain.RecordReader;
import vn.parindex.dossier.domain.Rejection;
import vn.parindex.dossier.store.FactChunkWriter;

/**
 * Ingests a batch of citizen-side facts (payments, digitisation, ratings, feedback) in one transaction, streamed:
 * rows are read and checked one at a time ({@link FactValidator}, in the loop the dossier batch shares, {@link
 * BatchRows}) and written a chunk at a time by {@link FactChunkWriter} on a thread of its own while the next chunk
 * is read and checked: COPYed straight into the table when the chunk's records are all new, otherwise COPYed into a
 * temporary stage and upserted with one statement per chunk on the record's key (the last occurrence in the batch
 * wins, a re-sent record updates the stored one, one that changes nothing is left alone). Bad rows are rejected with
 * their line and reason while good ones are stored; a batch that breaks off stores nothing. The connection is opened
 * only once the first chunk was read and checked, with its registry lookups (fetch, then store). Every row records
 * its sender.
 */
@ApplicationScoped
public class FactIngestionService {

    /** What a batch did. Rejections beyond {@link #MAX_LISTED} are counted, not listed. */
    public record Result(
            String kind,
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

    private final AgroalDataSource dataSource;
    private final UnitDirectory units;

    public FactIngestionService(AgroalDataSource dataSource, UnitDirectory units) {
        this.dataSource = dataSource;
        this.units = units;
    }

    public Result ingest(FactKind kind, RecordReader.Format format, InputStream body, String actor) {
        return ingest(kind, format, body, actor, FactChunkWriter.CHUNK_ROWS);
    }

    /** With chunks of {@code chunkRows} rows: tests cross chunk boundaries with a few rows. */
    Result ingest(FactKind kind, RecordReader.Format format, InputStream body, String actor, int chunkRows) {
        long started = System.nanoTime();
        FactValidator validator = new FactValidator(kind, units.forBatch());
        BatchRows batch = new BatchRows();
        try (RecordReader reader = RecordReader.open(format, body);
                FactChunkWriter writer = new FactChunkWriter(kind, dataSource::getConnection, chunkRows)) {
            long[] totals;
            try {
                batch.read(
                        reader,
                        validator::check,
                        FactValidator.Outcome::rejection,
                        outcome -> writer.add(outcome.values(), actor),
                        (rows, rejected) -> {});
                totals = writer.finish();
                Connection c = writer.connection();
                try (Statement s = c.createStatement()) {
                    s.execute("INSERT INTO ingestion_state (id, last_ingested) VALUES (1, now())"
                            + " ON CONFLICT (id) DO UPDATE SET last_ingested = EXCLUDED.last_ingested");
                }
                c.commit();
            } catch (IOException | RuntimeException | SQLException e) {
                writer.abort();
                if (writer.opened()) {
                    writer.connection().rollback();
                }
                throw IngestionService.batchBroken(batch.rows(), e);
            }
            long distinct = totals[0] + totals[1] + totals[2];
            return new Result(
                    kind.name().toLowerCase(java.util.Locale.ROOT),
                    format,
                    batch.rows(),
                    totals[0],
                    totals[1],
                    totals[2],
                    batch.stored() - distinct,
                    batch.rejected(),
                    batch.rejections(),
                    batch.truncated(),
                    (System.nanoTime() - started) / 1_000_000);
        } catch (SQLException | IOException e) {
            throw new IllegalStateException("Fact batch failed; nothing was stored", e);
        }
    }
}
