package vn.parindex.dossier.service;

import io.agroal.api.AgroalDataSource;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import vn.parindex.common.api.ApiException;
import vn.parindex.common.api.FieldError;
import vn.parindex.dossier.DossierError;
import vn.parindex.dossier.domain.CalendarDay;
import vn.parindex.dossier.domain.OfficialCalendar;
import vn.parindex.dossier.domain.ProvisionalHolidays;
import vn.parindex.dossier.domain.WorkingCalendar;

/**
 * The working-day calendar: the official days shipped with the service are stored on first start; a year's
 * exceptions can be replaced through the API as new schedules are announced. Due dates are computed from the
 * calendar held in memory, which is rebuilt after every change. A year without stored days uses the
 * {@link ProvisionalHolidays} until its schedule is stored.
 */
@ApplicationScoped
public class CalendarService {

    private final AgroalDataSource dataSource;
    private volatile WorkingCalendar calendar;

    public CalendarService(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    void onStart(@Observes @Priority(100) StartupEvent event) {
        seedIfEmpty();
        reload();
    }

    public WorkingCalendar calendar() {
        WorkingCalendar c = calendar;
        if (c == null) {
            reload();
            c = calendar;
        }
        return c;
    }

    /** A schedule year's days: the stored ones, or the provisional ones ({@code provisional}) when none are. */
    public record YearDays(int year, List<CalendarDay> days, boolean provisional) {}

    /** The days of schedule year {@code year} as due dates count them. */
    public YearDays daysOfYear(int year) {
        List<CalendarDay> stored = query(
                "SELECT day, kind, name_vi, name_en, year, source FROM calendar_day WHERE year = ? ORDER BY day", year);
        if (stored.isEmpty() && ProvisionalHolidays.covers(year)) {
            return new YearDays(year, ProvisionalHolidays.forYear(year), true);
        }
        return new YearDays(year, stored, false);
    }

    /**
     * Replaces the exceptions of {@code year} (all or nothing) and returns the year as it now counts: an empty
     * list hands the year back to the provisional days.
     */
    public YearDays replaceYear(int year, List<CalendarDay> days) {
        List<FieldError> errors = new ArrayList<>();
        Set<LocalDate> seen = new HashSet<>();
        for (int i = 0; i < days.size(); i++) {
            CalendarDay d = days.get(i);
            String path = "days[" + i + "]";
            if (d.date() == null || d.kind() == null) {
                errors.add(FieldError.of(path, "date and kind are required"));
                continue;
            }
            if (!seen.add(d.date())) {
                errors.add(FieldError.of(
                        path + ".date", "is listed twice", d.date().toString()));
            }
            if (Math.abs(d.date().getYear() - year) > 1) {
                errors.add(FieldError.of(
                        path + ".date", "is not near year " + year, d.date().toString()));
            }
            boolean weekend =
                    d.date().getDayOfWeek() == DayOfWeek.SATURDAY || d.date().getDayOfWeek() == DayOfWeek.SUNDAY;
            if (d.kind() == CalendarDay.Kind.HOLIDAY && weekend) {
                errors.add(FieldError.of(
                        path + ".kind",
                        "a weekend day is off anyway; list the weekday it moves to",
                        d.date().toString()));
            }
            if (d.kind() == CalendarDay.Kind.MAKEUP_WORKDAY && !weekend) {
                errors.add(FieldError.of(
                        path + ".kind",
                        "a make-up working day is a Saturday or Sunday",
                        d.date().toString()));
            }
        }
        if (!errors.isEmpty()) {
            throw new ApiException(
                    DossierError.INVALID_CALENDAR, errors.size() + " problem(s) in the calendar of " + year, errors);
        }
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement del = c.prepareStatement("DELETE FROM calendar_day WHERE year = ?")) {
                del.setInt(1, year);
                del.executeUpdate();
            }
            insert(
                    c,
                    days.stream()
                            .map(d -> new CalendarDay(d.date(), d.kind(), d.nameVi(), d.nameEn(), year, d.source()))
                            .toList());
            c.commit();
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot store the calendar of " + year, e);
        }
        reload();
        return daysOfYear(year);
    }

    private void seedIfEmpty() {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try (Statement s = c.createStatement()) {
                s.execute("LOCK TABLE calendar_day IN EXCLUSIVE MODE");
                try (ResultSet rs = s.executeQuery("SELECT count(*) FROM calendar_day")) {
                    rs.next();
                    if (rs.getLong(1) > 0) {
                        c.rollback();
                        return;
                    }
                }
            }
            insert(c, OfficialCalendar.days());
            c.commit();
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot store the official calendar", e);
        }
    }

    private void reload() {
        calendar =
                new WorkingCalendar(query("SELECT day, kind, name_vi, name_en, year, source FROM calendar_day", null));
    }

    private static void insert(Connection c, List<CalendarDay> days) throws SQLException {
        try (PreparedStatement p = c.prepareStatement(
                "INSERT INTO calendar_day (day, kind, name_vi, name_en, year, source) VALUES (?, ?, ?, ?, ?, ?)")) {
            for (CalendarDay d : days) {
                p.setDate(1, Date.valueOf(d.date()));
                p.setString(2, d.kind().name());
                p.setString(3, d.nameVi());
                p.setString(4, d.nameEn());
                p.setInt(5, d.year());
                p.setString(6, d.source());
                p.addBatch();
            }
            p.executeBatch();
        }
    }

    private List<CalendarDay> query(String sql, Integer year) {
        List<CalendarDay> days = new ArrayList<>();
        try (Connection c = dataSource.getConnection();
                PreparedStatement p = c.prepareStatement(sql)) {
            if (year != null) {
                p.setInt(1, year);
            }
            try (ResultSet rs = p.executeQuery()) {
                while (rs.next()) {
                    days.add(new CalendarDay(
                            rs.getDate(1).toLocalDate(),
                            CalendarDay.Kind.valueOf(rs.getString(2)),
                            rs.getString(3),
                            rs.getString(4),
                            rs.getInt(5),
                            rs.getString(6)));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read the calendar", e);
        }
        return days;
    }
}
