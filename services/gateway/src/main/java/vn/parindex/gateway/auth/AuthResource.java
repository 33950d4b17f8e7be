package vn.parindex.gateway.auth;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirements;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import vn.parindex.common.api.ApiException;
import vn.parindex.gateway.GatewayError;

/**
 * The local issuer's two endpoints: a password grant for the demo users and the public key as a JWK set, which
 * the services fetch to verify tokens ({@code mp.jwt.verify.publickey.location=http://localhost:8080/auth/jwks}).
 * Both answer 404 {@code LOCAL_ISSUER_DISABLED} when the issuer is off (Keycloak mode, production).
 */
@Path("/auth")
@Tag(name = "Authentication", description = "Local token issuer of the embedded mode (demo users)")
@SecurityRequirements
public class AuthResource {

    private final LocalIssuer issuer;

    public AuthResource(LocalIssuer issuer) {
        this.issuer = issuer;
    }

    /** Form of the password grant, for the OpenAPI document. */
    @Schema(name = "TokenRequest", description = "OAuth 2.0 password grant (form fields)")
    public record TokenRequest(
            @Schema(name = "grant_type", required = true, examples = "password")
            String grantType,

            @Schema(required = true, examples = "officer-132")
            String username,

            @Schema(required = true, description = "Demo password (embedded mode only)", examples = "officer-132")
            String password) {}

    /** The JWK set answer, for the OpenAPI document. */
    @Schema(name = "JsonWebKeySet", description = "JWK set (RFC 7517) with the issuer's public signing keys")
    public record JsonWebKeySetDoc(List<JsonWebKeyDoc> keys) {}

    /** One RSA public key of a JWK set. */
    @Schema(name = "JsonWebKey", description = "RSA public key (RFC 7517, RFC 7518 §6.3)")
    public record JsonWebKeyDoc(
            @Schema(examples = "RSA") String kty,

            @Schema(description = "Key id; tokens name it in their header", examples = "4mX2…")
            String kid,

            @Schema(examples = "sig") String use,
            @Schema(examples = "RS256") String alg,
            @Schema(description = "Modulus, base64url") String n,

            @Schema(description = "Public exponent, base64url", examples = "AQAB")
            String e) {}

    @POST
    @Path("/token")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(
            operationId = "issueToken",
            summary = "Sign in a demo user (embedded mode)",
            description = "OAuth 2.0 password grant of the local issuer: `grant_type=password&username=…&password=…`."
                    + " The token carries iss, sub, preferred_username, exp, groups (roles), units and, for"
                    + " appraisers, campaigns. Demo users: admin, editor, officer-132, officer-133, officer-116, appraiser,"
                    + " integration (demo credentials, not secrets).")
    @RequestBody(
            required = true,
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_FORM_URLENCODED,
                            schema = @Schema(implementation = TokenRequest.class)))
    @APIResponse(
            responseCode = "200",
            description = "A signed token",
            content = @Content(schema = @Schema(implementation = TokenResponse.class)))
    @APIResponse(responseCode = "400", description = "INVALID_GRANT, UNSUPPORTED_GRANT_TYPE")
    @APIResponse(responseCode = "404", description = "LOCAL_ISSUER_DISABLED")
    @APIResponse(responseCode = "413", description = "REQUEST_TOO_LARGE")
    @APIResponse(responseCode = "429", description = "RATE_LIMITED")
    public Response token(
            @FormParam("grant_type") String grantType,
            @FormParam("username") String username,
            @FormParam("password") String password) {
        requireEnabled();
        if (!"password".equals(grantType)) {
            throw new ApiException(
                    GatewayError.UNSUPPORTED_GRANT_TYPE,
                    "grant_type must be 'password', not '" + (grantType == null ? "" : grantType) + "'");
        }
        LocalIssuer.IssuedToken token = issuer.issue(username, password)
                .orElseThrow(() -> new ApiException(GatewayError.INVALID_GRANT, "Unknown user or wrong password"));
        CacheControl noStore = new CacheControl();
        noStore.setNoStore(true);
        return Response.ok(new TokenResponse(token.accessToken(), "Bearer", token.expiresInSeconds()))
                .cacheControl(noStore)
                .build();
    }

    @GET
    @Path("/jwks")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(
            operationId = "getJwks",
            summary = "The local issuer's public key (JWK set)",
            description = "RS256 public key with its kid. Services verify tokens with it.")
    @APIResponse(
            responseCode = "200",
            description = "A JWK set with one RSA key",
            content = @Content(schema = @Schema(implementation = JsonWebKeySetDoc.class)))
    @APIResponse(responseCode = "404", description = "LOCAL_ISSUER_DISABLED")
    public Response jwks() {
        requireEnabled();
        CacheControl cache = new CacheControl();
        cache.setMaxAge(300);
        return Response.ok(issuer.jwks().orElseThrow()).cacheControl(cache).build();
    }

    private void requireEnabled() {
        if (!issuer.enabled()) {
            throw new ApiException(
                    GatewayError.LOCAL_ISSUER_DISABLED,
                    "The local token issuer is off (parindex.auth.local-issuer.enabled=false); sign in with the"
                            + " configured identity provider");
        }
    }
}
