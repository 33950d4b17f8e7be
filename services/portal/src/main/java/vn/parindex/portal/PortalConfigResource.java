package vn.parindex.portal;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.inject.Singleton;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * The portal's configuration ({@code /portal/config.json}), built once from the deployment's settings: which sign-in
 * the page offers — the gateway's local issuer (embedded mode, the default) and/or an OIDC provider with
 * authorization code + PKCE ({@code PARINDEX_PORTAL_OIDC_ISSUER}, e.g. Keycloak's realm URL) — the campaign the
 * rankings page opens and the external indices the scorecard looks units up in (defaults in
 * {@code portal-defaults.json}, replaceable by a file, {@code PARINDEX_PORTAL_CONFIG_FILE}).
 */
@Path("/portal/config.json")
@Singleton
public class PortalConfigResource {

    static final String DEFAULTS = "/vn/parindex/portal/portal-defaults.json";

    private final String body;

    public PortalConfigResource(
            ObjectMapper json,
            @ConfigProperty(name = "parindex.portal.oidc.issuer") Optional<String> issuer,
            @ConfigProperty(name = "parindex.portal.oidc.client-id", defaultValue = "parindex-portal") String clientId,
            @ConfigProperty(name = "parindex.portal.oidc.name", defaultValue = "Keycloak") String providerName,
            @ConfigProperty(name = "parindex.portal.oidc.scope", defaultValue = "openid") String scope,
            @ConfigProperty(name = "parindex.portal.default-campaign") Optional<String> defaultCampaign,
            @ConfigProperty(name = "parindex.portal.config-file") Optional<java.nio.file.Path> file,
            @ConfigProperty(name = "parindex.auth.local-issuer.enabled", defaultValue = "false") boolean localIssuer) {
        this.body = build(json, issuer, clientId, providerName, scope, defaultCampaign, file, localIssuer);
    }

    static String build(
            ObjectMapper json,
            Optional<String> issuer,
            String clientId,
            String providerName,
            String scope,
            Optional<String> defaultCampaign,
            Optional<java.nio.file.Path> file,
            boolean localIssuer) {
        ObjectNode config;
        try (InputStream in = file.isPresent()
                ? Files.newInputStream(file.get())
                : PortalConfigResource.class.getResourceAsStream(DEFAULTS)) {
            if (in == null) {
                throw new IllegalStateException(DEFAULTS + " is missing from the portal's jar");
            }
            config = (ObjectNode) json.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the portal's configuration " + file.orElse(null), e);
        }
        config.remove("comment");
        defaultCampaign.filter(c -> !c.isBlank()).ifPresent(c -> config.put("defaultCampaign", c));
        // The local sign-in form calls the gateway's POST /auth/token: offered only when the local issuer is on.
        config.put("localSignIn", localIssuer);
        Optional<String> provider =
                issuer.map(String::strip).filter(i -> !i.isEmpty()).map(i -> i.replaceAll("/+$", ""));
        if (provider.isPresent()) {
            ObjectNode oidc = config.putObject("oidc");
            oidc.put("issuer", provider.get());
            oidc.put("clientId", clientId);
            oidc.put("name", providerName);
            oidc.put("scope", scope);
        } else if (!config.hasNonNull("oidc")) {
            config.putNull("oidc");
        }
        return config.toString();
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(hidden = true)
    public Response config() {
        return Response.ok(body, MediaType.APPLICATION_JSON_TYPE.withCharset("UTF-8"))
                .header(HttpHeaders.CACHE_CONTROL, "no-cache")
                .build();
    }
}
