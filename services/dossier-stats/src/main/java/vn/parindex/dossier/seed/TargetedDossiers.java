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
 * Synthetic dossiers of one unit's year whose counts are given ({@link DemoTargets.Target}): exactly
 * {@code received} dossiers received in the year (plus about 1.5 % refused, withdrawn or cancelled, which no count
 * includes), {@code resolved} of them finished in the year and {@code onTime} of those by their due date, the
 * others after it; {@code online} of them submitted online, each to a procedure of service level 3 or 4 (Decree
 * 43/2011, the scale of those years), the rest at the desk or by post to procedures of any level. Receipt at the
 * desk falls on the calendar's working days in office hours, online receipt on any day and hour; due dates are the
 * procedure's working days after receipt (the working-day calendar); early dossiers finish on a working day before
 * it, late ones on a working day after it. Received-but-unresolved dossiers (when {@code resolved < received})
 * arrive in late December and finish in January. Deterministic for a unit and year.
 */
public final class TargetedDossiers {

    /** The source system of these dossiers (the commune dossiers are {@value DemoDossierLoader#SOURCE_SYSTEM}). */
    public static final String SOURCE_SYSTEM = "DEMO-CAMPAIGNS";

    private static final DateTimeFormatter TS = DateTimeFormatter.ISO_OFFSET_DATE_TIME;
    private static final int[] DEADLINES = {0, 1, 3, 5, 5, 7, 10, 12, 15, 20, 30};
    private static final String[] EXCLUDED = {"refused", "withdrawn", "cancelled"};
    private static final int TRIES = 200;

    private final WorkingCalendar calendar;
    private final List<Procedure> all;
    private final List<Procedure> online;

    /** @param procedures the catalogue of {@link #procedures}, or any with level-3/4 procedures among them */
    public TargetedDossiers(WorkingCalendar calendar, List<Procedure> procedures) {
        this.calendar = calendar;
        this.all = List.copyOf(procedures);
        this.online = all.stream().filter(p -> p.serviceLevel().isLevel34()).toList();
        if (online.isEmpty()) {
            throw new IllegalArgumentException("No procedure of service level 3 or 4 to take online dossiers");
        }
    }

    /**
     * The procedures of the demo campaigns' units ({@code SYN43.H…} of district-level units, {@code SYN43.T…} of
     * provincial departments): Decree 43/2011 service levels 2 (35 %), 3 (45 %) and 4 (20 %).
     */
    public static List<Procedure> procedures(int perLevel, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        List<Procedure> out = new ArrayList<>(2 * perLevel);
        for (String authority : List.of("DISTRICT", "PROVINCE")) {
            String prefix = authority.equals("DISTRICT") ? "SYN43.H" : "SYN43.T";
            String level = authority.equals("DISTRICT") ? "cấp huyện" : "cấp tỉnh";
            for (int i = 1; i <= perLevel; i++) {
                double l = r.nextDouble();
                ServiceLevel sl =
                        l < 0.35 ? ServiceLevel.LEVEL_2 : l < 0.80 ? ServiceLevel.LEVEL_3 : ServiceLevel.LEVEL_4;
                String field = SyntheticDossiers.FIELDS[r.nextInt(SyntheticDossiers.FIELDS.length)];
                out.add(new Procedure(
                        String.format("%s%05d", prefix, i),
                        "Thủ tục tổng hợp " + level + " " + i + " (" + field + ")",
                        field,
                        authority,
                        DEADLINES[r.nextInt(DEADLINES.length)],
                        sl));
            }
        }
        return out;
    }

    /** Whether a unit code is a provincial department's ({@code 15.SNV}): it resolves provincial procedures. */
    static boolean agency(String unitCode) {
        return unitCode.contains(".");
    }

    /** Writes the dossiers of {@code t} as NDJSON; answers how many rows were written. */
    public long writeNdjson(Writer out, DemoTargets.Target t) throws IOException {
        SplittableRandom random = new SplittableRandom((t.unitCode() + "/" + t.year()).hashCode() * 0x9E37_79B9L);
        String authority = agency(t.unitCode()) ? "PROVINCE" : "DISTRICT";
        List<Procedure> offlinePool = pool(all, authority);
        List<Procedure> onlinePool = pool(online, authority);
        int n = Math.toIntExact(t.received());
        boolean[] resolvedInYear = pick(random, n, t.resolved());
        boolean[] isOnline = pick(random, n, t.online());
        // The late ones among those resolved in the year.
        int[] resolvedIndex = new int[Math.toIntExact(t.resolved())];
        for (int i = 0, k = 0; i < n; i++) {
            if (resolvedInYear[i]) {
                resolvedIndex[k++] = i;
            }
        }
        boolean[] lateAmongResolved = pick(random, resolvedIndex.length, t.resolved() - t.onTime());
        boolean[] late = new boolean[n];
        for (int k = 0; k < resolvedIndex.length; k++) {
            late[resolvedIndex[k]] = lateAmongResolved[k];
        }
        LocalDate first = LocalDate.of(t.year(), 1, 1);
        LocalDate last = LocalDate.of(t.year(), 12, 31);
        String prefix = t.unitCode() + "-" + t.year() + "-";
        StringBuilder line = new StringBuilder(320);
        long written = 0;
        for (int i = 0; i < n; i++) {
            Procedure p = popular(random, isOnline[i] ? onlinePool : offlinePool);
            String channel = isOnline[i] ? "ONLINE" : random.nextInt(100) < 6 ? "POSTAL" : "DIRECT";
            Dossier d = resolvedInYear[i]
                    ? inYear(random, p, channel, late[i], first, last)
                    : intoNextYear(random, p, channel, last);
            write(line, prefix + (i + 1), t.unitCode(), p, channel, d.received(), d.finished(), d.status());
            out.append(line);
            written++;
        }
        long excluded = Math.round(t.received() * 0.015);
        for (long e = 1; e <= excluded; e++) {
            Procedure p = popular(random, offlinePool);
            LocalDateTime received = desk(random, workingDay(random, first, last));
            String status = EXCLUDED[random.nextInt(EXCLUDED.length)];
            LocalDateTime finished = received.plusMinutes(20 + random.nextInt(200));
            write(line, prefix + "X" + e, t.unitCode(), p, "DIRECT", received, finished, status);
            out.append(line);
            written++;
        }
        return written;
    }

    private record Dossier(LocalDateTime received, LocalDateTime finished, String status) {}

    /** Received and finished in the year, on time (early or on the due date) or late. */
    private Dossier inYear(
            SplittableRandom random, Procedure p, String channel, boolean late, LocalDate first, LocalDate last) {
        for (int attempt = 0; ; attempt++) {
            // After many draws that end past the year (long deadlines in December), receipt moves earlier.
            LocalDate latest = attempt < TRIES ? last : last.minusDays(60);
            LocalDateTime received = channel.equals("ONLINE") && attempt < TRIES
                    ? LocalDate.ofEpochDay(first.toEpochDay()
                                    + random.nextInt((int) (latest.toEpochDay() - first.toEpochDay()) + 1))
                            .atStartOfDay()
                            .plusMinutes(random.nextInt(24 * 60))
                    : desk(random, workingDay(random, first, latest));
            LocalDate day = received.toLocalDate();
            LocalDate due = calendar.dueDate(day, p.deadlineWorkingDays());
            LocalDate finished;
            if (late) {
                finished = nextWorkingDay(due.plusDays(1 + random.nextInt(8)));
            } else if (due.isAfter(day) && random.nextInt(100) < 70) {
                // Early: a working day from receipt up to the day before the due date (else the due date itself).
                finished = nextWorkingDay(day.plusDays(random.nextInt((int) (due.toEpochDay() - day.toEpochDay()))));
                if (finished.isAfter(due)) {
                    finished = due;
                }
            } else {
                finished = due;
            }
            if (finished.isAfter(last)) {
                continue;
            }
            return new Dossier(received, finishedAt(random, received, finished), status(random));
        }
    }

    /** Received in late December, still open on 31 December, finished in January. */
    private Dossier intoNextYear(SplittableRandom random, Procedure p, String channel, LocalDate last) {
        LocalDate day = workingDay(random, last.minusDays(12), last);
        LocalDateTime received = desk(random, day);
        LocalDate finished = nextWorkingDay(last.plusDays(2 + random.nextInt(10)));
        return new Dossier(received, finishedAt(random, received, finished), status(random));
    }

    private static String status(SplittableRandom random) {
        return random.nextInt(10) == 0 ? "returned" : "resolved";
    }

    /** A time on {@code day} in office hours, never before receipt and never past the day's end. */
    private static LocalDateTime finishedAt(SplittableRandom random, LocalDateTime received, LocalDate day) {
        LocalDateTime at = day.atStartOfDay().plusMinutes(480 + random.nextInt(540));
        if (at.isBefore(received)) {
            at = received.plusMinutes(15);
            LocalDateTime end = day.atTime(23, 59);
            if (at.isAfter(end)) {
                at = received.isAfter(end) ? received : end;
            }
        }
        return at;
    }

    /** At the desk: 7:30 to 16:30. */
    private static LocalDateTime desk(SplittableRandom random, LocalDate day) {
        return day.atStartOfDay().plusMinutes(450 + random.nextInt(540));
    }

    /** A working day in [from, to], uniformly among the calendar's working days. */
    private LocalDate workingDay(SplittableRandom random, LocalDate from, LocalDate to) {
        int span = (int) (to.toEpochDay() - from.toEpochDay()) + 1;
        for (int i = 0; i < 1000; i++) {
            LocalDate d = from.plusDays(random.nextInt(span));
            if (calendar.isWorkingDay(d)) {
                return d;
            }
        }
        return nextWorkingDay(from);
    }

    private LocalDate nextWorkingDay(LocalDate day) {
        while (!calendar.isWorkingDay(day)) {
            day = day.plusDays(1);
        }
        return day;
    }

    /** A few procedures carry most of the load, as at real one-stop desks. */
    private static Procedure popular(SplittableRandom random, List<Procedure> pool) {
        return pool.get((int) Math.min(pool.size() - 1, Math.abs(random.nextGaussian()) * pool.size() / 3.0));
    }

    private static List<Procedure> pool(List<Procedure> procedures, String authority) {
        List<Procedure> own = procedures.stream()
                .filter(p -> authority.equals(p.authorityLevel()))
                .toList();
        return own.isEmpty() ? procedures : own;
    }

    /** {@code count} of {@code n} flags set, at random places (a partial Fisher–Yates shuffle). */
    private static boolean[] pick(SplittableRandom random, int n, long count) {
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        boolean[] set = new boolean[n];
        for (int i = 0; i < count; i++) {
            int j = i + random.nextInt(n - i);
            int tmp = order[i];
            order[i] = order[j];
            order[j] = tmp;
            set[order[i]] = true;
        }
        return set;
    }

    private static void write(
            StringBuilder line,
            String id,
            String unit,
            Procedure p,
            String channel,
            LocalDateTime received,
            LocalDateTime finished,
            String status) {
        line.setLength(0);
        line.append("{\"sourceSystem\":\"")
                .append(SOURCE_SYSTEM)
                .append("\",\"dossierId\":\"")
                .append(id)
                .append("\",\"procedureCode\":\"")
                .append(p.code())
                .append("\",\"unitCode\":\"")
                .append(unit)
                .append("\",\"channel\":\"")
                .append(channel)
                .append("\",\"receivedAt\":\"")
                .append(received.atOffset(VietnamTime.OFFSET).format(TS))
                .append("\",\"finishedAt\":\"")
                .append(finished.atOffset(VietnamTime.OFFSET).format(TS))
                .append("\",\"status\":\"")
                .append(status)
                .append("\"}\n");
    }
}
