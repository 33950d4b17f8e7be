package vn.parindex.common.api;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;

/**
 * The bounds every value entering any ParIndex API must keep, checked at the edge (JSON reading, parameter
 * parsing) so that nothing out of range ever reaches PostgreSQL. One definition, documented in {@code docs/api.md}
 * and in the OpenAPI schemas. Each check answers {@code null} when the value is acceptable, else the reason in the
 * API's words (to be named with the field by the caller).
 */
public final class InputLimits {

    /** Longest text accepted in any JSON string or parameter, unless a field declares a shorter maximum. */
    public static final int MAX_TEXT_LENGTH = 10_000;

    /** Earliest and latest dates accepted anywhere (validity dates, as-of dates, campaign years). */
    public static final LocalDate MIN_DATE = LocalDate.of(1900, 1, 1);

    public static final LocalDate MAX_DATE = LocalDate.of(2199, 12, 31);

    /** Digits before the decimal point of any decimal number (PostgreSQL {@code numeric(18, 3)} holds 15). */
    public static final int MAX_INTEGER_DIGITS = 15;

    /** Digits after the decimal point of any decimal number. */
    public static final int MAX_FRACTION_DIGITS = 6;

    private InputLimits() {}

    /** Refuses control characters (all of C0 but tab, line feed and carriage return; DEL) and over-long text. */
    public static String checkText(String value) {
        return checkText(value, MAX_TEXT_LENGTH);
    }

    public static String checkText(String value, int maxLength) {
        if (value == null) {
            return null;
        }
        if (value.length() > maxLength) {
            return "is longer than " + maxLength + " characters (" + value.length() + ")";
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (refused(c)) {
                return String.format("contains the control character U+%04X at position %d", (int) c, i + 1);
            }
        }
        return null;
    }

    public static String checkDate(LocalDate date) {
        if (date == null || (!date.isBefore(MIN_DATE) && !date.isAfter(MAX_DATE))) {
            return null;
        }
        return "must lie between " + MIN_DATE + " and " + MAX_DATE;
    }

    public static String checkTimestamp(OffsetDateTime at) {
        return at == null ? null : checkDate(at.toLocalDate());
    }

    public static String checkDecimal(BigDecimal value) {
        if (value == null) {
            return null;
        }
        BigDecimal stripped = value.stripTrailingZeros();
        int integerDigits = Math.max(stripped.precision() - stripped.scale(), 0);
        if (integerDigits > MAX_INTEGER_DIGITS) {
            return "must have at most " + MAX_INTEGER_DIGITS + " digits before the decimal point";
        }
        if (stripped.scale() > MAX_FRACTION_DIGITS) {
            return "must have at most " + MAX_FRACTION_DIGITS + " digits after the decimal point";
        }
        return null;
    }

    /** A control character a text may not hold: all of C0 but tab, line feed and carriage return; DEL. */
    private static boolean refused(char c) {
        return (c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7f;
    }

    /** The value as echoed back in a problem: shortened, control characters shown as U+XXXX. */
    public static String echo(Object value) {
        if (value == null) {
            return null;
        }
        String s = String.valueOf(value);
        if (s.length() > 200) {
            s = s.substring(0, 200) + "…";
        }
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (refused(c)) {
                out.append(String.format("U+%04X", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
