package vn.parindex.common.api;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/**
 * Parses raw query and path parameters so that a malformed value becomes a 400 that names the parameter,
 * instead of the framework's anonymous 404/400.
 */
public final class Params {

    private Params() {}

    public static LocalDate dateOrDefault(String name, String raw, LocalDate fallback) {
        if (raw == null || raw.isBlank()) {
            return fallback;
        }
        LocalDate date;
        try {
            date = LocalDate.parse(raw.strip());
        } catch (DateTimeParseException e) {
            throw ApiException.invalidParameter(name, "must be a date YYYY-MM-DD", InputLimits.echo(raw));
        }
        String outOfRange = InputLimits.checkDate(date);
        if (outOfRange != null) {
            throw ApiException.invalidParameter(name, outOfRange, raw);
        }
        return date;
    }

    /** A date parameter that defaults to today in Vietnam (the one time zone, {@link VietnamTime}). */
    public static LocalDate dateOrToday(String name, String raw) {
        return dateOrDefault(name, raw, VietnamTime.today());
    }

    /**
     * {@code raw} when {@code wellFormed} accepts it (a code of the service's own format, checked by its domain
     * rule), else 400 {@code INVALID_PARAMETER} naming {@code name}: "{@code expected}".
     */
    public static String matching(
            String name, String raw, java.util.function.Predicate<String> wellFormed, String expected) {
        if (raw == null || !wellFormed.test(raw)) {
            throw ApiException.invalidParameter(name, expected, raw == null ? null : InputLimits.echo(raw));
        }
        return raw;
    }

    public static LocalDate requiredDate(String name, String raw) {
        if (raw == null || raw.isBlank()) {
            throw ApiException.invalidParameter(name, "is required", raw);
        }
        return dateOrDefault(name, raw, null);
    }

    public static int intOrDefault(String name, String raw, int fallback) {
        if (raw == null || raw.isBlank()) {
            return fallback;
        }
        try {
            return Integer.parseInt(raw.strip());
        } catch (NumberFormatException e) {
            throw ApiException.invalidParameter(name, "must be a whole number", raw);
        }
    }

    public static boolean booleanOrDefault(String name, String raw, boolean fallback) {
        if (raw == null || raw.isBlank()) {
            return fallback;
        }
        return switch (raw.strip().toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw ApiException.invalidParameter(name, "must be true or false", raw);
        };
    }

    /** Parses an enum constant case-insensitively; {@code null} when absent. */
    public static <E extends Enum<E>> E enumOrNull(String name, String raw, Class<E> type) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, raw.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ApiException.invalidParameter(
                    name, "must be one of " + java.util.Arrays.toString(type.getEnumConstants()), raw);
        }
    }
}
