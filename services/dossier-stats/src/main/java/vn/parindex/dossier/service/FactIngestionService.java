package vn.parindex.dossier.service;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.postgresql.PGConnection;
import vn.parindex.dossier.client.UnitDirectory;
import vn.parindex.dossier.domain.FactKind;
import vn.parindex.dossier.domain.RecordReader;
import vn.parindex.dossier.domain.Rejection;
import vn.parindex.dossier.store.CopyEncoding;

/**
 * Ingests a batch of citizen-side facts (payments, digitisation, ratings, feedback) in one transaction, streamed:
 * rows are read and checked one at a time ({@link FactValidator}) and written a chunk at a time: COPYed straight
 * into the table when the chunk's records are all new, otherwise COPYed into a temporary stage and upserted with one
 * statement per chunk on the record's key (the last occurrence in the batch wins, a re-sent
 * record updates the stored one, one that changes nothing is left alone). Bad rows are rejected with their line and
 * reason while good ones are stored; a batch that breaks off stores nothing. The connection is opened only once the
 * first chunk was read and checked, with its registry lookups (fetch, then store). Every row records its sender.
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

    static final int MAX_LISTED = 1_000;

    /** Rows per chunk: bounds the memory of a batch (a fact row is ~150 bytes of COPY text). */
    static final int CHUNK_ROWS = 100_000;

    private final AgroalDataSource dataSource;
    private final UnitDirectory units;

    public FactIngestionService(AgroalDataSource dataSource, UnitDirectory units) {
        this.dataSource = dataSource;
        this.units = units;
    }

    public Result ingest(FactKind kind, RecordReader.Format format, InputStream body, String actor) {
        long started = System.nanoTime();
        FactValidator validator = new FactValidator(kind, units::isUnitOn);
        List<Rejection> rejections = new ArrayList<>();
        long rows = 0;
        long rejected = 0;
        long staged = 0;
        long[] totals = new long[3];
        ByteArrayOutputStream chunk = new ByteArrayOutputStream(1 << 20);
        int inChunk = 0;
        Connection c = null;
        try (RecordReader reader = RecordReader.open(format, body)) {
            try {
                RecordReader.Raw raw;
                while ((raw = reader.next()) != null) {
                    rows++;
                    FactValidator.Outcome outcome = raw.unreadable() != null
                            ? new FactValidator.Outcome(null, raw.unreadable())
                            : validator.check(raw.line(), raw.fields());
                    if (outcome.rejection() != null) {
                        rejected++;
                        if (rejections.size() < MAX_LISTED) {
                            rejections.add(outcome.rejection());
                        }
                        continue;
                    }
                    staged++;
                    encode(chunk, outcome.values(), actor);
                    if (++inChunk >= CHUNK_ROWS) {
                        c = c == null ? open(kind) : c;
                        add(totals, flush(c, kind, chunk));
                        inChunk = 0;
                    }
                }
                c = c == null ? open(kind) : c;
                if (inChunk > 0) {
                    add(totals, flush(c, kind, chunk));
                }
                try (Statement s = c.createStatement()) {
                    s.execute("INSERT INTO ingestion_state (id, last_ingested) VALUES (1, now())"
                            + " ON CONFLICT (id) DO UPDATE SET last_ingested = EXCLUDED.last_ingested");
                }
                c.commit();
            } catch (IOException | RuntimeException | SQLException e) {
                if (c != null) {
                    c.rollback();
                }
                throw IngestionService.batchBroken(rows, e);
            }
        } catch (SQLException | IOException e) {
            throw new IllegalStateException("Fact batch failed; nothing was stored", e);
        } finally {
            if (c != null) {
                try {
                    c.close();
                } catch (SQLException ignored) {
                    // the pool drops it
                }
            }
        }
        long distinct = totals[0] + totals[1] + totals[2];
        return new Result(
                kind.name().toLowerCase(java.util.Locale.ROOT),
                format,
                rows,
                totals[0],
                totals[1],
                totals[2],
                staged - distinct,
                rejected,
                rejections,
                rejected > rejections.size(),
                (System.nanoTime() - started) / 1_000_000);
    }

    private static void add(long[] totals, long[] more) {
        for (int i = 0; i < totals.length; i++) {
            totals[i] += more[i];
        }
    }

    private Connection open(FactKind kind) throws SQLException {
        Connection c = dataSource.getConnection();
        c.setAutoCommit(false);
        try (Statement s = c.createStatement()) {
            s.execute("CREATE TEMP TABLE fact_stage (seq bigint GENERATED ALWAYS AS IDENTITY, LIKE " + kind.table()
                    + " INCLUDING DEFAULTS) ON COMMIT DROP");
            s.execute("SET LOCAL work_mem = '128MB'");
        }
        return c;
    }

    /**
     * Writes a chunk: inserted, updated, unchanged. New records (the usual case: none of the chunk's keys stored yet,
     * none repeated within it) are COPYed straight into the table, as the dossier batch does — PostgreSQL's
     * multi-row insertion, no stage, no upsert. When a key is already stored or repeats (a unique violation), that
     * COPY is rolled back to its savepoint and the chunk goes through the stage and the upsert, last occurrence
     * winning.
     */
    private static long[] flush(Connection c, FactKind kind, ByteArrayOutputStream chunk)
            throws SQLException, IOException {
        String cols = String.join(", ", kind.columns());
        byte[] rows = chunk.toByteArray();
        chunk.reset();
        Savepoint before = c.setSavepoint();
        try {
            long copied = copy(c, "COPY " + kind.table() + " (" + cols + ") FROM STDIN", rows);
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

    private static long copy(Connection c, String sql, byte[] rows) throws SQLException, IOException {
        return c.unwrap(PGConnection.class).getCopyAPI().copyIn(sql, new ByteArrayInputStream(rows), 1 << 16);
    }

    /** COPYs the chunk into the stage and upserts it: inserted, updated, unchanged. */
    private static long[] upsert(Connection c, FactKind kind, byte[] rows) throws SQLException, IOException {
        String cols = String.join(", ", kind.columns());
        String key = String.join(", ", kind.keyColumns());
        copy(c, "COPY fact_stage (" + cols + ") FROM STDIN", rows);
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

    /** One row in COPY text format: the values, then who sent it. */
    static void encode(ByteArrayOutputStream out, List<String> values, String actor) {
        StringBuilder sb = new StringBuilder(200);
        for (String v : values) {
            CopyEncoding.value(sb, v);
            sb.append('\t');
        }
        CopyEncoding.value(sb, actor);
        sb.append('\n');
        byte[] bytes = sb.toString().getBytes(StandardCharsets.UTF_8);
        out.write(bytes, 0, bytes.length);
    }
}
