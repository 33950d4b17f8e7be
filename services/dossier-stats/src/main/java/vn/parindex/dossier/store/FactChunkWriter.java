package vn.parindex.dossier.store;

import java.io.IOException;
import java.io.InputStream;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Statement;
import java.util.List;
import org.postgresql.PGConnection;
import vn.parindex.dossier.domain.FactKind;

/**
 * Writes the checked rows of one fact batch (payments, digitisation, ratings, feedback) a chunk at a time, inside
 * the batch's transaction, through a {@link ChunkPipeline}: a chunk is written while the next is read and checked,
 * and the connection is opened on the first hand-over (fetch, then store). A chunk of new records (the usual case:
 * none of its keys stored yet, none repeated within it) is COPYed straight into the table, as the dossier batch does
 * — PostgreSQL's multi-row insertion, no stage, no upsert. When a key is already stored or repeats (a unique
 * violation), that COPY is rolled back to its savepoint and the chunk goes through a temporary stage and one upsert
 * on the record's key: the last occurrence wins, a re-sent record updates the stored one, one that changes nothing
 * is left alone.
 */
public final class FactChunkWriter implements AutoCloseable {

    /** Rows per chunk: bounds the memory of a batch (a fact row is ~150 bytes of COPY text; two chunks held). */
    public static final int CHUNK_ROWS = 100_000;

    /** Opens the batch's connection. */
    @FunctionalInterface
    public interface Opener {
        Connection open() throws SQLException;
    }

    /** One chunk: its rows as COPY text. */
    static final class Chunk implements ChunkPipeline.Chunk {
        final CopyBuffer rows = new CopyBuffer(1 << 20);
        int count;

        @Override
        public boolean isEmpty() {
            return count == 0;
        }

        @Override
        public void reset() {
            rows.reset();
            count = 0;
        }
    }

    private final FactKind kind;
    private final Opener opener;
    private final int chunkRows;
    private final ChunkPipeline<Chunk> pipeline;
    /** Inserted, updated, unchanged; written by the writer's thread, read after {@link #finish()}. */
    private final long[] totals = new long[3];

    public FactChunkWriter(FactKind kind, Opener opener) {
        this(kind, opener, CHUNK_ROWS);
    }

    /** With chunks of {@code chunkRows} rows: tests cross a chunk boundary with a few rows. */
    public FactChunkWriter(FactKind kind, Opener opener, int chunkRows) {
        if (chunkRows < 1) {
            throw new IllegalArgumentException("chunkRows must be at least 1");
        }
        this.kind = kind;
        this.opener = opener;
        this.chunkRows = chunkRows;
        this.pipeline = new ChunkPipeline<>(
                "fact-chunk-writer", this::open, Chunk::new, (c, chunk) -> add(totals, flush(c, kind, chunk.rows)));
    }

    /** Adds a row (its values in {@link FactKind#columns()} order, without the sender); whether a chunk was handed over. */
    public boolean add(List<String> values, String actor) throws SQLException, IOException {
        Chunk chunk = pipeline.filling();
        encode(chunk.rows, values, actor);
        if (++chunk.count >= chunkRows) {
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

    /** The batch's connection in its transaction, opened on the first call (the first hand-over, or the end). */
    public Connection connection() throws SQLException {
        return pipeline.connection();
    }

    /** Whether the batch's connection was opened. */
    public boolean opened() {
        return pipeline.opened();
    }

    /** Stops the writer after a failure (the caller rolls the transaction back). */
    public void abort() {
        pipeline.abort();
    }

    /** Returns the batch's connection to the pool, if it was opened (a transaction not committed is rolled back). */
    @Override
    public void close() {
        pipeline.close();
    }

    /** One row in COPY text format: the values, then who sent it. */
    public static void encode(CopyBuffer out, List<String> values, String actor) {
        for (int i = 0, n = values.size(); i < n; i++) {
            out.value(values.get(i));
            out.separator('\t');
        }
        out.value(actor);
        out.separator('\n');
    }

    private Connection open() throws SQLException {
        Connection c = opener.open();
        c.setAutoCommit(false);
        try (Statement s = c.createStatement()) {
            s.execute("CREATE TEMP TABLE fact_stage (seq bigint GENERATED ALWAYS AS IDENTITY, LIKE " + kind.table()
                    + " INCLUDING DEFAULTS) ON COMMIT DROP");
            s.execute("SET LOCAL work_mem = '128MB'");
        }
        return c;
    }

    private static void add(long[] totals, long[] more) {
        for (int i = 0; i < totals.length; i++) {
            totals[i] += more[i];
        }
    }

    /**
     * Writes a chunk: inserted, updated, unchanged. Straight into the table when that raises no unique violation,
     * else (rolled back to the savepoint) through the stage and the upsert.
     */
    private static long[] flush(Connection c, FactKind kind, CopyBuffer rows) throws SQLException, IOException {
        String cols = String.join(", ", kind.columns());
        Savepoint before = c.setSavepoint();
        try {
            long copied = copy(c, "COPY " + kind.table() + " (" + cols + ") FROM STDIN", rows.in());
            c.releaseSavepoint(before);
            return new long[] {copied, 0, 0};
        } catch (SQLException e) {
            if (!"23505".equals(e.getSQLState())) {
                throw e;
            }
            c.rollback(before); // a key is stored already, or repeats in the chunk: the upsert decides
        }
        return upsert(c, kind, rows);
    }

    private static long copy(Connection c, String sql, InputStream rows) throws SQLException, IOException {
        return c.unwrap(PGConnection.class).getCopyAPI().copyIn(sql, rows, 1 << 16);
    }

    /** COPYs the chunk into the stage and upserts it: inserted, updated, unchanged. */
    private static long[] upsert(Connection c, FactKind kind, CopyBuffer rows) throws SQLException, IOException {
        String cols = String.join(", ", kind.columns());
        String key = String.join(", ", kind.keyColumns());
        copy(c, "COPY fact_stage (" + cols + ") FROM STDIN", rows.in());
        StringBuilder set = new StringBuilder();
        StringBuilder old = new StringBuilder();
        StringBuilder neu = new StringBuilder();
        for (String v : kind.valueColumns()) {
            set.append(v).append(" = EXCLUDED.").append(v).append(", ");
            old.append(old.isEmpty() ? "" : ", ").append("d.").append(v);
            neu.append(neu.isEmpty() ? "" : ", ").append("EXCLUDED.").append(v);
        }
        String sql = "WITH src AS (SELECT DISTINCT ON (" + key + ") " + cols + " FROM fact_stage ORDER BY " + key
                + ", seq DESC), up AS (INSERT INTO " + kind.table() + " AS d (" + cols + ") SELECT " + cols
                + " FROM src ON CONFLICT (" + key + ") DO UPDATE SET " + set
                + "recorded_by = EXCLUDED.recorded_by, recorded_at = now() WHERE (" + old + ") IS DISTINCT FROM ("
                + neu + ") RETURNING (xmax = 0) AS inserted)"
                + " SELECT (SELECT count(*) FROM src), count(*) FILTER (WHERE inserted),"
                + " count(*) FILTER (WHERE NOT inserted) FROM up";
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            long distinct = rs.getLong(1);
            long inserted = rs.getLong(2);
            long updated = rs.getLong(3);
            s.execute("TRUNCATE fact_stage");
            return new long[] {inserted, updated, distinct - inserted - updated};
        }
    }
}
