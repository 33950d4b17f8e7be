package vn.parindex.catalogue.rest;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Arrays;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import vn.parindex.criteria.rules.Metric;

/** The metrics a rule may read. */
@Path("/api/metrics")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Evaluation")
public class MetricResource {

    /** A metric rules may name. */
    public record MetricInfo(String name, Metric.Origin origin, String description) {}

    @GET
    @Operation(summary = "Metrics a rule may read: dossier statistics (AUTO) or ratios the unit enters")
    public List<MetricInfo> metrics() {
        return Arrays.stream(Metric.values())
                .map(m -> new MetricInfo(m.name(), m.origin(), m.description()))
                .toList();
    }
}
