package vn.parindex.dossier.domain;

/**
 * A date of the Vietnamese lunisolar calendar (âm lịch). {@code year} is the Gregorian year in which that lunar
 * year's Tết (1/1) falls, so 20/12 of the year that ends at Tết 2025 is {@code (2024, 12, 20, false)}. A leap
 * month (tháng nhuận) repeats the number of the month before it and has {@code leapMonth} set.
 */
public record LunarDate(int year, int month, int day, boolean leapMonth) {

    public LunarDate {
        if (month < 1 || month > 12 || day < 1 || day > 30) {
            throw new IllegalArgumentException("No such lunar date: " + day + "/" + month + "/" + year);
        }
    }

    /** A date in a month that is not a leap month. */
    public static LunarDate of(int year, int month, int day) {
        return new LunarDate(year, month, day, false);
    }

    @Override
    public String toString() {
        return day + "/" + month + (leapMonth ? " (leap)" : "") + "/" + year;
    }
}
