package vn.parindex.dossier.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;
import vn.parindex.common.api.ApiException;
import vn.parindex.common.api.Params;
import vn.parindex.common.api.Roles;
import vn.parindex.dossier.domain.CalendarDay;
import vn.parindex.dossier.service.CalendarService;

/** The working-day calendar: a year's days off and make-up days, due dates, working days between dates. */
@Path("/api/calendar")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Calendar", description = "Working days of Vietnamese administrative bodies")
public class CalendarResource {

    private final CalendarService calendar;

    public CalendarResource(CalendarService calendar) {
        this.calendar = calendar;
    }

    /**
     * A year's exceptions to the Monday–Friday week; {@code provisional} when no schedule is stored for it and the
     * days are computed from the Labour Code instead.
     */
    public record Year(int year, List<CalendarDay> days, boolean provisional) {

        static Year of(CalendarService.YearDays days) {
            return new Year(days.year(), days.days(), days.provisional());
        }
    }

    @GET
    @Path("/{year}")
    @Operation(
            summary = "Weekday days off (HOLIDAY) and worked weekend days (MAKEUP_WORKDAY) of a schedule year",
            description = "A year without a stored schedule answers the days computed from the Labour Code 2019"
                    + " art. 112, with provisional: true; they have no swaps or make-up days.")
    public Year year(@RestPath String year) {
        return Year.of(calendar.daysOfYear(parseYear(year)));
    }

    @RolesAllowed({Roles.ADMIN})
    @PUT
    @Path("/{year}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Replace a year's days off and make-up days (as a new schedule is announced)",
            description = "The stored days replace the provisional ones; an empty list returns the year to them.")
    @APIResponse(responseCode = "200", description = "The year as due dates now count it")
    @APIResponse(
            responseCode = "400",
            description = "INVALID_CALENDAR: a holiday on a weekend, a make-up day on a weekday, duplicates")
    public Year replace(
            @RestPath @Parameter(description = "The schedule year", example = "2026") String year,
            @RequestBody(
                            required = true,
                            content =
                                    @Content(
                                            mediaType = "application/json",
                                            schema =
                                                    @Schema(
                                                            type = SchemaType.ARRAY,
                                                            implementation = CalendarDay.class),
                                            examples =
                                                    @ExampleObject(
                                                            name = "days",
                                                            value =
                                                                    "[{\"date\": \"2026-09-02\", \"kind\": \"HOLIDAY\", \"nameVi\": \"Quốc khánh\", \"nameEn\": \"National Day\", \"year\": 2026, \"source\": \"Thông báo của Bộ Nội vụ\"}]")))
                    @NotNull
                    List<CalendarDay> days) {
        return Year.of(calendar.replaceYear(parseYear(year), days));
    }

    /** A due date and how it was counted. */
    public record Due(LocalDate receivedOn, int workingDays, LocalDate dueDate) {}

    @GET
    @Path("/due-date")
    @Operation(summary = "Due date of a procedure: the n-th working day after the day of receipt")
    public Due dueDate(
            @RestQuery @Parameter(required = true, description = "The day of receipt", example = "2025-07-01")
                    String receivedOn,
            @RestQuery
                    @Parameter(
                            required = true,
                            description = "Working days allowed, 0 to 3650",
                            example = "10",
                            schema =
                                    @Schema(
                                            type =
                                                    org.eclipse.microprofile.openapi.annotations.enums.SchemaType
                                                            .INTEGER,
                                            minimum = "0",
                                            maximum = "3650"))
                    String workingDays) {
        LocalDate received = Params.requiredDate("receivedOn", receivedOn);
        int days = Params.intOrDefault("workingDays", workingDays, -1);
        if (days < 0 || days > 3650) {
            throw ApiException.invalidParameter("workingDays", "must be 0 to 3650", workingDays);
        }
        return new Due(received, days, calendar.calendar().dueDate(received, days));
    }

    /** Working days in a span. */
    public record Span(LocalDate from, LocalDate to, int workingDays) {}

    @GET
    @Path("/working-days")
    @Operation(summary = "Working days after from, up to and including to")
    public Span workingDays(
            @RestQuery @Parameter(required = true, description = "Counted from the day after", example = "2025-07-01")
                    String from,
            @RestQuery
                    @Parameter(
                            required = true,
                            description = "Up to and including; within 20 years of from",
                            example = "2025-12-31")
                    String to) {
        LocalDate f = Params.requiredDate("from", from);
        LocalDate t = Params.requiredDate("to", to);
        if (t.isBefore(f) || t.isAfter(f.plusYears(20))) {
            throw ApiException.invalidParameter("to", "must be on or after from, within 20 years", to);
        }
        return new Span(f, t, calendar.calendar().workingDaysBetween(f, t));
    }

    private static int parseYear(String raw) {
        int y = Params.intOrDefault("year", raw, 0);
        if (y < 2000 || y > 2100) {
            throw ApiException.invalidParameter("year", "must be between 2000 and 2100", raw);
        }
        return y;
    }
}
