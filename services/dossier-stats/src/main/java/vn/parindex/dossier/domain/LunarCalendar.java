package vn.parindex.dossier.domain;

import java.time.LocalDate;

/**
 * Converts Gregorian dates to and from the Vietnamese lunisolar calendar (âm lịch), computed from the Sun and the
 * Moon for the time zone UTC+7 ({@link #VIETNAM}), as in Hồ Ngọc Đức's published algorithm. The rules:
 *
 * <ol>
 *   <li>a month begins on the local day that holds a new moon (so a month has 29 or 30 days);
 *   <li>month 11 is the month that holds the winter solstice (the Sun at longitude 270°);
 *   <li>when 13 months begin from one month 11 to the next, the first of them, after month 11, during which the
 *       Sun enters no new 30° sign (a month without a major solar term, trung khí) is a leap month: it repeats
 *       the number of the month before it.
 * </ol>
 *
 * <p>The time zone matters: at UTC+8 (the Chinese calendar) a new moon just before midnight falls a day later, and
 * a solstice or a term can move to another month. Tết 1985 is the well-known case: 21 January in Vietnam, 20
 * February in China. Vietnam has computed its calendar at UTC+7 since 1968; earlier dates are given as UTC+7 would
 * have them. Valid for Gregorian years {@value #FIRST_YEAR}–{@value #LAST_YEAR}.
 *
 * <p>Checked day by day against Hồ Ngọc Đức's published tables: the same for every day of 1968–2053. The series of
 * {@link LunarAstronomy} are good to a few minutes, so a new moon that close to midnight can start its month a day
 * late: 8 months of 2054–2199 (the first on 2054-05-07) begin a day earlier in the tables.
 */
public final class LunarCalendar {

    public static final int FIRST_YEAR = 1900;
    public static final int LAST_YEAR = 2199;

    /** The Vietnamese calendar, UTC+7. */
    public static final LunarCalendar VIETNAM = new LunarCalendar(7);

    /** Julian Day Number of 1970-01-01, the epoch of {@link LocalDate#toEpochDay()}. */
    private static final long EPOCH_JDN = 2_440_588;

    private final double zoneDays;

    /** A lunisolar calendar computed for local time UTC+{@code utcOffsetHours} (8 gives the Chinese calendar). */
    LunarCalendar(int utcOffsetHours) {
        this.zoneDays = utcOffsetHours / 24.0;
    }

    /** The lunar date of a Gregorian date. */
    public LunarDate toLunar(LocalDate date) {
        checkRange(date.getYear(), FIRST_YEAR);
        long day = date.toEpochDay() + EPOCH_JDN;
        long lunation = lunationOn(day);
        // The months from one month 11 to the next: the one that holds this day's month.
        int solsticeYear = date.getYear();
        long month11 = month11(solsticeYear);
        if (month11 > lunation) {
            solsticeYear--;
            month11 = month11(solsticeYear);
        }
        int offset = (int) (lunation - month11);
        int leapOffset = leapOffset(solsticeYear, month11);
        // Number of the month in the year from month 11: 0 = month 11, 1 = month 12, 2 = month 1, ...
        int ordinal = offset >= leapOffset ? offset - 1 : offset;
        int month = (ordinal + 10) % 12 + 1;
        int year = ordinal < 2 ? solsticeYear : solsticeYear + 1;
        int dayOfMonth = (int) (day - newMoonDay(lunation)) + 1;
        return new LunarDate(year, month, dayOfMonth, offset == leapOffset);
    }

    /**
     * The Gregorian date of a lunar date.
     *
     * @throws IllegalArgumentException when the date does not exist: a leap month the year does not have, or day
     *     30 of a 29-day month
     */
    public LocalDate toGregorian(LunarDate date) {
        // Months 11 and 12 of lunar year Y follow the solstice of Y; months 1 to 10 follow that of Y - 1.
        int solsticeYear = date.month() >= 11 ? date.year() : date.year() - 1;
        // Lunar year FIRST_YEAR - 1 ends in early FIRST_YEAR, so its last months are in range too.
        checkRange(date.year(), FIRST_YEAR - 1);
        long month11 = month11(solsticeYear);
        int ordinal = date.month() >= 11 ? date.month() - 11 : date.month() + 1;
        int leapOffset = leapOffset(solsticeYear, month11);
        int offset;
        if (date.leapMonth()) {
            if (ordinal + 1 != leapOffset) {
                throw new IllegalArgumentException("Lunar year " + date.year() + " has no leap month " + date.month());
            }
            offset = leapOffset;
        } else {
            offset = ordinal >= leapOffset ? ordinal + 1 : ordinal;
        }
        long start = newMoonDay(month11 + offset);
        if (date.day() > newMoonDay(month11 + offset + 1) - start) {
            throw new IllegalArgumentException("Lunar month " + date.month() + "/" + date.year() + " has 29 days");
        }
        return LocalDate.ofEpochDay(start + date.day() - 1 - EPOCH_JDN);
    }

    /** Tết Nguyên đán: day 1 of month 1 of lunar year {@code year}. */
    public LocalDate newYear(int year) {
        return toGregorian(LunarDate.of(year, 1, 1));
    }

    /** The last day of lunar year {@code year} (29 or 30 of month 12): the eve of the next Tết (giao thừa). */
    public LocalDate lastDayOfYear(int year) {
        return newYear(year + 1).minusDays(1);
    }

    /** Julian Day Number of the local day that holds new moon {@code k}: the first day of that lunar month. */
    private long newMoonDay(long k) {
        return (long) Math.floor(LunarAstronomy.newMoon(k) + 0.5 + zoneDays);
    }

    /** The 30° sign (0–11) the Sun is in at the local midnight that begins day {@code jdn}. */
    private int sunSign(long jdn) {
        return (int) (LunarAstronomy.sunLongitude(jdn - 0.5 - zoneDays) / 30);
    }

    /** The number of the new moon that begins the lunar month holding day {@code jdn}. */
    private long lunationOn(long jdn) {
        long k = (long) Math.floor((jdn - LunarAstronomy.LUNATION_ZERO) / LunarAstronomy.SYNODIC_MONTH);
        while (newMoonDay(k + 1) <= jdn) {
            k++;
        }
        while (newMoonDay(k) > jdn) {
            k--;
        }
        return k;
    }

    /** The new moon that begins month 11 of Gregorian year {@code year}: the month of its winter solstice. */
    private long month11(int year) {
        long k = lunationOn(LocalDate.of(year, 12, 31).toEpochDay() + EPOCH_JDN);
        // A month starting in late December after the solstice (Sun already in sign 9, 270°–300°) is month 12.
        return sunSign(newMoonDay(k)) >= 9 ? k - 1 : k;
    }

    /**
     * The leap month after month 11 of {@code solsticeYear} (begun by new moon {@code month11}), as months after it
     * (1–12), or
     * {@link Integer#MAX_VALUE} when only 12 months begin before the next month 11.
     */
    private int leapOffset(int solsticeYear, long month11) {
        if (month11(solsticeYear + 1) - month11 < 13) {
            return Integer.MAX_VALUE;
        }
        for (int offset = 1; offset <= 12; offset++) {
            // No major term in the month: the Sun is in the same sign when it begins and when the next one begins.
            if (sunSign(newMoonDay(month11 + offset)) == sunSign(newMoonDay(month11 + offset + 1))) {
                return offset;
            }
        }
        throw new IllegalStateException("A 13-month year without a month lacking a major term at lunation " + month11);
    }

    private static void checkRange(int year, int first) {
        if (year < first || year > LAST_YEAR) {
            throw new IllegalArgumentException(
                    "The lunar calendar is computed for " + first + "–" + LAST_YEAR + ", not " + year);
        }
    }
}
