package vn.parindex.dossier.store;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Statement;
import org.postgresql.PGConnection;
import vn.parindex.dossier.domain.DossierRow;

/**
 * Writes the checked rows of one batch a chunk at a time, inside the batch's transaction. The transaction (and its
 * database connection) is opened only when the first chunk is full or the batch ends: the rows of that chunk are
 * read and checked, with their registry lookups, before it, so a batch of one chunk holds no transaction while the
 * registry is asked; in a longer batch only codes first met after the first chunk are looked up while it is open.
 * A chunk's keys go
 * first into a small temporary table; when none of them is stored yet and none repeats within the chunk (the
 * usual case for new dossiers) the rows are COPYed straight into {@code dossier} — PostgreSQL's multi-row
 * insertion, the fastest path there is. Otherwise, or when a concurrent batch stored one of the keys meanwhile,
 * the rows go through the staging table and the upsert, last occurrence winning.
 */
public final class ChunkWriter {

    static final String COLUMNS =
            "source_system, dossier_id, procedure_code, unit_code, channel, service_level, status,"
                    + " received_at, received_date, due_at, due_date, finished_at, finished_date, finish_class, excluded, processing_days";

    /** Rows and bytes held before a chunk is written; bounds the memory a batch uses. */
    static final int MAX_ROWS = 200_000;

    static final int MAX_BYTES = 32 << 20;

    /** A byte buffer that can be read back without copying. */
    private static final class Buffer extends ByteArrayOutputStream {
        Buffer(int size) {
            super(size);
        }

        InputStream in() {
            return new ByteArrayInputStream(buf, 0, count);
        }
    }

    /** Opens the batch's connection. */
    @FunctionalInterface
    public interface Opener {
        Connection open() throws SQLException;
    }

    private final Opener opener;
    private Connection c;
    private Buffer rows = new Buffer(MAX_BYTES + (64 << 10));
    private Buffer keys = new Buffer(8 << 20);
    private Buffer spareRows = new Buffer(MAX_BYTES + (64 << 10));
    private Buffer spareKeys = new Buffer(8 << 20);
    private int count;
    private final long[] totals = new long[3];
    private long direct;
    /** Writes full chunks while the caller reads and checks the next one; one chunk in flight at a time. */
    private final java.util.concurrent.ExecutorService writer =
            java.util.concurrent.Executors.newSingleThreadExecutor(r -> {
                Thread t = new Thread(r, "dossier-chunk-writer");
                t.setDaemon(true);
                return t;
            });

    private java.util.concurrent.Future<?> inFlight;

    public ChunkWriter(Opener opener) {
        this.opener = opener;
    }

    /**
     * The batch's connection in its transaction, opened (with the batch's temporary tables) on the first call: when
     * the first chunk is handed over, or by the caller at the end of the batch.
     */
    public Connection connection() throws SQLException {
        if (c != null) {
            return c;
        }
        c = opener.open();
        c.setAutoCommit(false);
        try (Statement s = c.createStatement()) {
            s.execute(
                    "CREATE TEMP TABLE dossier_stage (seq bigint GENERATED ALWAYS AS IDENTITY, LIKE dossier INCLUDING DEFAULTS)"
                            + " ON COMMIT DROP");
            s.execute(
                    "CREATE TEMP TABLE dossier_keys (source_system varchar(64), dossier_id varchar(128)) ON COMMIT DROP");
            // A staged chunk must sort in memory, not spill to disk.
            s.execute("SET LOCAL work_mem = '256MB'");
        }
        return c;
    }

    /** Whether the batch's connection was opened. */
    public boolean opened() {
        return c != null;
    }

    /** Adds a row; returns whether a chunk was handed to the writer. */
    public boolean add(DossierRow row) throws SQLException, IOException {
        CopyEncoding.appendRow(rows, row);
        CopyEncoding.appendKey(keys, row);
        count++;
        if (count >= MAX_ROWS || rows.size() >= MAX_BYTES) {
            handOver();
            return true;
        }
        return false;
    }

    /** Writes what is left and waits for it; inserted, updated, unchanged over the whole batch. */
    public long[] finish() throws SQLException, IOException {
        try {
            handOver();
            awaitInFlight();
        } finally {
            writer.shutdownNow();
        }
        return totals.clone();
    }

    /** Returns the batch's connection to the pool, if it was opened (a transaction not committed is rolled back). */
    public void close() {
        writer.shutdownNow();
        if (c != null) {
            try {
                c.close();
            } catch (SQLException ignored) {
                // the connection is gone already; the pool drops it
            }
            c = null;
        }
    }

    /** Stops the writer after a failure (the caller rolls the transaction back). */
    public void abort() {
        writer.shutdownNow();
        if (inFlight != null) {
            try {
                inFlight.get();
            } catch (Exception ignored) {
                // the failure that matters is the caller's
            }
        }
    }

    private void handOver() throws SQLException, IOException {
        awaitInFlight();
        if (count == 0) {
            return;
        }
        connection();
        Buffer fullRows = rows;
        Buffer fullKeys = keys;
        int fullCount = count;
        rows = spareRows;
        keys = spareKeys;
        spareRows = fullRows;
        spareKeys = fullKeys;
        count = 0;
        inFlight = writer.submit(() -> {
            flush(fullRows, fullKeys, fullCount);
            return null;
        });
    }

    private void awaitInFlight() throws SQLException, IOException {
        if (inFlight == null) {
            return;
        }
        try {
            inFlight.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while writing a chunk", e);
        } catch (java.util.concurrent.ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof SQLException sql) {
                throw sql;
            }
            if (cause instanceof IOException io) {
                throw io;
            }
            if (cause instanceof RuntimeException re) {
                throw re;
            }
            throw new IOException(cause);
        } finally {
            inFlight = null;
        }
    }

    /** Rows that went straight into the table (for the log). */
    public long direct() {
        return direct;
    }

    private void flush(Buffer rows, Buffer keys, int count) throws SQLException, IOException {
        copy("COPY dossier_keys (source_system, dossier_id) FROM STDIN", keys.in());
        boolean fresh;
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(
                        "SELECT NOT EXISTS (SELECT 1 FROM dossier_keys k JOIN dossier d"
                                + " ON d.source_system = k.source_system AND d.dossier_id = k.dossier_id)"
                                + " AND (SELECT count(*) FROM dossier_keys)"
                                + " = (SELECT count(*) FROM (SELECT DISTINCT source_system, dossier_id FROM dossier_keys) x)")) {
            rs.next();
            fresh = rs.getBoolean(1);
        }
        if (fresh) {
            Savepoint before = c.setSavepoint();
            try {
                copy("COPY dossier (" + COLUMNS + ") FROM STDIN", rows.in());
                c.releaseSavepoint(before);
                totals[0] += count;
                direct += count;
            } catch (SQLException e) {
                if (!"23505".equals(e.getSQLState())) {
                    throw e;
                }
                c.rollback(before); // a concurrent batch stored one of these keys: take the upsert path
                fresh = false;
            }
        }
        if (!fresh) {
            copy("COPY dossier_stage (" + COLUMNS + ") FROM STDIN", rows.in());
            long[] merged = merge();
            for (int i = 0; i < totals.length; i++) {
                totals[i] += merged[i];
            }
        }
        try (Statement s = c.createStatement()) {
            s.execute("TRUNCATE dossier_keys");
        }
        rows.reset();
        keys.reset();
    }

    private void copy(String sql, InputStream data) throws SQLException, IOException {
        c.unwrap(PGConnection.class).getCopyAPI().copyIn(sql, data, 1 << 16);
    }

    /** Upserts the staged rows (last occurrence of a key wins) and empties the stage: inserted, updated, unchanged. */
    private long[] merge() throws SQLException {
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
}
