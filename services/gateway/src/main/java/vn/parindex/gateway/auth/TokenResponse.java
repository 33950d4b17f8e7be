package vn.parindex.gateway.auth;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An OAuth 2.0 token answer (RFC 6749 §5.1), the shape OIDC client libraries read. */
@Schema(name = "TokenResponse", description = "OAuth 2.0 access token answer")
public record TokenResponse(
        @JsonProperty("access_token") @Schema(description = "Signed JWT (RS256)", examples = "eyJhbGciOiJSUzI1NiIs…")
        String accessToken,

        @JsonProperty("token_type") @Schema(examples = "Bearer")
        String tokenType,

        @JsonProperty("expires_in") @Schema(description = "Seconds until the token expires", examples = "3600")
        long expiresIn) {}
