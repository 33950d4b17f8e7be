package vn.parindex.dossier.seed;

import java.io.IOException;
import java.io.Writer;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import vn.parindex.common.api.VietnamTime;
import vn.parindex.dossier.domain.Procedure;
import vn.parindex.dossier.domain.ServiceLevel;
import vn.parindex.dossier.domain.WorkingCalendar;

/**
 * Realistic synthetic dossiers for demos and benchmarks: real unit codes, a synthetic procedure catalogue,
 * channels that follow each procedure's online level, receipt on working days (online ones any day and hour),
 * and outcomes against the working-day due date (about 65 % early, 25 % on time, 10 % late, 3 % excluded, the
 * newest still in progress). Deterministic for a seed. Writes NDJSON without building objects per row.
 */
public final class SyntheticDossiers {

    static final String[] FIELDS = {
        "Hộ tịch", "Chứng thực", "Đất đai", "Đăng ký kinh doanh", "Xây dựng", "Lao động - Thương binh và Xã hội",
        "Giáo dục và Đào tạo", "Y tế", "Tài nguyên và Môi trường", "Giao thông vận tải", "Tư pháp", "Văn hóa"
    };
    private static final int[] DEADLINES = {0, 1, 2, 3, 3, 5, 5, 7, 10, 15, 20, 30};
    private static final DateTimeFormatter TS = DateTimeFormatter.ISO_OFFSET_DATE_TIME;

    private final List<String> units;
    private final List<Procedure> procedures;
    private final WorkingCalendar calendar;
    private final LocalDate from;
    private final LocalDate to;
    private final SplittableRandom random;
    private final String sourceSystem;

    public SyntheticDossiers(
            List<String> units,
            List<Procedure> procedures,
            WorkingCalendar calendar,
            LocalDate from,
            LocalDate to,
            long seed,
            String sourceSystem) {
        this.units = List.copyOf(units);
        this.procedures = List.copyOf(procedures);
        this.calendar = calendar;
        this.from = from;
        this.to = to;
        this.random = new SplittableRandom(seed);
        this.sourceSystem = sourceSystem;
    }

    /** A synthetic procedure catalogue ({@code SYN.000001} …), deterministic for a seed. */
    public static List<Procedure> procedures(int count, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        List<Procedure> out = new ArrayList<>(count);
        for (int i = 1; i <= count; i++) {
            double l = r.nextDouble();
            ServiceLevel level = l < 0.40 ? ServiceLevel.FULL : l < 0.75 ? ServiceLevel.PARTIAL : ServiceLevel.NONE;
            String field = FIELDS[r.nextInt(FIELDS.length)];
            out.add(new Procedure(
                    String.format("SYN.%06d", i),
                    "Thủ tục tổng hợp " + i + " (" + field + ")",
                    field,
                    "COMMUNE",
                    DEADLINES[r.nextInt(DEADLINES.length)],
                    level));
        }
        return out;
    }

    /** Writes {@code count} dossiers with ids {@code idPrefix + n} as NDJSON. */
    public void writeNdjson(Writer out, long count, String idPrefix) throws IOException {
        StringBuilder line = new StringBuilder(320);
        int span = (int) (to.toEpochDay() - from.toEpochDay()) + 1;
        for (long n = 1; n <= count; n++) {
            String unit = units.get(random.nextInt(units.size()));
            // A few procedures carry most of the load, as in real one-stop desks.
            Procedure p = procedures.get(
                    (int) Math.min(procedures.size() - 1, Math.abs(random.nextGaussian()) * procedures.size() / 3.0));
            String channel = channel(p.serviceLevel());
            LocalDate day = from.plusDays(random.nextInt(span));
            if (!channel.equals("ONLINE")) {
                while (!calendar.isWorkingDay(day)) {
                    day = day.plusDays(1);
                }
            }
            int minute = channel.equals("ONLINE") ? random.nextInt(24 * 60) : 450 + random.nextInt(570);
            LocalDateTime received = day.atStartOfDay().plusMinutes(minute);
            LocalDate due = calendar.dueDate(day, p.deadlineWorkingDays());
            double outcome = random.nextDouble();
            String status;
            LocalDate finished = null;
            if (outcome < 0.03) {
                status = outcome < 0.01 ? "refused" : outcome < 0.02 ? "withdrawn" : "cancelled";
                finished = day;
            } else {
                double timing = random.nextDouble();
                if (timing < 0.65 && due.isAfter(day)) {
                    finished = day.plusDays(random.nextInt((int) (due.toEpochDay() - day.toEpochDay())));
                } else if (timing < 0.90) {
                    finished = due;
                } else {
                    finished = due.plusDays(1 + random.nextInt(10));
                }
                status = finished.isAfter(to)
                        ? (random.nextInt(10) == 0 ? "supplement requested" : "processing")
                        : random.nextInt(10) == 0 ? "returned" : "resolved";
                if (finished.isAfter(to)) {
                    finished = null;
                }
            }
            line.setLength(0);
            line.append("{\"sourceSystem\":\"")
                    .append(sourceSystem)
                    .append("\",\"dossierId\":\"")
                    .append(idPrefix)
                    .append(n)
                    .append("\",\"procedureCode\":\"")
                    .append(p.code())
                    .append("\",\"unitCode\":\"")
                    .append(unit)
                    .append("\",\"channel\":\"")
                    .append(channel)
                    .append("\",\"receivedAt\":\"")
                    .append(received.atOffset(VietnamTime.OFFSET).format(TS))
                    .append('"');
            if (finished != null) {
                LocalDateTime at = finished.atStartOfDay().plusMinutes(480 + random.nextInt(540));
                if (at.isBefore(received)) {
                    at = received.plusMinutes(30);
                }
                line.append(",\"finishedAt\":\"")
                        .append(at.atOffset(VietnamTime.OFFSET).format(TS))
                        .append('"');
            }
            line.append(",\"status\":\"").append(status).append("\"}\n");
            out.append(line);
        }
    }

    private String channel(ServiceLevel level) {
        double c = random.nextDouble();
        double online = switch (level) {
            case FULL -> 0.70;
            case PARTIAL -> 0.40;
            case LEVEL_3, LEVEL_4 -> 0.50;
            default -> 0.0;
        };
        return c < online ? "ONLINE" : c < online + 0.06 ? "POSTAL" : "DIRECT";
    }
}
