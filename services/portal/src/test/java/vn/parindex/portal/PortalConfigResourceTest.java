package vn.parindex.portal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What {@code /portal/config.json} tells the page for each deployment's settings. */
class PortalConfigResourceTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static JsonNode build(
            Optional<String> issuer, Optional<String> campaign, Optional<Path> file, boolean local) throws Exception {
        return JSON.readTree(PortalConfigResource.build(
                JSON, issuer, "parindex-portal", "Keycloak", "openid", campaign, file, local));
    }

    @Test
    void shouldOfferTheLocalIssuerOnlyByDefault() throws Exception {
        JsonNode c = build(Optional.empty(), Optional.empty(), Optional.empty(), true);
        assertTrue(c.get("oidc").isNull(), c.toString());
        assertTrue(c.get("localSignIn").asBoolean());
        assertEquals("YB-DIST-2021", c.get("defaultCampaign").asText());
        assertTrue(c.get("indices").size() > 0);
        assertFalse(c.has("comment"));
    }

    @Test
    void shouldPointTheSignInAtTheConfiguredProvider() throws Exception {
        JsonNode c = build(
                Optional.of(" http://localhost:8180/realms/parindex/ "),
                Optional.of("VN-PROV-2025"),
                Optional.empty(),
                false);
        assertEquals(
                "http://localhost:8180/realms/parindex",
                c.get("oidc").get("issuer").asText());
        assertEquals("parindex-portal", c.get("oidc").get("clientId").asText());
        assertEquals("openid", c.get("oidc").get("scope").asText());
        assertFalse(c.get("localSignIn").asBoolean());
        assertEquals("VN-PROV-2025", c.get("defaultCampaign").asText());
    }

    @Test
    void shouldTakeADeploymentsFileAndIgnoreABlankIssuer(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("portal.json");
        Files.writeString(file, "{\"defaultCampaign\":\"HN-2025\",\"indices\":[]}");
        JsonNode c = build(Optional.of("  "), Optional.empty(), Optional.of(file), true);
        assertEquals("HN-2025", c.get("defaultCampaign").asText());
        assertEquals(0, c.get("indices").size());
        assertTrue(c.get("oidc").isNull());
    }
}
