package vn.parindex.dossier.ingest;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.UUID;
import org.jboss.logging.Logger;
import vn.parindex.common.api.ApiException;

/**
 * Batches ingested in the background: the body is spooled to a temporary file (streamed, bounded memory), a job
 * row records state and progress (rows read, rejected) while the batch runs, and the result when it ends.
 */
@ApplicationScoped
public class IngestionJobs {

    /** What a client polls. */
    public record Job(
            UUID id,
            String status,
            String format,
            long bytes,
            long rowsRead,
            long rejected,
            IngestionService.Result result,
            String error,
            OffsetDateTime createdAt,
            OffsetDateTime updatedAt,
            OffsetDateTime finishedAt) {}

    private static final Logger LOG = Logger.getLogger(IngestionJobs.class);

    private final AgroalDataSource dataSource;
    private final IngestionService ingestion;
    private final ObjectMapper json;

    public IngestionJobs(AgroalDataSource dataSource, IngestionService ingestion, ObjectMapper json) {
        this.dataSource = dataSource;
        this.ingestion = ingestion;
        this.json = json;
    }

    public Job submit(RecordReader.Format format, InputStream body) {
        UUID id = UUID.randomUUID();
        Path file;
        long bytes;
        try {
            file = Files.createTempFile("parindex-batch-" + id, ".part");
            bytes = Files.copy(body, file, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot spool the batch", e);
        }
        update(
                "INSERT INTO ingestion_job (id, status, format, bytes) VALUES (?, 'QUEUED', ?, ?)",
                id,
                format.name(),
                bytes);
        Thread.ofVirtual().name("batch-" + id).start(() -> run(id, format, file));
        return find(id).orElseThrow();
    }

    public Optional<Job> find(UUID id) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s =
                        c.prepareStatement("SELECT id, status, format, bytes, rows_read, rejected, result, error,"
                                + " created_at, updated_at, finished_at FROM ingestion_job WHERE id = ?")) {
            s.setObject(1, id);
            try (ResultSet rs = s.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                String result = rs.getString(7);
                return Optional.of(new Job(
                        rs.getObject(1, UUID.class),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getLong(4),
                        rs.getLong(5),
                        rs.getLong(6),
                        result == null ? null : json.readValue(result, IngestionService.Result.class),
                        rs.getString(8),
                        rs.getObject(9, OffsetDateTime.class),
                        rs.getObject(10, OffsetDateTime.class),
                        rs.getObject(11, OffsetDateTime.class)));
            }
        } catch (SQLException | IOException e) {
            throw new IllegalStateException("Cannot read ingestion job " + id, e);
        }
    }

    private void run(UUID id, RecordReader.Format format, Path file) {
        update("UPDATE ingestion_job SET status = 'RUNNING', updated_at = now() WHERE id = ?", id);
        try (InputStream in = Files.newInputStream(file)) {
            IngestionService.Result result = ingestion.ingest(
                    format,
                    in,
                    (rows, rejected) -> update(
                            "UPDATE ingestion_job SET rows_read = ?, rejected = ?, updated_at = now() WHERE id = ?",
                            rows,
                            rejected,
                            id));
            update(
                    "UPDATE ingestion_job SET status = 'DONE', rows_read = ?, rejected = ?, result = ?, updated_at = now(),"
                            + " finished_at = now() WHERE id = ?",
                    result.rows(),
                    result.rejected(),
                    json.writeValueAsString(result),
                    id);
        } catch (ApiException e) {
            fail(id, e.errorCode().code() + ": " + e.getMessage());
        } catch (Exception e) {
            LOG.errorf(e, "Batch %s failed", id);
            fail(id, "INTERNAL_ERROR: the batch failed and nothing was stored");
        } finally {
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                LOG.warnf("Could not delete %s", file);
            }
        }
    }

    private void fail(UUID id, String error) {
        update(
                "UPDATE ingestion_job SET status = 'FAILED', error = ?, updated_at = now(), finished_at = now() WHERE id = ?",
                error,
                id);
    }

    private void update(String sql, Object... params) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                s.setObject(i + 1, params[i]);
            }
            s.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot record ingestion job state", e);
        }
    }
}
