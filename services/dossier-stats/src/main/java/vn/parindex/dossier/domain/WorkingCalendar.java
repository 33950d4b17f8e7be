package vn.parindex.dossier.domain;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * Working days of Vietnamese administrative bodies: Monday to Friday, less the weekday days off, plus the
 * make-up Saturdays (Labour Code 2019 art. 111–112 and the yearly schedules). Procedure deadlines count in
 * these days: counting starts on the working day after receipt (Decree 61/2018/NĐ-CP), so a dossier received
 * on a Friday with a 3-day deadline is due on the Wednesday after.
 *
 * <p>The days given are the stored ones. A year none of them belongs to (by {@link CalendarDay#year()}, the
 * schedule year) has no official schedule yet: its days off are the {@link ProvisionalHolidays}, computed on first
 * use, so deadlines still skip Tết. Stored days of a year always replace its provisional ones.
 */
public final class WorkingCalendar {

    /** Longest stretch without a working day that a schedule can hold (Tết and its weekends). */
    private static final int MAX_DAYS_SCANNED = 3_660;

    private static final int YEARS = LunarCalendar.LAST_YEAR - LunarCalendar.FIRST_YEAR + 1;

    private final Set<LocalDate> daysOff = new HashSet<>();
    private final Set<LocalDate> makeupDays = new HashSet<>();

    /** By year from {@link LunarCalendar#FIRST_YEAR}: whether the year has stored days. */
    private final boolean[] stored = new boolean[YEARS];

    /** By year from {@link LunarCalendar#FIRST_YEAR}: its provisional days off, computed when first asked for. */
    private final AtomicReferenceArray<Set<LocalDate>> provisional = new AtomicReferenceArray<>(YEARS);

    public WorkingCalendar(Collection<CalendarDay> days) {
        for (CalendarDay d : days) {
            if (ProvisionalHolidays.covers(d.year())) {
                stored[d.year() - LunarCalendar.FIRST_YEAR] = true;
            }
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
        return dow != DayOfWeek.SATURDAY
                && dow != DayOfWeek.SUNDAY
                && !daysOff.contains(day)
                && !provisionalDaysOff(day.getYear()).contains(day);
    }

    /** Whether {@code year} has no stored days, so that its days off are the provisional ones. */
    public boolean isProvisional(int year) {
        return ProvisionalHolidays.covers(year) && !stored[year - LunarCalendar.FIRST_YEAR];
    }

    private Set<LocalDate> provisionalDaysOff(int year) {
        if (!isProvisional(year)) {
            return Set.of();
        }
        int index = year - LunarCalendar.FIRST_YEAR;
        Set<LocalDate> days = provisional.get(index);
        if (days == null) {
            Set<LocalDate> computed = new HashSet<>();
            ProvisionalHolidays.forYear(year).forEach(d -> computed.add(d.date()));
            provisional.compareAndSet(index, null, Set.copyOf(computed));
            days = provisional.get(index);
        }
        return days;
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
