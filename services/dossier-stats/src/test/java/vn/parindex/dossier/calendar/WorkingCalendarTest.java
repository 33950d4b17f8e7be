package vn.parindex.dossier.calendar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
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
}
