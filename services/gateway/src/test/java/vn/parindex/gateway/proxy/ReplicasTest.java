package vn.parindex.gateway.proxy;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.parindex.gateway.StubUpstreams;

/**
 * The registry as two replicas behind the gateway ({@link ReplicaStubs}): balancing, ejection of a dead replica
 * and its return, the retry of reads and keyed writes, and the 503 of a write that may have been stored.
 */
@QuarkusTest
@TestProfile(ReplicasTest.TwoRegistries.class)
class ReplicasTest {

    public static class TwoRegistries implements QuarkusTestProfile {
        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(StubUpstreams.class), new TestResourceEntry(ReplicaStubs.class));
        }
    }

    private final ReplicaStubs.Replica a = ReplicaStubs.replica("a");
    private final ReplicaStubs.Replica b = ReplicaStubs.replica("b");

    @BeforeEach
    void sendToTheGateway() {
        StubUpstreams.sendToGateway();
    }

    @AfterEach
    void healAll() throws InterruptedException {
        for (ReplicaStubs.Replica replica : List.of(a, b)) {
            replica.dropRequests = false;
            if (!isListening(replica)) {
                replica.restart();
            }
        }
        Thread.sleep(600); // three health rounds: both back in the balancing
        a.resetCounts();
        b.resetCounts();
    }

    private static boolean isListening(ReplicaStubs.Replica replica) {
        try (java.net.Socket probe = new java.net.Socket("127.0.0.1", replica.port)) {
            return true;
        } catch (java.io.IOException e) {
            return false;
        }
    }

    @Test
    void shouldSpreadReadsOverBothReplicas() {
        for (int i = 0; i < 20; i++) {
            given().get("/api/units/04252").then().statusCode(200);
        }
        // 20, or one more if a connection a previous test left broken was retried.
        assertTrue(a.received("GET") + b.received("GET") >= 20);
        assertTrue(
                a.received("GET") >= 5 && b.received("GET") >= 5,
                "a " + a.received("GET") + ", b " + b.received("GET"));
    }

    @Test
    void shouldAnswerEveryReadWhileAReplicaIsKilledAndTakeItBackWhenItIsReady() throws InterruptedException {
        given().get("/api/units/1").then().statusCode(200);
        a.kill();
        for (int i = 0; i < 20; i++) {
            given().get("/api/units/" + i).then().statusCode(200).body("replica", equalTo("b"));
        }
        a.restart();
        Thread.sleep(600);
        int before = a.received("GET");
        for (int i = 0; i < 20; i++) {
            given().get("/api/units/" + i).then().statusCode(200);
        }
        assertTrue(a.received("GET") > before, "the restarted replica is back in the balancing");
    }

    @Test
    void shouldSendAWriteWhoseConnectionWasRefusedToTheOtherReplica() {
        a.kill();
        for (int i = 0; i < 10; i++) {
            given().contentType("application/json")
                    .body("{\"code\":\"G" + i + "\"}")
                    .post("/api/unit-groups")
                    .then()
                    .statusCode(201)
                    .body("replica", equalTo("b"));
        }
        assertEquals(10, b.received("POST"));
    }

    @Test
    void shouldRetryAReadOnTheOtherReplicaWhenTheFirstDiesMidRequest() {
        a.dropRequests = true;
        for (int i = 0; i < 10; i++) {
            given().get("/api/units/" + i).then().statusCode(200).body("replica", equalTo("b"));
        }
        assertEquals(10, b.received("GET"));
        assertTrue(a.received("GET") >= 1, "some reads went to a first");
    }

    @Test
    void shouldRetryAWriteWithAnIdempotencyKeyOnTheOtherReplica() {
        a.dropRequests = true;
        for (int i = 0; i < 10; i++) {
            given().contentType("application/json")
                    .header("Idempotency-Key", "k-" + i)
                    .body("{\"code\":\"G" + i + "\"}")
                    .post("/api/unit-groups")
                    .then()
                    .statusCode(201)
                    .body("replica", equalTo("b"));
        }
        assertTrue(a.received("POST") >= 1, "some writes went to a first");
    }

    @Test
    void shouldNeverSendAWriteWithoutAKeyTwice() {
        a.dropRequests = true;
        int created = 0;
        int unconfirmed = 0;
        for (int i = 0; i < 10; i++) {
            Response response = given().contentType("application/json")
                    .body("{\"code\":\"G" + i + "\"}")
                    .post("/api/unit-groups");
            if (response.statusCode() == 201) {
                created++;
                assertEquals("b", response.jsonPath().getString("replica"));
            } else {
                unconfirmed++;
                response.then()
                        .statusCode(503)
                        .contentType("application/problem+json")
                        .body("code", equalTo("UPSTREAM_WRITE_UNCONFIRMED"))
                        .body("context.service", equalTo("unit-registry"))
                        .body("context.url", equalTo(a.url()));
            }
        }
        assertTrue(unconfirmed >= 1, "some writes went to the dying replica");
        // Each write reached exactly one replica: the unconfirmed ones were never sent again.
        assertEquals(unconfirmed, a.received("POST"));
        assertEquals(created, b.received("POST"));
    }

    @Test
    void shouldAnswer503WhenEveryReplicaIsDown() {
        a.kill();
        b.kill();
        given().get("/api/units/1")
                .then()
                .statusCode(503)
                .body("code", equalTo("SERVICE_UNAVAILABLE"))
                .body("detail", org.hamcrest.Matchers.containsString("2 instances tried"))
                .time(org.hamcrest.Matchers.lessThan(Duration.ofSeconds(1).toMillis()));
    }
}
