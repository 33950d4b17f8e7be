package vn.parindex.scoring.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;
import vn.parindex.common.api.Actor;
import vn.parindex.common.api.ApiException;
import vn.parindex.common.api.FieldError;
import vn.parindex.common.api.InputLimits;
import vn.parindex.common.api.Roles;
import vn.parindex.scoring.ScoringError;
import vn.parindex.scoring.api.AssessmentDto;
import vn.parindex.scoring.service.ScoreImportService;

/** Scores that come in bulk: survey results (CSV or JSON) and values fetched from dossier statistics. */
@Path("/api/campaigns/{code}")
@Tag(name = "Assessments")
@Produces(MediaType.APPLICATION_JSON)
public class ScoreImportResource {

    private final ScoreImportService assessments;
    private final ObjectMapper json;

    public ScoreImportResource(ScoreImportService assessments, ObjectMapper json) {
        this.assessments = assessments;
        this.json = json;
    }

    @RolesAllowed(Roles.ADMIN)
    @POST
    @Path("/survey-scores")
    @Consumes({"text/csv", MediaType.APPLICATION_JSON})
    @Operation(
            summary = "Import survey scores: CSV with header unitCode,criterionCode,points,value (optional columns"
                    + " sampleSize, standardErrorPercent) or a JSON array; good rows are stored, bad rows reported by"
                    + " line (field named)")
    @APIResponse(responseCode = "200", description = "OK")
    @APIResponse(responseCode = "400", description = "INVALID_IMPORT (unreadable), MALFORMED_BODY")
    @APIResponse(responseCode = "409", description = "CAMPAIGN_PUBLISHED, INVALID_TRANSITION")
    public AssessmentDto.ImportReport importSurvey(
            @RestPath String code,
            @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType,
            @RequestBody(
                            required = true,
                            content = {
                                @Content(
                                        mediaType = MediaType.APPLICATION_JSON,
                                        schema =
                                                @Schema(
                                                        type = SchemaType.ARRAY,
                                                        implementation = AssessmentDto.SurveyScore.class),
                                        examples =
                                                @ExampleObject(
                                                        name = "scores",
                                                        value = "[{\"unitCode\": \"132\", \"criterionCode\": \"D8.1\","
                                                                + " \"points\": 6, \"value\": 81.35}]")),
                                @Content(
                                        mediaType = "text/csv",
                                        schema =
                                                @Schema(
                                                        type = SchemaType.STRING,
                                                        description =
                                                                "Header unitCode,criterionCode,points,value, then one"
                                                                        + " line per score (points or value may be empty)"),
                                        examples =
                                                @ExampleObject(
                                                        name = "csv",
                                                        value =
                                                                "unitCode,criterionCode,points,value\n132,D8.1,6,81.35\n"))
                            })
                    String body,
            @Context SecurityContext security)
            throws JsonProcessingException {
        List<ScoreImportService.SurveyLine> rows =
                contentType != null && contentType.startsWith("text/csv") ? csv(body) : jsonRows(body);
        return assessments.importSurvey(code, rows, Actor.of(security));
    }

    @RolesAllowed(Roles.ADMIN)
    @POST
    @Path("/auto-scores")
    @Operation(
            summary = "Fetch the dossier metrics of every member (or unitCode) for the campaign year and store the"
                    + " dossier-fed criteria; all fetched before anything is stored")
    @APIResponse(responseCode = "200", description = "OK")
    @APIResponse(responseCode = "404", description = "CAMPAIGN_NOT_FOUND, UNIT_NOT_IN_CAMPAIGN")
    @APIResponse(responseCode = "409", description = "CAMPAIGN_PUBLISHED")
    @APIResponse(responseCode = "503", description = "DOSSIER_STATS_UNAVAILABLE (nothing stored)")
    public AssessmentDto.AutoReport autoScores(
            @RestPath String code, @RestQuery String unitCode, @Context SecurityContext security) {
        return assessments.fetchAutoScores(code, unitCode, Actor.of(security));
    }

    /** A JSON array of scores; a malformed item is answered by the shared mapper, naming it ({@code [3].points}). */
    private List<ScoreImportService.SurveyLine> jsonRows(String body) throws JsonProcessingException {
        List<AssessmentDto.SurveyScore> rows =
                body == null || body.isBlank() ? null : json.readValue(body, new TypeReference<>() {});
        if (rows == null) {
            throw new ApiException(ScoringError.INVALID_IMPORT, "Send a JSON array of survey scores");
        }
        // A null item never gets here: the shared strict mapper refuses it, naming its position.
        List<ScoreImportService.SurveyLine> lines = new ArrayList<>(rows.size());
        for (int i = 0; i < rows.size(); i++) {
            lines.add(new ScoreImportService.SurveyLine(i + 1, rows.get(i), null));
        }
        return lines;
    }

    private static List<ScoreImportService.SurveyLine> csv(String body) {
        String[] lines =
                body == null ? new String[0] : body.replace("\uFEFF", "").split("\r?\n");
        if (lines.length == 0 || lines[0].isBlank()) {
            throw new ApiException(ScoringError.INVALID_IMPORT, "The CSV has no header row");
        }
        List<String> header = Arrays.stream(lines[0].split(","))
                .map(h -> h.trim().toLowerCase(Locale.ROOT))
                .toList();
        int unit = header.indexOf("unitcode");
        int criterion = header.indexOf("criterioncode");
        int points = header.indexOf("points");
        int value = header.indexOf("value");
        int sampleSize = header.indexOf("samplesize");
        int standardError = header.indexOf("standarderrorpercent");
        if (unit < 0 || criterion < 0 || (points < 0 && value < 0)) {
            throw new ApiException(
                    ScoringError.INVALID_IMPORT,
                    "The CSV header must name unitCode, criterionCode and points and/or value",
                    List.of(FieldError.of("header", "unitCode,criterionCode,points,value", lines[0])));
        }
        List<ScoreImportService.SurveyLine> rows = new ArrayList<>();
        for (int i = 1; i < lines.length; i++) {
            if (lines[i].isBlank()) {
                continue;
            }
            int line = i + 1; // the header is line 1
            String[] cells = lines[i].split(",", -1);
            AssessmentDto.ImportError unreadable = unreadable(line, header, cells);
            rows.add(
                    unreadable != null
                            ? new ScoreImportService.SurveyLine(line, null, unreadable)
                            : new ScoreImportService.SurveyLine(
                                    line,
                                    new AssessmentDto.SurveyScore(
                                            cell(cells, unit),
                                            cell(cells, criterion),
                                            decimal(cells, points),
                                            decimal(cells, value),
                                            integer(cells, sampleSize),
                                            decimal(cells, standardError)),
                                    null));
        }
        return rows;
    }

    /** Why a CSV row cannot be read (a cell with control characters or too long, a number that is not one). */
    private static AssessmentDto.ImportError unreadable(int line, List<String> header, String[] cells) {
        for (int i = 0; i < cells.length; i++) {
            String field = i < header.size() ? header.get(i) : "column " + (i + 1);
            String reason = InputLimits.checkText(cells[i], 200);
            if (reason != null) {
                return new AssessmentDto.ImportError(line, field, reason, InputLimits.echo(cells[i]));
            }
            if (field.equals("samplesize") && !cells[i].isBlank()) {
                String number = cells[i].trim();
                if (!number.matches("[0-9]{1,9}")) {
                    return new AssessmentDto.ImportError(
                            line, "sampleSize", "must be a whole number of respondents such as 120", number);
                }
            }
            if ((field.equals("points") || field.equals("value") || field.equals("standarderrorpercent"))
                    && !cells[i].isBlank()) {
                String number = cells[i].trim();
                try {
                    String limit = InputLimits.checkDecimal(new BigDecimal(number));
                    if (limit != null) {
                        return new AssessmentDto.ImportError(line, field, limit, number);
                    }
                } catch (NumberFormatException e) {
                    return new AssessmentDto.ImportError(line, field, "must be a number such as 81.35", number);
                }
            }
        }
        return null;
    }

    private static String cell(String[] cells, int i) {
        return i < 0 || i >= cells.length || cells[i].isBlank() ? null : cells[i].trim();
    }

    private static Integer integer(String[] cells, int i) {
        String c = cell(cells, i);
        return c == null ? null : Integer.valueOf(c);
    }

    private static BigDecimal decimal(String[] cells, int i) {
        String c = cell(cells, i);
        return c == null ? null : new BigDecimal(c);
    }
}
