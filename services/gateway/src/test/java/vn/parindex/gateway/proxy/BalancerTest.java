package vn.parindex.gateway.proxy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class BalancerTest {

    private static final UpstreamInstance A = new UpstreamInstance(URI.create("http://a:8081"));

    private static List<UpstreamInstance> three() {
        return List.of(
                new UpstreamInstance(URI.create("http://a:8081")),
                new UpstreamInstance(URI.create("http://b:8081")),
                new UpstreamInstance(URI.create("http://c:8081")));
    }

    @Test
    void shouldPickTheInstanceWithTheFewestPendingRequests() {
        List<UpstreamInstance> all = three();
        all.get(0).begin();
        all.get(0).begin();
        all.get(1).begin();
        for (int i = 0; i < 10; i++) {
            assertSame(all.get(2), Balancer.pick(all, Set.of()));
        }
        all.get(0).end();
        all.get(0).end();
        // a: 0, b: 1, c: 0 — a or c, never b.
        for (int i = 0; i < 10; i++) {
            assertTrue(Balancer.pick(all, Set.of()) != all.get(1));
        }
    }

    @Test
    void shouldSpreadTiesRoundRobin() {
        List<UpstreamInstance> all = three();
        Map<UpstreamInstance, Integer> picked = new HashMap<>();
        for (int i = 0; i < 30; i++) {
            picked.merge(Balancer.pick(all, Set.of()), 1, Integer::sum);
        }
        assertEquals(3, picked.size(), "every idle instance gets requests: " + picked);
        picked.values().forEach(n -> assertTrue(n >= 8, "about a third each: " + picked));
    }

    @Test
    void shouldSkipEjectedInstancesAndTakeThemBackWhenReadmitted() {
        List<UpstreamInstance> all = three();
        all.get(1).eject("connection refused");
        for (int i = 0; i < 20; i++) {
            assertTrue(Balancer.pick(all, Set.of()) != all.get(1));
        }
        all.get(1).readmit();
        all.get(0).begin();
        all.get(2).begin();
        assertSame(all.get(1), Balancer.pick(all, Set.of()));
    }

    @Test
    void shouldPreferAHealthyInstanceEvenWhenItIsBusier() {
        List<UpstreamInstance> all = three();
        all.get(0).eject("health check failed");
        all.get(1).eject("health check failed");
        for (int i = 0; i < 5; i++) {
            all.get(2).begin();
        }
        assertSame(all.get(2), Balancer.pick(all, Set.of()));
    }

    @Test
    void shouldStillTryAnEjectedInstanceWhenNoOtherIsLeft() {
        List<UpstreamInstance> all = three();
        all.forEach(i -> i.eject("health check failed"));
        all.get(0).begin();
        UpstreamInstance picked = Balancer.pick(all, Set.of(all.get(2)));
        assertSame(all.get(1), picked, "the least busy untried one, though ejected");
    }

    @Test
    void shouldNeverPickAnInstanceTheRequestAlreadyTried() {
        List<UpstreamInstance> all = three();
        assertSame(all.get(2), Balancer.pick(all, Set.of(all.get(0), all.get(1))));
        assertNull(Balancer.pick(all, Set.copyOf(all)));
        assertSame(A, Balancer.pick(List.of(A), Set.of()));
        assertNull(Balancer.pick(List.of(A), Set.of(A)));
    }

    @Test
    void shouldBuildAServiceFromItsInstanceAddresses() {
        Upstream registry = Upstream.of(
                "unit-registry",
                List.of(URI.create("http://a:8081"), URI.create("http://b:8081/")),
                Duration.ofSeconds(10),
                1000);
        assertEquals(2, registry.instances().size());
        assertEquals("http://a:8081", registry.baseUrl());
        assertEquals("http://a:8081,http://b:8081", registry.instancesText());
        registry.instances().get(0).eject("refused");
        assertEquals("http://b:8081", registry.preferredBaseUrl());

        Upstream single = new Upstream("scoring", URI.create("http://s:8083"), Duration.ofSeconds(10), 1000);
        assertEquals(1, single.instances().size());
        assertEquals(8083, single.instances().get(0).port());

        IllegalArgumentException repeated = assertThrows(
                IllegalArgumentException.class,
                () -> Upstream.of(
                        "scoring",
                        List.of(URI.create("http://s:8083"), URI.create("http://s:8083")),
                        Duration.ofSeconds(1),
                        1));
        assertTrue(repeated.getMessage().contains("repeat"), repeated.getMessage());
        IllegalArgumentException pathGiven = assertThrows(
                IllegalArgumentException.class,
                () -> Upstream.of(
                        "scoring",
                        List.of(URI.create("http://s:8083"), URI.create("http://t:8083/api")),
                        Duration.ofSeconds(1),
                        1));
        assertTrue(pathGiven.getMessage().contains("without a path"), pathGiven.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Upstream.of("scoring", List.of(), Duration.ofSeconds(1), 1));
    }
}
