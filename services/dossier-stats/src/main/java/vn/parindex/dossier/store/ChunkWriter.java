package vn.parindex.dossier.store;

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
 * Writes the checked rows of one batch a chunk at a time, inside the batch's transaction, through a {@link
 * ChunkPipeline} (a chunk is written while the next is read). The transaction (and its
 * database connection) is opened only when the first chunk is full or the batch ends: the rows of that chunk are
 * read and checked, with their registry lookups, before it, so a batch of one chunk holds no transaction while the
 * registry is asked; in a longer batch only codes first met after the first chunk are looked up while it is open.
 * A chunk's keys go
 * first into a small temporary table; when none of them is stored yet and none repeats within the chunk (the
 * usual case for new dossiers) the rows are COPYed straight into {@code dossier} — PostgreSQL's multi-row
 * insertion, the fastest path there is — and their keys into {@code dossier_key}. Otherwise, or when a concurrent
 * batch stored one of the keys meanwhile, the rows go through the staging table and the upsert, last occurrence
 * winning.
 *
 * <p>{@code dossier} is partitioned by month of receipt (V7), so its primary key includes the receipt date;
 * {@code dossier_key} (one row per dossier: its receipt date) keeps a dossier unique. Before a chunk is written,
 * the partitions of the months it touches are created if missing ({@link Partitions}, in a transaction of its
 * own). The upsert locks the chunk's keys in order, deletes the rows of dossiers whose receipt date changed from
 * where they were, moves their keys, and inserts or updates the rest: a re-sent dossier updates its row, one
 * that moved month is counted as updated, never duplicated.
 */
public final class ChunkWriter {

    static final String COLUMNS =
            "source_system, dossier_id, procedure_code, unit_code, channel, service_level, status,"
                    + " received_at, received_date, due_at, due_date, finished_at, finished_date, finish_class, excluded, processing_days";

    /** Rows and bytes held before a chunk is written; bounds the memory a batch uses. */
    static final int MAX_ROWS = 200_000;

    static final int MAX_BYTES = 32 << 20;

    /** Opens the batch's connection. */
    @FunctionalInterface
    public interface Opener {
        Connection open() throws SQLException;
    }

    /** Creates the monthly partitions of the given months if missing, outside the batch's transaction. */
    @FunctionalInterface
    public interface Partitions {
        int ensure(java.util.Collection<java.time.YearMonth> months);
    }

    /** One chunk: its rows, their keys and the months they were received in (the partitions they go to). */
    static final class Chunk implements ChunkPipeline.Chunk {
        final CopyBuffer rows = new CopyBuffer(MAX_BYTES + (64 << 10));
        final CopyBuffer keys = new CopyBuffer(8 << 20);
        final java.util.Set<java.time.YearMonth> months = new java.util.HashSet<>();
        int count;

        @Override
        public boolean isEmpty() {
            return count == 0;
        }

        @Override
        public void reset() {
            rows.reset();
            keys.reset();
            months.clear();
            count = 0;
        }
    }

    private final Opener opener;
    private final Partitions partitions;
    /** Writes full chunks while the caller reads and checks the next one; one chunk in flight at a time. */
    private final ChunkPipeline<Chunk> pipeline;

    private final long[] totals = new long[3];
    /** Written by the writer's thread, read for the log by the caller's. */
    private volatile long direct;

    public ChunkWriter(Opener opener, Partitions partitions) {
        this.opener = opener;
        this.partitions = partitions;
        this.pipeline = new ChunkPipeline<>("dossier-chunk-writer", this::open, Chunk::new, this::write);
    }

    /**
     * The batch's connection in its transaction, opened (with the batch's temporary tables) on the first call: when
     * the first chunk is handed over, or by the caller at the end of the batch.
     */
    public Connection connection() throws SQLException {
        return pipeline.connection();
    }

    private Connection open() throws SQLException {
        Connection c = opener.open();
        c.setAutoCommit(false);
        try (Statement s = c.createStatement()) {
            s.execute(
                    "CREATE TEMP TABLE dossier_stage (seq bigint GENERATED ALWAYS AS IDENTITY, LIKE dossier INCLUDING DEFAULTS)"
                            + " ON COMMIT DROP");
            s.execute(
                    "CREATE TEMP TABLE dossier_keys (source_system varchar(64), dossier_id varchar(128), received_date date)"
                            + " ON COMMIT DROP");
            s.execute("CREATE TEMP TABLE dossier_moved (source_system varchar(64), dossier_id varchar(128),"
                    + " old_date date) ON COMMIT DROP");
            // A staged chunk must sort in memory, not spill to disk.
            s.execute("SET LOCAL work_mem = '256MB'");
        }
        return c;
    }

    /** Whether the batch's connection was opened. */
    public boolean opened() {
        return pipeline.opened();
    }

    /** Adds a row; returns whether a chunk was handed to the writer. */
    public boolean add(DossierRow row) throws SQLException, IOException {
        Chunk chunk = pipeline.filling();
        CopyEncoding.appendRow(chunk.rows, row);
        CopyEncoding.appendKey(chunk.keys, row);
        chunk.months.add(java.time.YearMonth.from(row.receivedDate()));
        chunk.count++;
        if (chunk.count >= MAX_ROWS || chunk.rows.size() >= MAX_BYTES) {
            pipeline.handOver();
            return true;
        }
        return false;
    }

    /** Writes what is left and waits for it; inserted, updated, unchanged over the whole batch. */
    public long[] finish() throws SQLException, IOException {
        pipeline.finish();
        return totals.clone();
    }

    /** Returns the batch's connection to the pool, if it was opened (a transaction not committed is rolled back). */
    public void close() {
        pipeline.close();
    }

    /** Stops the writer after a failure (the caller rolls the transaction back). */
    public void abort() {
        pipeline.abort();
    }

    private void write(Connection c, Chunk chunk) throws SQLException, IOException {
        partitions.ensure(chunk.months);
        flush(c, chunk.rows, chunk.keys, chunk.count);
    }

    /** Rows that went straight into the table (for the log). */
    public long direct() {
        return direct;
    }

    private void flush(Connection c, CopyBuffer rows, CopyBuffer keys, int count) throws SQLException, IOException {
        copy(c, "COPY dossier_keys (source_system, dossier_id, received_date) FROM STDIN", keys.in());
        boolean fresh;
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(
                        "SELECT NOT EXISTS (SELECT 1 FROM dossier_keys k JOIN dossier_key d"
                                + " ON d.source_system = k.source_system AND d.dossier_id = k.dossier_id)"
                                + " AND (SELECT count(*) FROM dossier_keys)"
                                + " = (SELECT count(*) FROM (SELECT DISTINCT source_system, dossier_id FROM dossier_keys) x)")) {
            rs.next();
            fresh = rs.getBoolean(1);
        }
        if (fresh) {
            Savepoint before = c.setSavepoint();
            try {
                copy(c, "COPY dossier (" + COLUMNS + ") FROM STDIN", rows.in());
                try (Statement s = c.createStatement()) {
                    s.execute("INSERT INTO dossier_key (source_system, dossier_id, received_date)"
                            + " SELECT source_system, dossier_id, received_date FROM dossier_keys");
                }
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
            copy(c, "COPY dossier_stage (" + COLUMNS + ") FROM STDIN", rows.in());
            long[] merged = merge(c);
            for (int i = 0; i < totals.length; i++) {
                totals[i] += merged[i];
            }
        }
        try (Statement s = c.createStatement()) {
            s.execute("TRUNCATE dossier_keys");
        }
    }

    private static void copy(Connection c, String sql, InputStream data) throws SQLException, IOException {
        c.unwrap(PGConnection.class).getCopyAPI().copyIn(sql, data, 1 << 16);
    }

    /** Upserts the staged rows (last occurrence of a key wins) and empties the stage: inserted, updated, unchanged. */
    private static long[] merge(Connection c) throws SQLException {
        String updates =
                "procedure_code = EXCLUDED.procedure_code, unit_code = EXCLUDED.unit_code, channel = EXCLUDED.channel,"
                        + " service_level = EXCLUDED.service_level, status = EXCLUDED.status, received_at = EXCLUDED.received_at,"
                        + " received_date = EXCLUDED.received_date, due_at = EXCLUDED.due_at, due_date = EXCLUDED.due_date,"
                        + " finished_at = EXCLUDED.finished_at, finished_date = EXCLUDED.finished_date,"
                        + " finish_class = EXCLUDED.finish_class, excluded = EXCLUDED.excluded,"
                        + " processing_days = EXCLUDED.processing_days, ingested_at = now()";
        String changed =
                "(d.procedure_code, d.unit_code, d.channel, d.service_level, d.status, d.received_at, d.due_at, d.due_date,"
                        + " d.finished_at) IS DISTINCT FROM (EXCLUDED.procedure_code, EXCLUDED.unit_code, EXCLUDED.channel,"
                        + " EXCLUDED.service_level, EXCLUDED.status,"
                        + " EXCLUDED.received_at, EXCLUDED.due_at, EXCLUDED.due_date, EXCLUDED.finished_at)";
        try (Statement s = c.createStatement()) {
            s.execute("CREATE TEMP TABLE dossier_src ON COMMIT DROP AS SELECT DISTINCT ON (source_system, dossier_id) "
                    + COLUMNS + " FROM dossier_stage ORDER BY source_system, dossier_id, seq DESC");
            // Every key of the chunk exists (ours, or a concurrent batch's once it commits), then is locked in
            // order: two batches sending the same dossier take turns from here on.
            // The keys it adds are the new dossiers (PostgreSQL cannot return xmax from a partitioned table).
            long added = s.executeUpdate("INSERT INTO dossier_key (source_system, dossier_id, received_date)"
                    + " SELECT source_system, dossier_id, received_date FROM dossier_src ORDER BY 1, 2"
                    + " ON CONFLICT DO NOTHING");
            long moved = s.executeUpdate("WITH locked AS (SELECT k.source_system, k.dossier_id,"
                    + " k.received_date AS old_date, x.received_date AS new_date FROM dossier_key k JOIN dossier_src x"
                    + " ON x.source_system = k.source_system AND x.dossier_id = k.dossier_id"
                    + " ORDER BY 1, 2 FOR UPDATE OF k)"
                    + " INSERT INTO dossier_moved SELECT source_system, dossier_id, old_date FROM locked"
                    + " WHERE old_date <> new_date");
            if (moved > 0) {
                // Out of the old month's partition (found by key and old date), then the key points at the new one.
                s.execute("DELETE FROM dossier d USING dossier_moved m WHERE d.source_system = m.source_system"
                        + " AND d.dossier_id = m.dossier_id AND d.received_date = m.old_date");
                s.execute("UPDATE dossier_key k SET received_date = x.received_date FROM dossier_moved m"
                        + " JOIN dossier_src x ON x.source_system = m.source_system AND x.dossier_id = m.dossier_id"
                        + " WHERE k.source_system = m.source_system AND k.dossier_id = m.dossier_id");
            }
            String sql = "WITH up AS (INSERT INTO dossier AS d (" + COLUMNS + ") SELECT " + COLUMNS
                    + " FROM dossier_src"
                    + " ON CONFLICT (source_system, dossier_id, received_date) DO UPDATE SET " + updates + " WHERE "
                    + changed + " RETURNING 1)"
                    + " SELECT (SELECT count(*) FROM dossier_src), count(*) FROM up";
            long distinct;
            long inserted;
            long updated;
            try (ResultSet rs = s.executeQuery(sql)) {
                rs.next();
                distinct = rs.getLong(1);
                // Written = new + updated (a dossier that moved month, inserted in its new partition, too).
                inserted = added;
                updated = rs.getLong(2) - added;
            }
            s.execute("TRUNCATE dossier_stage");
            s.execute("TRUNCATE dossier_moved");
            s.execute("DROP TABLE dossier_src");
            return new long[] {inserted, updated, distinct - inserted - updated};
        }
    }
}
