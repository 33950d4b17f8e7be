package vn.parindex.scoring.assessment;

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
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;
import vn.parindex.common.api.ApiException;
import vn.parindex.common.api.CommonError;
import vn.parindex.common.api.FieldError;
import vn.parindex.common.api.Roles;
import vn.parindex.scoring.ScoringError;
import vn.parindex.scoring.campaign.Actor;

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
            summary = "Import survey scores: CSV with header unitCode,criterionCode,points,value or a JSON array;"
                    + " good rows are stored, bad rows reported by line")
    @APIResponse(responseCode = "200", description = "OK")
    @APIResponse(responseCode = "400", description = "INVALID_IMPORT (unreadable), MALFORMED_BODY")
    @APIResponse(responseCode = "409", description = "CAMPAIGN_PUBLISHED, INVALID_TRANSITION")
    public AssessmentDto.ImportReport importSurvey(
            @RestPath String code,
            @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType,
            String body,
            @Context SecurityContext security) {
        List<AssessmentDto.SurveyScore> rows =
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

    private List<AssessmentDto.SurveyScore> jsonRows(String body) {
        try {
            List<AssessmentDto.SurveyScore> rows = json.readValue(body, new TypeReference<>() {});
            if (rows == null) {
                throw new ApiException(ScoringError.INVALID_IMPORT, "Send a JSON array of survey scores");
            }
            return rows;
        } catch (JsonProcessingException e) {
            throw new ApiException(
                    CommonError.MALFORMED_BODY,
                    "The body is not a JSON array of {unitCode, criterionCode, points | value}",
                    List.of(FieldError.of("body", e.getOriginalMessage())));
        }
    }

    private static List<AssessmentDto.SurveyScore> csv(String body) {
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
        if (unit < 0 || criterion < 0 || (points < 0 && value < 0)) {
            throw new ApiException(
                    ScoringError.INVALID_IMPORT,
                    "The CSV header must name unitCode, criterionCode and points and/or value",
                    List.of(FieldError.of("header", "unitCode,criterionCode,points,value", lines[0])));
        }
        List<AssessmentDto.SurveyScore> rows = new ArrayList<>();
        for (int i = 1; i < lines.length; i++) {
            if (lines[i].isBlank()) {
                continue;
            }
            String[] cells = lines[i].split(",", -1);
            rows.add(new AssessmentDto.SurveyScore(
                    cell(cells, unit), cell(cells, criterion), decimal(cells, points), decimal(cells, value)));
        }
        return rows;
    }

    private static String cell(String[] cells, int i) {
        return i < 0 || i >= cells.length || cells[i].isBlank() ? null : cells[i].trim();
    }

    private static BigDecimal decimal(String[] cells, int i) {
        String c = cell(cells, i);
        try {
            return c == null ? null : new BigDecimal(c);
        } catch (NumberFormatException e) {
            // Kept as an impossible value so that the row is rejected with its line.
            return BigDecimal.valueOf(-1);
        }
    }
}
