package vn.parindex.registry.domain;

import java.util.regex.Pattern;

/**
 * Official unit codes. Administrative units carry their GSO code (province 2 digits, district 3, commune 5);
 * agencies, which have no GSO code, carry an upper-case code that starts with a letter or with the province code
 * and a dot ({@code 15.SNV}).
 */
public final class UnitCodes {

    /** What a well-formed unit code is, as a 400 says it. */
    public static final String EXPECTED =
            "must be an official unit code (2, 3 or 5 digits) or an agency code such as 15.SNV";

    private static final Pattern ANY =
            Pattern.compile("\\d{2}|\\d{3}|\\d{5}|[A-Z][A-Z0-9._-]{1,31}|\\d{2}\\.[A-Z0-9._-]{1,29}");

    private UnitCodes() {}

    /** Whether {@code code} has the shape of some unit code (used on path parameters). */
    public static boolean isWellFormed(String code) {
        return code != null && ANY.matcher(code).matches();
    }

    /** Why {@code code} cannot be the code of a unit of {@code level}, or {@code null} when it can. */
    public static String problemFor(String code, Level level) {
        if (code == null || code.isBlank()) {
            return "is required";
        }
        return switch (level) {
            case PROVINCE -> code.matches("\\d{2}") ? null : "must be the 2-digit GSO code of a province";
            case DISTRICT -> code.matches("\\d{3}") ? null : "must be the 3-digit GSO code of a district";
            case COMMUNE -> code.matches("\\d{5}") ? null : "must be the 5-digit GSO code of a commune";
            case AGENCY ->
                isWellFormed(code) && !code.matches("\\d+")
                        ? null
                        : "must be an agency code: upper-case letters, digits, '.', '-' or '_', starting with a"
                                + " letter or with the province code and a dot (e.g. 15.SNV)";
        };
    }
}
