package vn.parindex.dossier.service;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.function.BiPredicate;
import vn.parindex.dossier.client.DirectoryForTiming;
import vn.parindex.dossier.domain.FactKind;
import vn.parindex.dossier.domain.RecordReader;
import vn.parindex.dossier.store.CopyBuffer;
import vn.parindex.dossier.store.FactChunkWriter;

/**
 * Times the Java side of a ratings batch without a database (not a test): NDJSON shaped as the service index
 * benchmark sends it ({@code services/benchmarks/serviceindex.sh}), read ({@link RecordReader}), checked ({@link
 * FactValidator}) and encoded as COPY text, on one thread. Stages are timed cumulatively (read; read + check; read +
 * check + encode) so the cost of each shows as a difference. The unit check is a constant predicate ({@code
 * units=constant}), the directory's per-row cache call over a warm cache ({@code units=directory}, as before issue
 * 18), or the per-batch memo in front of it that ingestion uses ({@code units=batch}). Each stage is timed in a
 * fresh pass over the rows; the first rounds include the JIT's warm-up.
 *
 * <p>{@code java -cp ... vn.parindex.dossier.service.FactPathTiming [rows=1000000] [rounds=5] [units=constant|directory|batch]}
 */
public final class FactPathTiming {

    private FactPathTiming() {}

    public static void main(String[] args) throws Exception {
        int rows = 1_000_000;
        int rounds = 5;
        String units = "constant";
        for (String a : args) {
            String[] kv = a.split("=", 2);
            switch (kv[0]) {
                case "rows" -> rows = Integer.parseInt(kv[1]);
                case "rounds" -> rounds = Integer.parseInt(kv[1]);
                case "units" -> units = kv[1];
                default -> throw new IllegalArgumentException(a);
            }
        }
        int communes = 3_321;
        byte[] body = ratings(rows, communes);
        System.out.printf(
                "%d rating rows, %d bytes of NDJSON, %d unit codes, units=%s%n", rows, body.length, communes, units);
        BiPredicate<String, LocalDate> unitOn = switch (units) {
            case "constant" -> (code, day) -> true;
            case "directory" -> DirectoryForTiming.warm(communes, FactPathTiming::unit, false);
            case "batch" -> DirectoryForTiming.warm(communes, FactPathTiming::unit, true);
            default -> throw new IllegalArgumentException(units);
        };
        for (int round = 1; round <= rounds; round++) {
            double read = time(body, rows, unitOn, 0);
            double check = time(body, rows, unitOn, 1);
            double all = time(body, rows, unitOn, 2);
            System.out.printf(
                    "round %d: read %,.0f rows/s; read + check %,.0f rows/s; read + check + encode %,.0f rows/s%n",
                    round, read, check, all);
        }
    }

    /** Rows per second of the stages up to {@code stages} (0 read, 1 check, 2 encode). */
    private static double time(byte[] body, int rows, BiPredicate<String, LocalDate> unitOn, int stages)
            throws Exception {
        long started = System.nanoTime();
        FactPath path = new FactPath(FactKind.RATINGS, unitOn, "admin");
        long n = 0;
        try (RecordReader reader = RecordReader.open(RecordReader.Format.NDJSON, new ByteArrayInputStream(body))) {
            RecordReader.Raw raw;
            while ((raw = reader.next()) != null) {
                n++;
                if (stages >= 1 && !path.take(raw, stages >= 2)) {
                    throw new IllegalStateException("rejected: line " + raw.line());
                }
            }
        }
        if (n != rows) {
            throw new IllegalStateException(n + " rows read");
        }
        return rows / ((System.nanoTime() - started) / 1e9);
    }

    /** The checks and encoding of a row, as the service does them; a chunk's buffer emptied every 100,000 rows. */
    static final class FactPath {
        private final FactValidator validator;
        private final String actor;
        private final CopyBuffer chunk = new CopyBuffer(32 << 20);
        private int inChunk;

        FactPath(FactKind kind, BiPredicate<String, LocalDate> unitOn, String actor) {
            this.validator = new FactValidator(kind, unitOn);
            this.actor = actor;
        }

        boolean take(RecordReader.Raw raw, boolean encode) {
            FactValidator.Outcome outcome = validator.check(raw.line(), raw.fields());
            if (outcome.rejection() != null) {
                return false;
            }
            if (encode) {
                FactChunkWriter.encode(chunk, outcome.values(), actor);
                if (++inChunk >= 100_000) {
                    chunk.reset();
                    inChunk = 0;
                }
            }
            return true;
        }
    }

    /** {@code rows} ratings as serviceindex.sh writes them: Vietnam time with its offset, no criteria. */
    static byte[] ratings(int rows, int communes) {
        String[] channels = {"DEVICE", "ONLINE", "SMS"};
        String[] levels = {"VERY_SATISFIED", "SATISFIED", "NOT_SATISFIED"};
        StringBuilder sb = new StringBuilder(rows * 190);
        LocalDateTime first = LocalDateTime.of(2025, 7, 1, 7, 30);
        java.util.SplittableRandom random = new java.util.SplittableRandom(18);
        for (int g = 0; g < rows; g++) {
            LocalDateTime at = first.plusMinutes(random.nextInt(365 * 24 * 60)).withSecond(random.nextInt(60));
            sb.append("{\"sourceSystem\":\"BENCH\",\"dossierId\":\"BD-")
                    .append(10_000_000L + g)
                    .append("\",\"unitCode\":\"")
                    .append(unit(random.nextInt(communes)))
                    .append("\",\"procedureCode\":\"P-")
                    .append(1 + random.nextInt(200))
                    .append("\",\"channel\":\"")
                    .append(channels[g % 3])
                    .append("\",\"level\":\"")
                    .append(levels[g % 3])
                    .append("\",\"ratedAt\":\"")
                    .append(at)
                    .append("+07:00\"}\n");
        }
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }

    static String unit(int i) {
        return String.format("%05d", 10_000 + i * 7);
    }
}
