package vn.parindex.gateway.portal;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.config.DecoderConfig;
import io.restassured.config.RestAssuredConfig;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.parindex.gateway.StubUpstreams;

/**
 * The portal (module portal, a dependency of the gateway) at the gateway's root through the edge, with Apache
 * ECharts from its mvnpm jar under /_static, compressed for browsers that accept it; its configuration built from the
 * gateway's settings.
 */
@QuarkusTest
@WithTestResource(value = StubUpstreams.class, scope = io.quarkus.test.common.TestResourceScope.MATCHING_RESOURCES)
class PortalServedTest {

    @BeforeEach
    void sendToTheGateway() {
        StubUpstreams.sendToGateway();
    }

    @Test
    void shouldServeThePortalAndItsChartLibraryCompressed() {
        String index = given().get("/")
                .then()
                .statusCode(200)
                .contentType(startsWith("text/html"))
                .body(containsString("/portal/app.js"))
                .extract()
                .asString();
        Matcher echarts =
                Pattern.compile("content=\"(/_static/echarts/[^\"]+)\"").matcher(index);
        org.junit.jupiter.api.Assertions.assertTrue(echarts.find(), index);
        org.junit.jupiter.api.Assertions.assertFalse(echarts.group(1).contains("${"), "the version is filled in");

        given().get("/portal/app.js").then().statusCode(200).body(containsString("finishPkce"));
        // The configuration is the deployment's (PortalConfigResource): here the embedded mode, local issuer on.
        given().get("/portal/config.json")
                .then()
                .statusCode(200)
                .contentType(startsWith("application/json"))
                .header("Cache-Control", equalTo("no-cache"))
                .body("localSignIn", equalTo(true))
                .body("oidc", org.hamcrest.Matchers.nullValue())
                .body("defaultCampaign", equalTo("YB-DIST-2021"));
        given().config(RestAssuredConfig.config()
                        .decoderConfig(DecoderConfig.decoderConfig().noContentDecoders()))
                .header("Accept-Encoding", "gzip")
                .get(echarts.group(1))
                .then()
                .statusCode(200)
                .header("Content-Encoding", equalTo("gzip"));
    }
}
