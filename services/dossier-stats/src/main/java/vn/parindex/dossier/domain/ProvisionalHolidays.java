package vn.parindex.dossier.domain;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The days off of a year computed from the law, for years whose official schedule is not stored (yet): the
 * statutory holidays of the Labour Code 2019 art. 112(1), on Monday–Friday, with a compensatory working day for
 * each that falls on a weekend (art. 111(3)). Where the law leaves the days to the Prime Minister (art. 112(3): the
 * five Tết days and the day beside National Day) a fixed rule stands in, chosen to reproduce the schedules of
 * 2019–2026; the swapped bridge days and their make-up Saturdays that schedules often add are never guessed.
 * Every day is marked provisional in its names and {@link #SOURCE}.
 */
public final class ProvisionalHolidays {

    public static final String SOURCE = "Provisional: Labour Code 2019 art. 112 (computed)";

    /** The first year with two National Day days: the Labour Code 2019 came into force on 1 January 2021. */
    static final int TWO_DAY_NATIONAL_DAY_FROM = 2021;

    private static final LunarCalendar LUNAR = LunarCalendar.VIETNAM;

    private ProvisionalHolidays() {}

    /** Whether days off can be computed for {@code year} (the years of the lunar calendar). */
    public static boolean covers(int year) {
        return year >= LunarCalendar.FIRST_YEAR && year <= LunarCalendar.LAST_YEAR;
    }

    /**
     * The weekday days off of {@code year} by date, each a {@link CalendarDay.Kind#HOLIDAY} of schedule year
     * {@code year}.
     *
     * @throws IllegalArgumentException for a year outside the lunar calendar ({@link #covers})
     */
    public static List<CalendarDay> forYear(int year) {
        if (!covers(year)) {
            throw new IllegalArgumentException("No provisional holidays for " + year);
        }
        Map<LocalDate, CalendarDay> off = new TreeMap<>();
        List<Holiday> moved = new ArrayList<>();
        for (Holiday h : fixedHolidays(year)) {
            if (isWeekend(h.date()) || off.containsKey(h.date())) {
                moved.add(h);
            } else {
                off.put(h.date(), h.toDay(year));
            }
        }
        addTet(year, off);
        // Art. 111(3): a holiday on a weekend is taken on the next working day that is not itself a day off.
        for (Holiday h : moved) {
            LocalDate day = nextFreeWeekday(h.date(), off);
            String why = isWeekend(h.date())
                    ? " - nghỉ bù (" + dayMonth(h.date()) + " là " + weekendVi(h.date()) + ")"
                    : " - nghỉ bù (trùng ngày nghỉ khác)";
            String whyEn = isWeekend(h.date())
                    ? " - compensatory day off (" + h.date() + " is a " + weekendEn(h.date()) + ")"
                    : " - compensatory day off (coincides with another holiday)";
            off.put(day, new Holiday(day, h.nameVi() + why, h.nameEn() + whyEn).toDay(year));
        }
        return List.copyOf(off.values());
    }

    /** The holidays on fixed dates, by date: New Year, Hùng Kings, 30/4, 1/5, National Day and its adjacent day. */
    private static List<Holiday> fixedHolidays(int year) {
        List<Holiday> days = new ArrayList<>();
        days.add(new Holiday(LocalDate.of(year, 1, 1), "Tết Dương lịch (1/1)", "New Year's Day (1 January)"));
        days.add(new Holiday(
                LUNAR.toGregorian(LunarDate.of(year, 3, 10)),
                "Giỗ Tổ Hùng Vương (10/3 âm lịch)",
                "Hung Kings Commemoration Day (10th day of the 3rd lunar month)"));
        days.add(new Holiday(LocalDate.of(year, 4, 30), "Ngày Chiến thắng (30/4)", "Reunification Day (30 April)"));
        days.add(new Holiday(
                LocalDate.of(year, 5, 1), "Ngày Quốc tế Lao động (1/5)", "International Labour Day (1 May)"));
        LocalDate nationalDay = LocalDate.of(year, 9, 2);
        if (year >= TWO_DAY_NATIONAL_DAY_FROM) {
            LocalDate adjacent = nationalDayAdjacent(nationalDay);
            boolean before = adjacent.isBefore(nationalDay);
            days.add(new Holiday(
                    adjacent,
                    "Quốc khánh (ngày nghỉ liền kề " + (before ? "trước" : "sau") + " 2/9)",
                    "National Day holiday (adjacent day " + (before ? "before" : "after") + " 2 Sep)"));
        }
        days.add(new Holiday(nationalDay, "Quốc khánh (2/9)", "National Day (2 September)"));
        days.sort((a, b) -> a.date().compareTo(b.date()));
        return days;
    }

    /**
     * The day beside 2/9 (art. 112(1)(đ): "the day immediately before or after", chosen each year by the Prime
     * Minister): the one that joins the break to a weekend, so 3/9 when 2/9 is a Monday, a Thursday or a Sunday,
     * otherwise 1/9 (and 1/9 for a Wednesday, where neither does). Every schedule of 2021–2026 chose so.
     */
    static LocalDate nationalDayAdjacent(LocalDate nationalDay) {
        return switch (nationalDay.getDayOfWeek()) {
            case MONDAY, THURSDAY, SUNDAY -> nationalDay.plusDays(1);
            default -> nationalDay.minusDays(1);
        };
    }

    /**
     * Tết (art. 112(1)(b), 5 days): the last day of the old lunar year (29 or 30 of month 12) and days 1–4 of month
     * 1. Each of them that falls on a weekend is made up by a working day at alternate ends of the break, first
     * the working day before it, then the one after it, as the schedules of 2020, 2021, 2023, 2024 and 2025 did
     * (the next-working-day rule of art. 111(3) would put them all after Tết, which none of them did).
     */
    private static void addTet(int year, Map<LocalDate, CalendarDay> off) {
        LocalDate first = LUNAR.lastDayOfYear(year - 1);
        LocalDate last = first.plusDays(4);
        int onWeekend = 0;
        for (LocalDate d = first; !d.isAfter(last); d = d.plusDays(1)) {
            if (isWeekend(d)) {
                onWeekend++;
            } else {
                off.put(d, tetDay(d, "", "").toDay(year));
            }
        }
        LocalDate before = first;
        LocalDate after = last;
        for (int i = 0; i < onWeekend; i++) {
            LocalDate day;
            if (i % 2 == 0) {
                do {
                    before = before.minusDays(1);
                } while (isWeekend(before) || off.containsKey(before));
                day = before;
            } else {
                after = nextFreeWeekday(after, off);
                day = after;
            }
            off.put(day, tetDay(day, " (nghỉ bù)", " (compensatory day off)").toDay(year));
        }
    }

    private static Holiday tetDay(LocalDate date, String noteVi, String noteEn) {
        LunarDate lunar = LUNAR.toLunar(date);
        boolean eve = LUNAR.toLunar(date.plusDays(1)).equals(LunarDate.of(lunar.year() + 1, 1, 1));
        String vi;
        String en;
        if (lunar.month() == 1) {
            vi = "mùng " + lunar.day();
            en = ordinal(lunar.day()) + " day";
        } else {
            vi = lunar.day() + " tháng Chạp" + (eve ? " (ngày cuối năm)" : "");
            en = eve
                    ? "Lunar New Year's Eve, " + ordinal(lunar.day()) + " of the 12th month"
                    : ordinal(lunar.day()) + " of the 12th month";
        }
        return new Holiday(
                date,
                "Tết Nguyên đán (Tết Âm lịch) - " + vi + noteVi,
                "Lunar New Year (Tet) holiday (" + en + ")" + noteEn);
    }

    private static LocalDate nextFreeWeekday(LocalDate from, Map<LocalDate, CalendarDay> off) {
        LocalDate day = from.plusDays(1);
        while (isWeekend(day) || off.containsKey(day)) {
            day = day.plusDays(1);
        }
        return day;
    }

    private static boolean isWeekend(LocalDate day) {
        return day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY;
    }

    private static String weekendVi(LocalDate day) {
        return day.getDayOfWeek() == DayOfWeek.SATURDAY ? "thứ Bảy" : "Chủ nhật";
    }

    private static String weekendEn(LocalDate day) {
        return day.getDayOfWeek() == DayOfWeek.SATURDAY ? "Saturday" : "Sunday";
    }

    private static String dayMonth(LocalDate day) {
        return day.getDayOfMonth() + "/" + day.getMonthValue();
    }

    private static String ordinal(int n) {
        String suffix =
                n % 10 == 1 && n != 11 ? "st" : n % 10 == 2 && n != 12 ? "nd" : n % 10 == 3 && n != 13 ? "rd" : "th";
        return n + suffix;
    }

    /** A statutory day before it is placed on the calendar. */
    private record Holiday(LocalDate date, String nameVi, String nameEn) {

        CalendarDay toDay(int year) {
            return new CalendarDay(
                    date, CalendarDay.Kind.HOLIDAY, nameVi + " (dự kiến)", nameEn + " (provisional)", year, SOURCE);
        }
    }
}
