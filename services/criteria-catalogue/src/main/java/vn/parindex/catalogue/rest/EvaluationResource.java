package vn.parindex.catalogue.rest;

import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestPath;
import vn.parindex.catalogue.service.CriteriaSetService;
import vn.parindex.criteria.rules.Evaluation;

/** The evaluator of the scoring rules. */
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Evaluation", description = "The one implementation of the scoring rules")
@Path("/api/criteria-sets/{code}/evaluate")
public class EvaluationResource {

    private final CriteriaSetService sets;

    public EvaluationResource(CriteriaSetService sets) {
        this.sets = sets;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Points per node, totals, field and total index % and the band for one unit",
            description = "Input: unitType (for applicability), metrics by name (percent), and per leaf code one of:"
                    + " points, level (EVIDENCE), value (percent) or numerator + denominator, or notApplicable."
                    + " Leaves without input score 0 and are listed in missing. indexPercentExact ranks;"
                    + " indexPercent (half-up, 2 decimals) is for display.")
    @APIResponse(responseCode = "200", description = "The evaluation")
    @APIResponse(
            responseCode = "400",
            description = "SCORE_ABOVE_MAX, SCORE_NOT_ON_STEP, UNKNOWN_NODE, INVALID_EVALUATION_INPUT")
    @APIResponse(responseCode = "404", description = "CRITERIA_SET_NOT_FOUND")
    public Evaluation.Result evaluate(@RestPath String code, @NotNull Evaluation.Input input) {
        return sets.evaluate(code, input);
    }
}
