package vn.parindex.gateway.health;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The set at a glance: UP when every service is ready. */
@Schema(name = "GatewayHealth", description = "Readiness of every service behind the gateway")
public record GatewayHealth(
        @Schema(description = "UP when every service is UP", examples = "UP")
        ServiceHealth.Status status,

        List<ServiceHealth> services) {

    static GatewayHealth of(List<ServiceHealth> services) {
        boolean allUp = services.stream().allMatch(s -> s.status() == ServiceHealth.Status.UP);
        return new GatewayHealth(allUp ? ServiceHealth.Status.UP : ServiceHealth.Status.DOWN, List.copyOf(services));
    }
}
