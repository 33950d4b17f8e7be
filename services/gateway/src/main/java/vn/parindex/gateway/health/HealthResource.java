package vn.parindex.gateway.health;

import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The readiness of every service in one small JSON answer, for portals and operators. */
@Path("/api/health")
@Tag(name = "Gateway", description = "The gateway itself: health of the services behind it")
public class HealthResource {

    private final UpstreamProbe probe;

    public HealthResource(UpstreamProbe probe) {
        this.probe = probe;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(
            operationId = "getHealth",
            summary = "Readiness of every service",
            description = "Calls each service's /q/health/ready with a short timeout. Always 200; `status` is DOWN"
                    + " when any service is DOWN.")
    @APIResponse(
            responseCode = "200",
            description = "Each service UP or DOWN with the time its check took",
            content = @Content(schema = @Schema(implementation = GatewayHealth.class)))
    public Uni<GatewayHealth> health() {
        return Uni.createFrom().completionStage(() -> probe.probeAll().toCompletionStage());
    }
}
