package vn.parindex.dossier.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.postgresql.PGConnection;
import vn.parindex.dossier.domain.OfficialCalendar;
import vn.parindex.dossier.domain.Procedure;
import vn.parindex.dossier.domain.RecordReader;
import vn.parindex.dossier.domain.WorkingCalendar;
import vn.parindex.dossier.seed.SyntheticDossiers;
import vn.parindex.dossier.service.DossierRowValidator;
import vn.parindex.dossier.service.ProcedureService;

/**
 * Tools of the dossier benchmarks (not a test), run by {@code ./parindex bench dossiers}:
 *
 * <ul>
 *   <li>{@code procedures OUT}: the synthetic procedure catalogue as JSON (for PUT /api/procedures);
 *   <li>{@code ndjson UNITS_FILE COUNT SEED PREFIX OUT [SOURCE_SYSTEM]}: COUNT synthetic dossiers of 2025-07-01 …
 *       2026-06-30 (source system BENCH unless given);
 *   <li>{@code copyrows NDJSON OUT}: the same dossiers as COPY rows of the dossier table, derived columns computed
 *       exactly as ingestion computes them (the baseline needs the same rows);
 *   <li>{@code copy JDBC_URL USER PASSWORD TABLE FILE}: PostgreSQL's own COPY of FILE into TABLE, timed;
 *   <li>{@code workdays FROM TO OUT}: the working days from FROM to TO of the calendar ingestion uses, one per line
 *       (the store benchmark derives due dates and working days in SQL from them, as ingestion does in Java).
 * </ul>
 */
public final class DossierBenchmark {

    static final LocalDate FROM = LocalDate.of(2025, 7, 1);
    static final LocalDate TO = LocalDate.of(2026, 6, 30);
    static final List<Procedure> PROCEDURES = SyntheticDossiers.procedures(200, 2025);

    private DossierBenchmark() {}

    public static void main(String[] args) throws Exception {
        switch (args[0]) {
            case "procedures" -> Files.writeString(Path.of(args[1]), new ObjectMapper().writeValueAsString(PROCEDURES));
            case "ndjson" -> {
                List<String> units = Files.readAllLines(Path.of(args[1])).stream()
                        .filter(s -> !s.isBlank())
                        .toList();
                try (BufferedWriter out = Files.newBufferedWriter(Path.of(args[5]), StandardCharsets.UTF_8)) {
                    new SyntheticDossiers(
                                    units,
                                    PROCEDURES,
                                    new WorkingCalendar(OfficialCalendar.days()),
                                    FROM,
                                    TO,
                                    Long.parseLong(args[3]),
                                    args.length > 6 ? args[6] : "BENCH")
                            .writeNdjson(out, Long.parseLong(args[2]), args[4]);
                }
            }
            case "copyrows" -> copyRows(Path.of(args[1]), Path.of(args[2]));
            case "copy" -> copy(args[1], args[2], args[3], args[4], Path.of(args[5]));
            case "workdays" -> {
                WorkingCalendar calendar = new WorkingCalendar(OfficialCalendar.days());
                try (BufferedWriter out = Files.newBufferedWriter(Path.of(args[3]), StandardCharsets.UTF_8)) {
                    for (LocalDate d = LocalDate.parse(args[1]);
                            !d.isAfter(LocalDate.parse(args[2]));
                            d = d.plusDays(1)) {
                        if (calendar.isWorkingDay(d)) {
                            out.write(d + "\n");
                        }
                    }
                }
            }
            default -> throw new IllegalArgumentException("procedures | ndjson | copyrows | copy | workdays");
        }
    }

    private static void copyRows(Path ndjson, Path out) throws Exception {
        Map<String, ProcedureService.Terms> terms = new HashMap<>();
        PROCEDURES.forEach(
                p -> terms.put(p.code(), new ProcedureService.Terms(p.deadlineWorkingDays(), p.serviceLevel())));
        DossierRowValidator validator =
                new DossierRowValidator(terms, (u, d) -> true, new WorkingCalendar(OfficialCalendar.days()));
        try (InputStream in = Files.newInputStream(ndjson);
                RecordReader reader = RecordReader.open(RecordReader.Format.NDJSON, in);
                var target = Files.newOutputStream(out)) {
            ByteArrayOutputStream buffer = new ByteArrayOutputStream(1 << 21);
            RecordReader.Raw raw;
            long seq = 0;
            while ((raw = reader.next()) != null) {
                DossierRowValidator.Outcome o = validator.check(raw.line(), raw.fields());
                if (o.row() != null) {
                    CopyRowsAccess.append(buffer, ++seq, o.row());
                }
                if (buffer.size() > (1 << 20)) {
                    buffer.writeTo(target);
                    buffer.reset();
                }
            }
            buffer.writeTo(target);
        }
    }

    private static void copy(String url, String user, String password, String table, Path file) throws Exception {
        try (Connection c = DriverManager.getConnection(url, user, password);
                BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            long start = System.nanoTime();
            long rows = c.unwrap(PGConnection.class)
                    .getCopyAPI()
                    .copyIn(
                            "COPY " + table
                                    + " (seq_ignored_dummy) FROM STDIN"
                                            .replace(" (seq_ignored_dummy)", CopyRowsAccess.COPY_COLUMNS),
                            in);
            double seconds = (System.nanoTime() - start) / 1e9;
            System.out.printf("RESULT copy rows=%d seconds=%.1f rows_per_s=%.0f%n", rows, seconds, rows / seconds);
        }
    }
}
