package vn.parindex.dossier.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class WorkingCalendarTest {

    private static final WorkingCalendar OFFICIAL = new WorkingCalendar(OfficialCalendar.days());

    @Test
    void shouldLoadEveryOfficialRow() {
        assertEquals(98, OfficialCalendar.days().size());
    }

    @Test
    void shouldCarryADeadlineOverTet2025() {
        // Tết 2025: days off Sat 25/1 – Sun 2/2. Received Thu 23/1 with 3 working days: Fri 24/1, Mon 3/2, Tue 4/2.
        assertEquals(LocalDate.of(2025, 2, 4), OFFICIAL.dueDate(LocalDate.of(2025, 1, 23), 3));
        // Received on the last working day before Tết, 1 working day: the first working day after it.
        assertEquals(LocalDate.of(2025, 2, 3), OFFICIAL.dueDate(LocalDate.of(2025, 1, 24), 1));
        assertFalse(OFFICIAL.isWorkingDay(LocalDate.of(2025, 1, 27)));
        assertFalse(OFFICIAL.isWorkingDay(LocalDate.of(2025, 1, 31)));
    }

    @Test
    void shouldCountAMakeUpSaturdayAsAWorkingDay() {
        // 2025: Fri 2/5 swapped, made up on Sat 26/4. Received Fri 25/4, 2 working days: Sat 26/4 and Mon 28/4.
        assertTrue(OFFICIAL.isWorkingDay(LocalDate.of(2025, 4, 26)));
        assertEquals(LocalDate.of(2025, 4, 28), OFFICIAL.dueDate(LocalDate.of(2025, 4, 25), 2));
        // Received Tue 29/4, 2 working days: 30/4, 1/5, 2/5 are off, then Mon 5/5 and Tue 6/5.
        assertEquals(LocalDate.of(2025, 5, 6), OFFICIAL.dueDate(LocalDate.of(2025, 4, 29), 2));
    }

    @Test
    void shouldStartCountingOnTheNextWorkingDayAfterAWeekendReceipt() {
        // An online dossier received on Sat 8/3/2025 with 1 working day is due Mon 10/3.
        assertEquals(LocalDate.of(2025, 3, 10), OFFICIAL.dueDate(LocalDate.of(2025, 3, 8), 1));
        assertEquals(LocalDate.of(2025, 3, 8), OFFICIAL.dueDate(LocalDate.of(2025, 3, 8), 0));
    }

    @Test
    void shouldCountWorkingDaysBetweenTwoDates() {
        assertEquals(3, OFFICIAL.workingDaysBetween(LocalDate.of(2025, 1, 23), LocalDate.of(2025, 2, 4)));
        assertEquals(0, OFFICIAL.workingDaysBetween(LocalDate.of(2025, 1, 24), LocalDate.of(2025, 2, 2)));
    }

    @Test
    void shouldSkipProvisionalTetInAYearWithoutAStoredSchedule() {
        // 2027 is not shipped: Tết days off are Thu 4/2 – Wed 10/2. Received Wed 3/2 with 3 working days:
        // Thu 11/2, Fri 12/2, Mon 15/2.
        assertTrue(OFFICIAL.isProvisional(2027));
        assertFalse(OFFICIAL.isProvisional(2026));
        assertFalse(OFFICIAL.isWorkingDay(LocalDate.of(2027, 2, 4)));
        assertFalse(OFFICIAL.isWorkingDay(LocalDate.of(2027, 2, 10)));
        assertEquals(LocalDate.of(2027, 2, 15), OFFICIAL.dueDate(LocalDate.of(2027, 2, 3), 3));
        // 2030: Tết Saturday 2/2, days off Thu 31/1 – Wed 6/2.
        assertEquals(LocalDate.of(2030, 2, 7), OFFICIAL.dueDate(LocalDate.of(2030, 1, 30), 1));
    }

    @Test
    void shouldLetAStoredYearReplaceAllItsProvisionalDays() {
        List<CalendarDay> days = new ArrayList<>(OfficialCalendar.days());
        days.add(new CalendarDay(
                LocalDate.of(2027, 2, 11), CalendarDay.Kind.HOLIDAY, "Tết", "Tet", 2027, "a 2027 schedule"));
        WorkingCalendar stored2027 = new WorkingCalendar(days);

        assertFalse(stored2027.isProvisional(2027));
        assertTrue(stored2027.isWorkingDay(LocalDate.of(2027, 2, 4)));
        assertTrue(stored2027.isWorkingDay(LocalDate.of(2027, 1, 1)));
        assertFalse(stored2027.isWorkingDay(LocalDate.of(2027, 2, 11)));
        assertEquals(LocalDate.of(2027, 2, 4), stored2027.dueDate(LocalDate.of(2027, 2, 3), 1));
        // A neighbouring year without a schedule keeps its provisional days.
        assertFalse(stored2027.isWorkingDay(LocalDate.of(2028, 1, 26)));
    }

    @Test
    void shouldNotMixProvisionalDaysIntoAShippedYear() {
        // The rule would give no swapped day; the official 2025 schedule swaps Fri 2/5 for Sat 26/4.
        assertFalse(OFFICIAL.isWorkingDay(LocalDate.of(2025, 5, 2)));
        assertTrue(OFFICIAL.isWorkingDay(LocalDate.of(2025, 4, 26)));
        // A calendar with only a 2026 make-up Saturday stored has no Tết in 2026: stored days replace the rule.
        WorkingCalendar onlyOneDay = new WorkingCalendar(List.of(
                new CalendarDay(LocalDate.of(2026, 1, 10), CalendarDay.Kind.MAKEUP_WORKDAY, "x", "x", 2026, "test")));
        assertTrue(onlyOneDay.isWorkingDay(LocalDate.of(2026, 2, 17)));
        assertFalse(onlyOneDay.isWorkingDay(LocalDate.of(2025, 1, 29)));
    }
}
