package vn.parindex.dossier.domain;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import vn.parindex.dossier.CsvLine;

/**
 * The official days off and make-up working days of 2019–2026 shipped with the service
 * ({@code seed/calendar/}, sources in SOURCES.md beside it). Later years come through the API.
 */
public final class OfficialCalendar {

    static final String RESOURCE = "seed/calendar/vn_holidays_2019_2026.csv";

    private OfficialCalendar() {}

    public static List<CalendarDay> days() {
        InputStream in = OfficialCalendar.class.getClassLoader().getResourceAsStream(RESOURCE);
        if (in == null) {
            throw new IllegalStateException("Missing from the build: " + RESOURCE);
        }
        List<CalendarDay> days = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line = r.readLine(); // header
            while ((line = r.readLine()) != null) {
                if (line.isBlank()) {
                    continue;
                }
                List<String> f = CsvLine.split(line);
                days.add(new CalendarDay(
                        LocalDate.parse(f.get(0)),
                        CalendarDay.Kind.valueOf(f.get(1)),
                        f.get(2),
                        f.get(3),
                        Integer.parseInt(f.get(4)),
                        f.get(5)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return days;
    }
}
