package vn.parindex.gateway.health;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One service as the gateway sees it: its readiness and how long the check took. */
@Schema(name = "ServiceHealth", description = "Readiness of one service behind the gateway")
public record ServiceHealth(
        @Schema(examples = "scoring") String name,
        @Schema(examples = "http://localhost:8083") String url,

        @Schema(description = "UP when /q/health/ready answered 200 within the health timeout", examples = "UP")
        Status status,

        @Schema(description = "Time the check took, in milliseconds", examples = "3")
        long latencyMs) {

    /** Readiness of a service. */
    public enum Status {
        UP,
        DOWN
    }
}
