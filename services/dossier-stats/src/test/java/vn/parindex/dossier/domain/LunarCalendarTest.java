package vn.parindex.dossier.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.fail;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LunarCalendarTest {

    private static final LunarCalendar VIETNAM = LunarCalendar.VIETNAM;
    private static final LunarCalendar CHINA = new LunarCalendar(8);

    @ParameterizedTest(name = "Tết {0} = {1}")
    @CsvSource({
        "1985, 1985-01-21",
        "2019, 2019-02-05",
        "2020, 2020-01-25",
        "2021, 2021-02-12",
        "2022, 2022-02-01",
        "2023, 2023-01-22",
        "2024, 2024-02-10",
        "2025, 2025-01-29",
        "2026, 2026-02-17",
        "2027, 2027-02-06",
        "2028, 2028-01-26",
        "2030, 2030-02-02"
    })
    void shouldFindTetOnItsKnownDate(int year, LocalDate tet) {
        assertEquals(tet, VIETNAM.newYear(year));
        assertEquals(LunarDate.of(year, 1, 1), VIETNAM.toLunar(tet));
        LunarDate eve = VIETNAM.toLunar(tet.minusDays(1));
        assertEquals(year - 1, eve.year());
        assertEquals(12, eve.month());
    }

    @ParameterizedTest(name = "Hùng Kings {0} = {1}")
    @CsvSource({
        "2019, 2019-04-14",
        "2020, 2020-04-02",
        "2021, 2021-04-21",
        "2022, 2022-04-10",
        "2023, 2023-04-29",
        "2024, 2024-04-18",
        "2025, 2025-04-07",
        "2026, 2026-04-26"
    })
    void shouldFindHungKingsDayOnTheTenthOfTheThirdMonth(int year, LocalDate day) {
        assertEquals(day, VIETNAM.toGregorian(LunarDate.of(year, 3, 10)));
        assertEquals(LunarDate.of(year, 3, 10), VIETNAM.toLunar(day));
    }

    @Test
    void shouldComputeTheCalendarAtUtcPlus7NotUtcPlus8() {
        // The winter solstice of 1984 came at 16:18 UT on 21 December: 23:18 on the 21st at UTC+7, but 00:18 on
        // the 22nd at UTC+8, the first day of a new month. At UTC+8 that month holds the solstice and is month
        // 11, so Tết is two months on, 20 February; at UTC+7 month 11 began on 23 November, Tết on 21 January.
        assertEquals(LocalDate.of(1985, 1, 21), VIETNAM.newYear(1985));
        assertEquals(LocalDate.of(1985, 2, 20), CHINA.newYear(1985));
        // New moons just before midnight at UTC+7 are the next day at UTC+8: Tết 1968 and 2007 a day apart.
        assertEquals(LocalDate.of(1968, 1, 29), VIETNAM.newYear(1968));
        assertEquals(LocalDate.of(1968, 1, 30), CHINA.newYear(1968));
        assertEquals(LocalDate.of(2007, 2, 17), VIETNAM.newYear(2007));
        assertEquals(LocalDate.of(2007, 2, 18), CHINA.newYear(2007));
        // The new moon of 2 February 2030 comes at about 16:08 UT: 23:08 in Hanoi, 00:08 on the 3rd in Beijing.
        // Tết 2030 is Saturday 2 February in Vietnam; 3 February is the Chinese New Year.
        assertEquals(LocalDate.of(2030, 2, 2), VIETNAM.newYear(2030));
        assertEquals(LocalDate.of(2030, 2, 3), CHINA.newYear(2030));
    }

    @Test
    void shouldNumberALeapMonthAfterTheMonthItRepeats() {
        // 2023 has a leap 2nd month: 1/2 on 20 February, 1/2 (leap) on 22 March, 1/3 on 20 April.
        assertEquals(LunarDate.of(2023, 2, 1), VIETNAM.toLunar(LocalDate.of(2023, 2, 20)));
        assertEquals(new LunarDate(2023, 2, 1, true), VIETNAM.toLunar(LocalDate.of(2023, 3, 22)));
        assertEquals(LunarDate.of(2023, 3, 1), VIETNAM.toLunar(LocalDate.of(2023, 4, 20)));
        assertEquals(LocalDate.of(2023, 3, 22), VIETNAM.toGregorian(new LunarDate(2023, 2, 1, true)));
        // 2025: leap 6th month; 2033: the rare leap 11th month, still before Tết 2034.
        assertEquals(new LunarDate(2025, 6, 1, true), VIETNAM.toLunar(LocalDate.of(2025, 7, 25)));
        assertEquals(LunarDate.of(2033, 11, 1), VIETNAM.toLunar(LocalDate.of(2033, 11, 22)));
        assertEquals(new LunarDate(2033, 11, 1, true), VIETNAM.toLunar(LocalDate.of(2033, 12, 22)));
        assertEquals(LocalDate.of(2034, 2, 19), VIETNAM.newYear(2034));
    }

    @Test
    void shouldEndALunarYearOnThe29thOrThe30thOfTheTwelfthMonth() {
        assertEquals(LocalDate.of(2024, 2, 9), VIETNAM.lastDayOfYear(2023));
        assertEquals(LunarDate.of(2023, 12, 30), VIETNAM.toLunar(LocalDate.of(2024, 2, 9)));
        assertEquals(LocalDate.of(2025, 1, 28), VIETNAM.lastDayOfYear(2024));
        assertEquals(LunarDate.of(2024, 12, 29), VIETNAM.toLunar(LocalDate.of(2025, 1, 28)));
        assertEquals(LunarDate.of(2024, 12, 1), VIETNAM.toLunar(LocalDate.of(2024, 12, 31)));
    }

    @Test
    void shouldRefuseDatesThatDoNotExist() {
        assertThrows(IllegalArgumentException.class, () -> VIETNAM.toGregorian(LunarDate.of(2024, 12, 30)));
        assertThrows(IllegalArgumentException.class, () -> VIETNAM.toGregorian(new LunarDate(2024, 2, 1, true)));
        assertThrows(IllegalArgumentException.class, () -> VIETNAM.toGregorian(new LunarDate(2023, 3, 1, true)));
        assertThrows(IllegalArgumentException.class, () -> LunarDate.of(2024, 13, 1));
        assertThrows(IllegalArgumentException.class, () -> VIETNAM.toLunar(LocalDate.of(2200, 1, 1)));
    }

    @Test
    void shouldConvertEveryDayOf2000To2100BackToItself() {
        LunarDate previous = VIETNAM.toLunar(LocalDate.of(1999, 12, 31));
        for (LocalDate d = LocalDate.of(2000, 1, 1); d.getYear() <= 2100; d = d.plusDays(1)) {
            LunarDate lunar = VIETNAM.toLunar(d);
            if (!VIETNAM.toGregorian(lunar).equals(d)) {
                fail(d + " → " + lunar + " → " + VIETNAM.toGregorian(lunar));
            }
            // Days follow each other: the next day of the month, or day 1 after day 29 or 30.
            boolean next = lunar.day() == previous.day() + 1 && lunar.month() == previous.month();
            boolean newMonth = lunar.day() == 1 && (previous.day() == 29 || previous.day() == 30);
            if (!next && !newMonth) {
                fail(previous + " then " + lunar + " on " + d);
            }
            previous = lunar;
        }
    }
}
