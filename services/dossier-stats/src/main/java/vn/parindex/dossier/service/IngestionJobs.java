package vn.parindex.dossier.service;

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
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.jboss.logging.Logger;
import vn.parindex.common.api.ApiException;
import vn.parindex.common.api.StrictJson;
import vn.parindex.dossier.domain.RecordReader;

/**
 * Batches ingested in the background: the body is spooled to a temporary file (streamed, bounded memory), a job
 * row records state and progress (rows read, rejected) while the batch runs, and the result when it ends.
 *
 * <p>While a batch runs, its runner holds a PostgreSQL session lock of its own (taken before the job row is
 * written). A process that dies (killed, out of memory) loses its sessions and so its locks: a job still QUEUED or
 * RUNNING whose lock is free has no runner any more, and is marked FAILED when jobs are read — by any replica.
 */
@ApplicationScoped
public class IngestionJobs {

    /** What a client polls, and the record of who pushed which batch. */
    public record Job(
            UUID id,
            String status,
            String format,
            long bytes,

            @Schema(description = "Who sent the batch (the token's principal)")
            String submittedBy,

            @Schema(description = "false for a batch answered in its own request (async=false)")
            boolean async,

            long rowsRead,
            long rejected,

            @Schema(nullable = true, description = "Set when DONE")
            IngestionService.Result result,

            @Schema(nullable = true, description = "Set when FAILED")
            String error,

            OffsetDateTime createdAt,
            OffsetDateTime updatedAt,
            @Schema(nullable = true) OffsetDateTime finishedAt) {}

    private static final Logger LOG = Logger.getLogger(IngestionJobs.class);

    /** First key of the runners' advisory locks (the second is the hash of the job id). */
    static final int RUNNER_LOCK = 5_413_001;

    static final String INTERRUPTED =
            "INTERRUPTED: the service stopped while it ran this batch; nothing of it was stored, send it again";

    private static final String COLUMNS = "id, status, format, bytes, submitted_by, async, rows_read, rejected, result,"
            + " error, created_at, updated_at, finished_at";

    private final AgroalDataSource dataSource;
    private final IngestionService ingestion;
    private final ObjectMapper json;

    public IngestionJobs(AgroalDataSource dataSource, IngestionService ingestion, ObjectMapper json) {
        this.dataSource = dataSource;
        this.ingestion = ingestion;
        this.json = json;
    }

    /** Spools the body and ingests it in the background; the returned job is QUEUED. */
    public Job submit(RecordReader.Format format, InputStream body, String actor) {
        UUID id = UUID.randomUUID();
        Path file;
        long bytes;
        try {
            file = Files.createTempFile("parindex-batch-" + id, ".part");
            bytes = Files.copy(body, file, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot spool the batch", e);
        }
        Connection runner = holdRunnerLock(id);
        try {
            update(
                    "INSERT INTO ingestion_job (id, status, format, bytes, submitted_by, async) VALUES (?, 'QUEUED', ?, ?,"
                            + " ?, true)",
                    id,
                    format.name(),
                    bytes,
                    actor);
        } catch (RuntimeException e) {
            releaseRunnerLock(runner, id);
            throw e;
        }
        Thread.ofVirtual().name("batch-" + id).start(() -> {
            try {
                runSpooled(id, format, file);
            } finally {
                releaseRunnerLock(runner, id);
            }
        });
        return find(id).orElseThrow();
    }

    /**
     * Ingests the body in this request and records the batch as a job (who, counts, outcome) like an asynchronous
     * one; a failure is recorded and then answered as usual.
     */
    public Ran runNow(RecordReader.Format format, InputStream body, String actor) {
        UUID id = UUID.randomUUID();
        Connection runner = holdRunnerLock(id);
        try {
            update(
                    "INSERT INTO ingestion_job (id, status, format, bytes, submitted_by, async) VALUES (?, 'RUNNING', ?,"
                            + " 0, ?, false)",
                    id,
                    format.name(),
                    actor);
            return run(id, format, body);
        } finally {
            releaseRunnerLock(runner, id);
        }
    }

    private Ran run(UUID id, RecordReader.Format format, InputStream body) {
        CountingInput counted = new CountingInput(body);
        try {
            IngestionService.Result result = execute(id, format, counted);
            update("UPDATE ingestion_job SET bytes = ? WHERE id = ?", counted.count(), id);
            return new Ran(id, result);
        } catch (ApiException e) {
            fail(id, e.errorCode().code() + ": " + e.getMessage());
            throw e;
        } catch (RuntimeException e) {
            fail(id, "INTERNAL_ERROR: the batch failed; nothing of it was stored");
            throw e;
        }
    }

    /** A batch ingested in its request, with the id of its job record. */
    public record Ran(UUID jobId, IngestionService.Result result) {}

    public Optional<Job> find(UUID id) {
        failOrphans();
        List<Job> found = query("SELECT " + COLUMNS + " FROM ingestion_job WHERE id = ?", id);
        return found.stream().findFirst();
    }

    /** The latest batches, newest first, optionally of one submitter. */
    public List<Job> latest(String submittedBy, int limit) {
        failOrphans();
        return submittedBy == null
                ? query("SELECT " + COLUMNS + " FROM ingestion_job ORDER BY created_at DESC, id LIMIT ?", limit)
                : query(
                        "SELECT " + COLUMNS
                                + " FROM ingestion_job WHERE submitted_by = ? ORDER BY created_at DESC, id LIMIT ?",
                        submittedBy,
                        limit);
    }

    /** Marks FAILED the jobs whose runner is gone: QUEUED or RUNNING, and nobody holds their lock. */
    private void failOrphans() {
        update(
                "UPDATE ingestion_job SET status = 'FAILED', error = ?, updated_at = now(), finished_at = now()"
                        + " WHERE status IN ('QUEUED', 'RUNNING') AND pg_try_advisory_xact_lock(?, hashtext(id::text))",
                INTERRUPTED,
                RUNNER_LOCK);
    }

    /** A connection holding the lock that says the job has a runner; give it back with releaseRunnerLock. */
    private Connection holdRunnerLock(UUID id) {
        Connection c = null;
        try {
            c = dataSource.getConnection();
            try (PreparedStatement s = c.prepareStatement("SELECT pg_advisory_lock(?, hashtext(?))")) {
                s.setInt(1, RUNNER_LOCK);
                s.setString(2, id.toString());
                s.execute();
            }
            return c;
        } catch (SQLException e) {
            if (c != null) {
                try {
                    c.close();
                } catch (SQLException ignored) {
                    // the failure below is the one to report
                }
            }
            throw new IllegalStateException("Cannot record ingestion job state", e);
        }
    }

    private static void releaseRunnerLock(Connection c, UUID id) {
        try (c;
                PreparedStatement s = c.prepareStatement("SELECT pg_advisory_unlock(?, hashtext(?))")) {
            s.setInt(1, RUNNER_LOCK);
            s.setString(2, id.toString());
            s.execute();
        } catch (SQLException e) {
            // A broken connection has lost its session, and the lock with it.
            LOG.warnf("Could not release the runner lock of batch %s: %s", id, e.getSQLState());
        }
    }

    private List<Job> query(String sql, Object... params) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                s.setObject(i + 1, params[i]);
            }
            List<Job> jobs = new ArrayList<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    jobs.add(job(rs));
                }
            }
            return jobs;
        } catch (SQLException | IOException e) {
            throw new IllegalStateException("Cannot read ingestion jobs", e);
        }
    }

    private Job job(ResultSet rs) throws SQLException, IOException {
        String result = rs.getString("result");
        return new Job(
                rs.getObject("id", UUID.class),
                rs.getString("status"),
                rs.getString("format"),
                rs.getLong("bytes"),
                rs.getString("submitted_by"),
                rs.getBoolean("async"),
                rs.getLong("rows_read"),
                rs.getLong("rejected"),
                result == null
                        ? null
                        : StrictJson.stored(json)
                                .forType(IngestionService.Result.class)
                                .readValue(result),
                rs.getString("error"),
                rs.getObject("created_at", OffsetDateTime.class),
                rs.getObject("updated_at", OffsetDateTime.class),
                rs.getObject("finished_at", OffsetDateTime.class));
    }

    private void runSpooled(UUID id, RecordReader.Format format, Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            execute(id, format, in);
        } catch (ApiException e) {
            fail(id, e.errorCode().code() + ": " + e.getMessage());
        } catch (Exception e) {
            LOG.errorf(e, "Batch %s failed", id);
            fail(id, "INTERNAL_ERROR: the batch failed; nothing of it was stored");
        } finally {
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                LOG.warnf("Could not delete %s", file);
            }
        }
    }

    private IngestionService.Result execute(UUID id, RecordReader.Format format, InputStream in) {
        update("UPDATE ingestion_job SET status = 'RUNNING', updated_at = now() WHERE id = ?", id);
        IngestionService.Result result = ingestion.ingest(
                format,
                in,
                (rows, rejected) -> update(
                        "UPDATE ingestion_job SET rows_read = ?, rejected = ?, updated_at = now() WHERE id = ?",
                        rows,
                        rejected,
                        id));
        try {
            update(
                    "UPDATE ingestion_job SET status = 'DONE', rows_read = ?, rejected = ?, result = ?,"
                            + " updated_at = now(), finished_at = now() WHERE id = ?",
                    result.rows(),
                    result.rejected(),
                    json.writeValueAsString(result),
                    id);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot record the batch result", e);
        }
        return result;
    }

    private void fail(UUID id, String error) {
        update(
                "UPDATE ingestion_job SET status = 'FAILED', error = ?, updated_at = now(), finished_at = now() WHERE id = ?",
                error,
                id);
    }

    /** Counts the bytes of a body read in its request. */
    private static final class CountingInput extends java.io.FilterInputStream {
        private long count;

        CountingInput(InputStream in) {
            super(in);
        }

        long count() {
            return count;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count++;
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) {
                count += n;
            }
            return n;
        }
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
