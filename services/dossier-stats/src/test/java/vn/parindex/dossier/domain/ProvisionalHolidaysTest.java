package vn.parindex.dossier.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ProvisionalHolidaysTest {

    /**
     * The weekday days off of the official schedules that the rule does not give: the swapped bridge days (nghỉ
     * hoán đổi), each paid back by a make-up Saturday, which only a decision of the year can grant.
     */
    private static final Set<LocalDate> SWAPPED_DAYS = Set.of(
            LocalDate.of(2018, 12, 31),
            LocalDate.of(2019, 4, 29),
            LocalDate.of(2024, 4, 29),
            LocalDate.of(2025, 5, 2),
            LocalDate.of(2026, 1, 2),
            LocalDate.of(2026, 8, 31));

    @ParameterizedTest(name = "{0}")
    @ValueSource(ints = {2019, 2020, 2021, 2022, 2023, 2024, 2025, 2026})
    void shouldGiveTheOfficialDaysOffLessTheSwappedBridgeDays(int year) {
        Set<LocalDate> official = OfficialCalendar.days().stream()
                .filter(d -> d.year() == year && d.kind() == CalendarDay.Kind.HOLIDAY)
                .map(CalendarDay::date)
                .collect(Collectors.toCollection(TreeSet::new));
        Set<LocalDate> provisional = dates(ProvisionalHolidays.forYear(year));

        for (LocalDate day : provisional) {
            assertFalse(isWeekend(day), () -> day + " is a weekend day");
            assertTrue(official.contains(day), () -> day + " is not a day off in the official schedule of " + year);
        }
        Set<LocalDate> onlyOfficial = new TreeSet<>(official);
        onlyOfficial.removeAll(provisional);
        Set<LocalDate> swapped =
                SWAPPED_DAYS.stream().filter(d -> official.contains(d)).collect(Collectors.toCollection(TreeSet::new));
        assertEquals(swapped, onlyOfficial);
    }

    @Test
    void shouldMatchTheOfficialSchedulesOf2025And2026ExceptTheirSwaps() {
        assertEquals(
                List.of(
                        LocalDate.of(2025, 1, 1),
                        LocalDate.of(2025, 1, 27), // 28 Chạp, for mùng 4 on Saturday 1/2
                        LocalDate.of(2025, 1, 28), // 29 Chạp, the last day of the year
                        LocalDate.of(2025, 1, 29),
                        LocalDate.of(2025, 1, 30),
                        LocalDate.of(2025, 1, 31),
                        LocalDate.of(2025, 4, 7),
                        LocalDate.of(2025, 4, 30),
                        LocalDate.of(2025, 5, 1),
                        LocalDate.of(2025, 9, 1), // 2/9 on a Tuesday: the Monday before
                        LocalDate.of(2025, 9, 2)),
                List.copyOf(dates(ProvisionalHolidays.forYear(2025))));
        assertEquals(
                List.of(
                        LocalDate.of(2026, 1, 1),
                        LocalDate.of(2026, 2, 16),
                        LocalDate.of(2026, 2, 17),
                        LocalDate.of(2026, 2, 18),
                        LocalDate.of(2026, 2, 19),
                        LocalDate.of(2026, 2, 20),
                        LocalDate.of(2026, 4, 27), // Hùng Kings on Sunday 26/4
                        LocalDate.of(2026, 4, 30),
                        LocalDate.of(2026, 5, 1),
                        LocalDate.of(2026, 9, 1), // 2/9 on a Wednesday: the day before
                        LocalDate.of(2026, 9, 2)),
                List.copyOf(dates(ProvisionalHolidays.forYear(2026))));
    }

    @Test
    void shouldKeepTet2027InOnePieceAroundItsWeekend() {
        // Tết 2027 is Saturday 6/2: 29 Chạp Fri 5/2, mùng 1–2 on the weekend, mùng 3–4 Mon 8/2 – Tue 9/2; the two
        // weekend days are made up on Thu 4/2 (28 Chạp) and Wed 10/2 (mùng 5): days off Thu 4/2 – Wed 10/2.
        List<CalendarDay> tet = ProvisionalHolidays.forYear(2027).stream()
                .filter(d -> d.date().getMonthValue() == 2)
                .toList();
        assertEquals(
                List.of(
                        LocalDate.of(2027, 2, 4),
                        LocalDate.of(2027, 2, 5),
                        LocalDate.of(2027, 2, 8),
                        LocalDate.of(2027, 2, 9),
                        LocalDate.of(2027, 2, 10)),
                tet.stream().map(CalendarDay::date).toList());
        assertEquals(
                "Tết Nguyên đán (Tết Âm lịch) - 29 tháng Chạp (ngày cuối năm) (dự kiến)",
                tet.get(1).nameVi());
        assertEquals(
                "Tết Nguyên đán (Tết Âm lịch) - mùng 5 (nghỉ bù) (dự kiến)",
                tet.get(4).nameVi());
    }

    @Test
    void shouldMoveAWeekendHolidayToTheNextWorkingDayThatIsNotOff() {
        // 2027: 1/5 is a Saturday, taken on Monday 3/5.
        assertTrue(dates(ProvisionalHolidays.forYear(2027)).contains(LocalDate.of(2027, 5, 3)));
        // 2023: Hùng Kings Sat 29/4 and 30/4 Sun, with 1/5 a Monday holiday: Tuesday 2/5 and Wednesday 3/5.
        Set<LocalDate> y2023 = dates(ProvisionalHolidays.forYear(2023));
        assertTrue(y2023.containsAll(
                Set.of(LocalDate.of(2023, 5, 1), LocalDate.of(2023, 5, 2), LocalDate.of(2023, 5, 3))));
        // 1947 is the one year of 1900–2199 with Hùng Kings on 30/4: the second holiday moves as a weekend one.
        assertTrue(dates(ProvisionalHolidays.forYear(1947)).contains(LocalDate.of(1947, 5, 2)));
    }

    @ParameterizedTest(name = "2/9 on {0} → {1}")
    @CsvSource({"MONDAY, 3", "TUESDAY, 1", "WEDNESDAY, 1", "THURSDAY, 3", "FRIDAY, 1", "SATURDAY, 1", "SUNDAY, 3"})
    void shouldPutTheDayBesideNationalDayAgainstAWeekend(DayOfWeek weekday, int dayOfSeptember) {
        LocalDate nationalDay = LocalDate.of(2027, 9, 2);
        while (nationalDay.getDayOfWeek() != weekday) {
            nationalDay = nationalDay.plusYears(1);
        }
        assertEquals(
                LocalDate.of(nationalDay.getYear(), 9, dayOfSeptember),
                ProvisionalHolidays.nationalDayAdjacent(nationalDay));
    }

    @Test
    void shouldMarkEveryDayAsAProvisionalHolidayOfItsYear() {
        for (int year = 2027; year <= 2040; year++) {
            List<CalendarDay> days = ProvisionalHolidays.forYear(year);
            // 11 statutory days, those on weekends moved to weekdays.
            assertEquals(11, days.size(), "days off in " + year);
            for (CalendarDay d : days) {
                assertEquals(CalendarDay.Kind.HOLIDAY, d.kind());
                assertEquals(year, d.year());
                assertEquals(year, d.date().getYear());
                assertEquals(ProvisionalHolidays.SOURCE, d.source());
                assertTrue(d.nameVi().endsWith("(dự kiến)"), d.nameVi());
                assertTrue(d.nameEn().endsWith("(provisional)"), d.nameEn());
            }
        }
    }

    private static Set<LocalDate> dates(List<CalendarDay> days) {
        return days.stream().map(CalendarDay::date).collect(Collectors.toCollection(TreeSet::new));
    }

    private static boolean isWeekend(LocalDate day) {
        return day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY;
    }
}
