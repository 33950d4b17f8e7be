package vn.parindex.dossier.service;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.BiPredicate;
import vn.parindex.common.api.InputLimits;
import vn.parindex.common.api.VietnamTime;
import vn.parindex.dossier.client.UnitDirectory;
import vn.parindex.dossier.domain.FactKind;
import vn.parindex.dossier.domain.Rejection;

/**
 * Checks one input row of a fact batch and turns it into the table's column values (COPY text, {@code null} for
 * NULL), in {@link FactKind#columns()} order without {@code recorded_by}. Timestamps as for dossiers: with an offset,
 * or Vietnam time; the day of a fact is its date in Vietnam. A row is either values or a rejection naming the field.
 */
public final class FactValidator {

    /** Either values or a rejection. */
    public record Outcome(List<String> values, Rejection rejection) {}

    /** Levels of a rating, best first (Decision 766/QĐ-TTg: satisfied = very satisfied or satisfied). */
    public static final List<String> LEVELS = List.of("VERY_SATISFIED", "SATISFIED", "NOT_SATISFIED");

    public static final List<String> RATING_CHANNELS = List.of("DEVICE", "ONLINE", "SMS");
    public static final List<String> FEEDBACK_KINDS = List.of("FEEDBACK", "COMPLAINT");
    public static final List<String> OUTCOMES = List.of("RESOLVED", "EXPLAINED", "REJECTED", "TRANSFERRED");

    static final int MAX_FIELD_LENGTH = 1_000;

    /** Largest fee accepted, VND (the column holds 15 digits). */
    static final BigDecimal MAX_FEE = new BigDecimal("999999999999999");

    private final FactKind kind;
    private final BiPredicate<String, LocalDate> unitExists;

    public FactValidator(FactKind kind, BiPredicate<String, LocalDate> unitExists) {
        this.kind = kind;
        this.unitExists = unitExists;
    }

    /** A rejected row, thrown inside {@link #check} and caught there. */
    private static final class Bad extends Exception {
        final String field;
        final String reason;
        final String value;

        Bad(String field, String reason, String value) {
            super(null, null, false, false);
            this.field = field;
            this.reason = reason;
            this.value = value;
        }
    }

    public Outcome check(long line, Map<String, String> f) {
        try {
            for (Map.Entry<String, String> field : f.entrySet()) {
                String reason = InputLimits.checkText(field.getValue(), MAX_FIELD_LENGTH);
                if (reason != null) {
                    throw new Bad(field.getKey(), reason, field.getValue());
                }
            }
            String source = f.get("sourceSystem");
            if (blank(source) || source.length() > 64) {
                throw new Bad("sourceSystem", "is required (at most 64 characters)", source);
            }
            String id = f.get(kind.idField());
            if (blank(id) || id.length() > 128) {
                throw new Bad(kind.idField(), "is required (at most 128 characters)", id);
            }
            String procedure = f.get("procedureCode");
            if (procedure != null && procedure.length() > 64) {
                throw new Bad("procedureCode", "is at most 64 characters", procedure);
            }
            List<String> values = new ArrayList<>(kind.columns().size());
            values.add(source);
            values.add(id);
            String unit = f.get("unitCode");
            if (blank(unit) || !UnitDirectory.wellFormed(unit)) {
                throw new Bad("unitCode", "must be a unit code of the registry (digits, or such as 15.SNV)", unit);
            }
            values.add(unit);
            values.add(blank(procedure) ? null : procedure.strip());
            LocalDate day = switch (kind) {
                case PAYMENTS -> payment(f, values);
                case DIGITISATION -> digitisation(f, values);
                case RATINGS -> rating(f, values);
                case FEEDBACK -> feedback(f, values);
            };
            if (!unitExists.test(unit, day)) {
                throw new Bad("unitCode", "is not a unit of the registry on " + day, unit);
            }
            return new Outcome(values, null);
        } catch (Bad bad) {
            return new Outcome(
                    null, new Rejection(line, InputLimits.echo(bad.field), bad.reason, InputLimits.echo(bad.value)));
        }
    }

    private static LocalDate payment(Map<String, String> f, List<String> values) throws Bad {
        BigDecimal fee;
        try {
            fee = new BigDecimal(f.getOrDefault("fee", "").strip());
        } catch (NumberFormatException e) {
            throw new Bad(
                    "fee", "is required: the fee in VND, a whole number ≥ 0 (0 for a free procedure)", f.get("fee"));
        }
        if (fee.signum() < 0
                || fee.compareTo(MAX_FEE) > 0
                || fee.stripTrailingZeros().scale() > 0) {
            throw new Bad("fee", "must be a whole number of VND, 0 to " + MAX_FEE, f.get("fee"));
        }
        boolean online = bool(f, "paidOnline", true);
        if (online && fee.signum() == 0) {
            throw new Bad("paidOnline", "must be false for a zero fee (nothing was paid)", f.get("paidOnline"));
        }
        OffsetDateTime at = time(f, "paidAt", true);
        values.add(fee.setScale(0).toPlainString());
        values.add(online ? "t" : "f");
        values.add(at.toString());
        LocalDate day = day(at);
        values.add(day.toString());
        return day;
    }

    private static LocalDate digitisation(Map<String, String> f, List<String> values) throws Bad {
        int total = count(f, "componentsTotal");
        int digitised = count(f, "componentsDigitised");
        if (digitised > total) {
            throw new Bad(
                    "componentsDigitised",
                    "is more than componentsTotal (" + total + ")",
                    f.get("componentsDigitised"));
        }
        Boolean electronic = blank(f.get("resultElectronic")) ? null : bool(f, "resultElectronic", false);
        boolean reused = bool(f, "reusedDigitised", true);
        OffsetDateTime at = time(f, "digitisedAt", true);
        values.add(Integer.toString(total));
        values.add(Integer.toString(digitised));
        values.add(electronic == null ? null : electronic ? "t" : "f");
        values.add(reused ? "t" : "f");
        values.add(at.toString());
        LocalDate day = day(at);
        values.add(day.toString());
        return day;
    }

    private static LocalDate rating(Map<String, String> f, List<String> values) throws Bad {
        values.add(oneOf(f, "channel", RATING_CHANNELS, true));
        values.add(oneOf(f, "level", LEVELS, true));
        String criteria = f.get("criteria");
        values.add(blank(criteria) ? null : criteria.strip());
        OffsetDateTime at = time(f, "ratedAt", true);
        values.add(at.toString());
        LocalDate day = day(at);
        values.add(day.toString());
        return day;
    }

    private static LocalDate feedback(Map<String, String> f, List<String> values) throws Bad {
        String kind = blank(f.get("kind")) ? "FEEDBACK" : oneOf(f, "kind", FEEDBACK_KINDS, true);
        OffsetDateTime received = time(f, "receivedAt", true);
        LocalDate receivedDay = day(received);
        LocalDate deadline;
        try {
            deadline = LocalDate.parse(f.getOrDefault("deadline", "").strip());
        } catch (DateTimeParseException e) {
            throw new Bad("deadline", "is required: the day the answer is due (2025-07-15)", f.get("deadline"));
        }
        if (deadline.isBefore(receivedDay) || InputLimits.checkDate(deadline) != null) {
            throw new Bad("deadline", "must be on or after the day received, 1900–2199", f.get("deadline"));
        }
        OffsetDateTime answered = time(f, "answeredAt", false);
        if (answered != null && answered.isBefore(received)) {
            throw new Bad("answeredAt", "is before receivedAt", f.get("answeredAt"));
        }
        String outcome = oneOf(f, "outcome", OUTCOMES, false);
        if (outcome != null && answered == null) {
            throw new Bad("outcome", "needs answeredAt (an outcome is known once the answer is sent)", outcome);
        }
        values.add(kind);
        values.add(received.toString());
        values.add(receivedDay.toString());
        values.add(deadline.toString());
        values.add(answered == null ? null : answered.toString());
        values.add(answered == null ? null : day(answered).toString());
        values.add(outcome);
        return receivedDay;
    }

    private static LocalDate day(OffsetDateTime at) {
        return at.atZoneSameInstant(VietnamTime.ZONE).toLocalDate();
    }

    private static OffsetDateTime time(Map<String, String> f, String name, boolean required) throws Bad {
        String raw = f.get(name);
        if (blank(raw)) {
            if (required) {
                throw new Bad(name, "is required: a timestamp (2025-07-01T08:30:00+07:00) or a date", raw);
            }
            return null;
        }
        OffsetDateTime at = DossierRowValidator.time(raw);
        if (at == null) {
            throw new Bad(name, "must be a timestamp (2025-07-01T08:30:00+07:00) or a date, 1900–2199", raw);
        }
        return at;
    }

    private static int count(Map<String, String> f, String name) throws Bad {
        try {
            int n = Integer.parseInt(f.getOrDefault(name, "").strip());
            if (n >= 0 && n <= 10_000) {
                return n;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw new Bad(name, "must be a whole number, 0 to 10000", f.get(name));
    }

    private static boolean bool(Map<String, String> f, String name, boolean required) throws Bad {
        String raw = f.get(name);
        if (!blank(raw)) {
            String v = raw.strip().toLowerCase(Locale.ROOT);
            if (v.equals("true")) {
                return true;
            }
            if (v.equals("false")) {
                return false;
            }
        }
        throw new Bad(name, (required ? "is required: " : "must be ") + "true or false", raw);
    }

    private static String oneOf(Map<String, String> f, String name, List<String> allowed, boolean required) throws Bad {
        String raw = f.get(name);
        if (blank(raw)) {
            if (required) {
                throw new Bad(name, "is required: one of " + String.join(", ", allowed), raw);
            }
            return null;
        }
        String v = raw.strip().toUpperCase(Locale.ROOT).replace(' ', '_');
        if (!allowed.contains(v)) {
            throw new Bad(name, "must be one of " + String.join(", ", allowed), raw);
        }
        return v;
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
