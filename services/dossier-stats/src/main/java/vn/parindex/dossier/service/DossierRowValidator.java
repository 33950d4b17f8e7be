package vn.parindex.dossier.service;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.function.BiPredicate;
import vn.parindex.common.api.InputLimits;
import vn.parindex.common.api.VietnamTime;
import vn.parindex.dossier.client.UnitDirectory;
import vn.parindex.dossier.domain.Channel;
import vn.parindex.dossier.domain.DossierRow;
import vn.parindex.dossier.domain.DossierStatus;
import vn.parindex.dossier.domain.Rejection;
import vn.parindex.dossier.domain.TimingClass;
import vn.parindex.dossier.domain.WorkingCalendar;

/**
 * Checks one input row and derives its columns: dates in Vietnam's day, the due date (given, or receipt + the
 * procedure's working days), the finish class and the working days taken. Timestamps carry an offset; a
 * timestamp without one, or a bare date, is Vietnam time.
 */
public final class DossierRowValidator {

    /** Either a row or a rejection. */
    public record Outcome(DossierRow row, Rejection rejection) {}

    private final Map<String, ProcedureService.Terms> procedures;
    private final BiPredicate<String, LocalDate> unitExists;
    private final WorkingCalendar calendar;

    public DossierRowValidator(
            Map<String, ProcedureService.Terms> procedures,
            BiPredicate<String, LocalDate> unitExists,
            WorkingCalendar calendar) {
        this.procedures = procedures;
        this.unitExists = unitExists;
        this.calendar = calendar;
    }

    /** Longest value of any field of a row; identifiers have their own, shorter maxima. */
    static final int MAX_FIELD_LENGTH = 1_000;

    /** Unit codes as the registry writes them: GSO digits, or agency codes such as 15.SNV. */
    public Outcome check(long line, Map<String, String> f) {
        for (Map.Entry<String, String> field : f.entrySet()) {
            String reason = InputLimits.checkText(field.getValue(), MAX_FIELD_LENGTH);
            if (reason != null) {
                return reject(line, field.getKey(), reason, field.getValue());
            }
        }
        String source = f.get("sourceSystem");
        String id = f.get("dossierId");
        if (blank(source) || source.length() > 64) {
            return reject(line, "sourceSystem", "is required (at most 64 characters)", source);
        }
        if (blank(id) || id.length() > 128) {
            return reject(line, "dossierId", "is required (at most 128 characters)", id);
        }
        String procedureCode = f.get("procedureCode");
        ProcedureService.Terms terms = procedureCode == null ? null : procedures.get(procedureCode);
        if (terms == null) {
            return reject(line, "procedureCode", "is not a known procedure", procedureCode);
        }
        Channel channel;
        try {
            channel = Channel.valueOf(f.getOrDefault("channel", "").strip().toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return reject(line, "channel", "must be DIRECT, POSTAL or ONLINE", f.get("channel"));
        }
        DossierStatus status;
        try {
            status = DossierStatus.parse(f.getOrDefault("status", ""));
        } catch (IllegalArgumentException e) {
            return reject(line, "status", "is not a known status", f.get("status"));
        }
        OffsetDateTime received = time(f.get("receivedAt"));
        if (received == null) {
            return reject(
                    line,
                    "receivedAt",
                    "must be a timestamp (2025-07-01T08:30:00+07:00) or a date, 1900–2199",
                    f.get("receivedAt"));
        }
        OffsetDateTime finished = null;
        if (!blank(f.get("finishedAt"))) {
            finished = time(f.get("finishedAt"));
            if (finished == null) {
                return reject(line, "finishedAt", "must be a timestamp or a date, 1900–2199", f.get("finishedAt"));
            }
            if (finished.isBefore(received)) {
                return reject(line, "finishedAt", "is before receivedAt", f.get("finishedAt"));
            }
            if (!status.isFinished() && !status.isExcluded()) {
                // Counted neither as resolved nor as pending otherwise: the timing rule has no class for it.
                return reject(
                        line,
                        "finishedAt",
                        "must be empty for a " + status + " dossier (only a resolved, returned, refused, withdrawn or"
                                + " cancelled dossier has finished)",
                        f.get("finishedAt"));
            }
        } else if (status.isFinished()) {
            return reject(line, "finishedAt", "is required for a " + status + " dossier", null);
        }
        OffsetDateTime dueAt = null;
        if (!blank(f.get("dueAt"))) {
            dueAt = time(f.get("dueAt"));
            if (dueAt == null) {
                return reject(line, "dueAt", "must be a timestamp or a date, 1900–2199", f.get("dueAt"));
            }
        }
        LocalDate receivedDate = received.atZoneSameInstant(VietnamTime.ZONE).toLocalDate();
        String unit = f.get("unitCode");
        if (blank(unit) || !UnitDirectory.wellFormed(unit)) {
            return reject(line, "unitCode", "must be a unit code of the registry (digits, or such as 15.SNV)", unit);
        }
        if (!unitExists.test(unit, receivedDate)) {
            return reject(line, "unitCode", "is not a unit of the registry on " + receivedDate, unit);
        }
        LocalDate dueDate = dueAt != null
                ? dueAt.atZoneSameInstant(VietnamTime.ZONE).toLocalDate()
                : calendar.dueDate(receivedDate, terms.deadlineWorkingDays());
        LocalDate finishedDate = finished == null
                ? null
                : finished.atZoneSameInstant(VietnamTime.ZONE).toLocalDate();
        TimingClass timing = TimingClass.ofFinished(status, dueDate, finishedDate);
        Integer finishClass = timing == null || timing == TimingClass.EXCLUDED ? null : timing.code();
        Integer days = finishClass == null ? null : calendar.workingDaysBetween(receivedDate, finishedDate);
        return new Outcome(
                new DossierRow(
                        source,
                        id,
                        procedureCode,
                        unit,
                        channel,
                        terms.serviceLevel(),
                        status,
                        received,
                        receivedDate,
                        dueAt,
                        dueDate,
                        finished,
                        finishedDate,
                        finishClass,
                        status.isExcluded(),
                        days),
                null);
    }

    private static Outcome reject(long line, String field, String reason, String value) {
        return new Outcome(null, new Rejection(line, InputLimits.echo(field), reason, InputLimits.echo(value)));
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    public static OffsetDateTime time(String raw) {
        if (blank(raw)) {
            return null;
        }
        OffsetDateTime at = parseTime(raw.strip());
        return at == null || InputLimits.checkTimestamp(at) != null ? null : at;
    }

    /**
     * The usual shape, {@code 2025-07-01T08:30:00+07:00} (or {@code Z}), read without the formatter's machinery,
     * which costs more than all other checks of a row together; {@code null} for any other shape, or a value out of
     * range, left to the formatter (which then accepts or refuses it as before: the same fields make the same value).
     */
    static OffsetDateTime usualTime(String s) {
        int n = s.length();
        if (n != 25 && n != 20) {
            return null;
        }
        if (s.charAt(4) != '-'
                || s.charAt(7) != '-'
                || s.charAt(10) != 'T'
                || s.charAt(13) != ':'
                || s.charAt(16) != ':') {
            return null;
        }
        int year = digits(s, 0, 4);
        int month = digits(s, 5, 2);
        int day = digits(s, 8, 2);
        int hour = digits(s, 11, 2);
        int minute = digits(s, 14, 2);
        int second = digits(s, 17, 2);
        if ((year | month | day | hour | minute | second) < 0) {
            return null;
        }
        java.time.ZoneOffset offset;
        char sign = s.charAt(19);
        if (n == 20) {
            if (sign != 'Z') {
                return null;
            }
            offset = java.time.ZoneOffset.UTC;
        } else {
            int oh = digits(s, 20, 2);
            int om = digits(s, 23, 2);
            if ((sign != '+' && sign != '-') || s.charAt(22) != ':' || (oh | om) < 0) {
                return null;
            }
            try {
                offset = sign == '+'
                        ? java.time.ZoneOffset.ofHoursMinutes(oh, om)
                        : java.time.ZoneOffset.ofHoursMinutes(-oh, -om);
            } catch (java.time.DateTimeException e) {
                return null;
            }
        }
        try {
            return OffsetDateTime.of(year, month, day, hour, minute, second, 0, offset);
        } catch (java.time.DateTimeException e) {
            return null;
        }
    }

    /** The {@code count} ASCII digits at {@code from} as a number; -1 if any is not a digit. */
    private static int digits(String s, int from, int count) {
        int v = 0;
        for (int i = from; i < from + count; i++) {
            int d = s.charAt(i) - '0';
            if (d < 0 || d > 9) {
                return -1;
            }
            v = 10 * v + d;
        }
        return v;
    }

    private static OffsetDateTime parseTime(String s) {
        OffsetDateTime usual = usualTime(s);
        if (usual != null) {
            return usual;
        }
        try {
            return OffsetDateTime.parse(s);
        } catch (DateTimeParseException e) {
            try {
                return LocalDateTime.parse(s).atZone(VietnamTime.ZONE).toOffsetDateTime();
            } catch (DateTimeParseException e2) {
                try {
                    return LocalDate.parse(s).atStartOfDay(VietnamTime.ZONE).toOffsetDateTime();
                } catch (DateTimeParseException e3) {
                    return null;
                }
            }
        }
    }
}
