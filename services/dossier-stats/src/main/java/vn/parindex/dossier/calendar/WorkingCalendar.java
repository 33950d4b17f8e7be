package vn.parindex.dossier.calendar;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashSet;
import java.util.Set;

/**
 * Working days of Vietnamese administrative bodies: Monday to Friday, less the weekday days off, plus the
 * make-up Saturdays (Labour Code 2019 art. 111–112 and the yearly schedules). Procedure deadlines count in
 * these days: counting starts on the working day after receipt (Decree 61/2018/NĐ-CP), so a dossier received
 * on a Friday with a 3-day deadline is due on the Wednesday after.
 */
public final class WorkingCalendar {

    /** Longest stretch without a working day that a schedule can hold (Tết and its weekends). */
    private static final int MAX_DAYS_SCANNED = 3_660;

    private final Set<LocalDate> daysOff = new HashSet<>();
    private final Set<LocalDate> makeupDays = new HashSet<>();

    public WorkingCalendar(Collection<CalendarDay> days) {
        for (CalendarDay d : days) {
            if (d.kind() == CalendarDay.Kind.HOLIDAY) {
                daysOff.add(d.date());
            } else {
                makeupDays.add(d.date());
            }
        }
    }

    public boolean isWorkingDay(LocalDate day) {
        if (makeupDays.contains(day)) {
            return true;
        }
        DayOfWeek dow = day.getDayOfWeek();
        return dow != DayOfWeek.SATURDAY && dow != DayOfWeek.SUNDAY && !daysOff.contains(day);
    }

    /**
     * The day a procedure with a deadline of {@code workingDays} is due when received on {@code received}: the
     * {@code workingDays}-th working day after the receipt day. A deadline of 0 is due the day it is received.
     */
    public LocalDate dueDate(LocalDate received, int workingDays) {
        if (workingDays < 0) {
            throw new IllegalArgumentException("A deadline cannot be negative: " + workingDays);
        }
        LocalDate day = received;
        int counted = 0;
        int scanned = 0;
        while (counted < workingDays) {
            day = day.plusDays(1);
            if (isWorkingDay(day)) {
                counted++;
            }
            if (++scanned > MAX_DAYS_SCANNED + workingDays * 2) {
                throw new IllegalStateException("No working days after " + received);
            }
        }
        return day;
    }

    /** Working days after {@code from} up to and including {@code to} (0 when {@code to} is not after it). */
    public int workingDaysBetween(LocalDate from, LocalDate to) {
        int count = 0;
        for (LocalDate d = from.plusDays(1); !d.isAfter(to); d = d.plusDays(1)) {
            if (isWorkingDay(d)) {
                count++;
            }
        }
        return count;
    }
}
