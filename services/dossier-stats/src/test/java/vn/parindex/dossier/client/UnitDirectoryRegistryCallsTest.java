package vn.parindex.dossier.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.BiPredicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.parindex.dossier.api.FakeRegistry;
import vn.parindex.test.postgres.PostgresTestResource;

/**
 * How often a batch's unit checks ask the registry (over HTTP, the stand-in registry counting the requests): the
 * whole directory once for the codes it holds instead of once per code, unknown codes alone, and code by code when
 * the registry cannot list its versions.
 */
@QuarkusTest
@WithTestResource(value = PostgresTestResource.class, scope = TestResourceScope.MATCHING_RESOURCES)
@WithTestResource(value = FakeRegistry.class, scope = TestResourceScope.MATCHING_RESOURCES)
class UnitDirectoryRegistryCallsTest {

    private static final LocalDate DAY = LocalDate.of(2025, 9, 1);

    @Inject
    UnitDirectory directory;

    @BeforeEach
    void forget() {
        FakeRegistry.down = false;
        directory.forgetAll();
        FakeRegistry.CALLS.clear();
    }

    @AfterEach
    void restore() {
        FakeRegistry.noDirectory = false;
    }

    @Test
    void shouldLoadTheDirectoryOnceRatherThanAskCodeByCode() {
        BiPredicate<String, LocalDate> batch = directory.forBatch();
        assertTrue(batch.test("04252", DAY));
        assertTrue(batch.test("04261", DAY));
        assertTrue(batch.test("02500", DAY));
        assertFalse(batch.test("04261", LocalDate.of(2025, 6, 30)), "04261 exists from 2025-07-01");
        assertFalse(batch.test("99999", DAY));
        assertEquals(Map.of("/api/units/versions", 1, "/api/units/99999/history", 1), calls());

        // The next batch, a moment later: what the directory held is cached; a new unknown code is asked alone and
        // does not load the directory again.
        BiPredicate<String, LocalDate> next = directory.forBatch();
        assertTrue(next.test("04252", DAY));
        assertFalse(next.test("99998", DAY));
        assertEquals(
                Map.of("/api/units/versions", 1, "/api/units/99999/history", 1, "/api/units/99998/history", 1),
                calls());
    }

    @Test
    void shouldAskCodeByCodeWhenTheRegistryCannotListItsVersions() {
        FakeRegistry.noDirectory = true;
        BiPredicate<String, LocalDate> batch = directory.forBatch();
        assertTrue(batch.test("04252", DAY));
        assertTrue(batch.test("02500", DAY));
        assertFalse(batch.test("99999", DAY));
        // One try at the listing (not one per code), then each code alone.
        assertEquals(
                Map.of(
                        "/api/units/versions", 1,
                        "/api/units/04252/history", 1,
                        "/api/units/02500/history", 1,
                        "/api/units/99999/history", 1),
                calls());
    }

    @Test
    void shouldGatherEveryPageOfTheDirectory() {
        List<RegistryApi.UnitVersion> all = List.of(
                new RegistryApi.UnitVersion("01", "A", "PROVINCE", null, null, LocalDate.of(2025, 6, 30)),
                new RegistryApi.UnitVersion("01", "A'", "PROVINCE", null, LocalDate.of(2025, 7, 1), null),
                new RegistryApi.UnitVersion("02", "B", "PROVINCE", null, null, null),
                new RegistryApi.UnitVersion("03", "C", "PROVINCE", null, null, null),
                new RegistryApi.UnitVersion("04", "D", "PROVINCE", null, null, null));
        List<Integer> asked = new java.util.ArrayList<>();
        Map<String, List<RegistryApi.UnitVersion>> byCode = UnitDirectory.directory(page -> {
            asked.add(page);
            List<RegistryApi.UnitVersion> items = all.subList(Math.min(2 * page, 5), Math.min(2 * page + 2, 5));
            return new RegistryApi.UnitPage(items, page, 2, all.size());
        });
        assertEquals(List.of(0, 1, 2), asked);
        assertEquals(
                List.of("A", "A'"),
                byCode.get("01").stream().map(RegistryApi.UnitVersion::name).toList());
        assertEquals(4, byCode.size());
    }

    private static Map<String, Integer> calls() {
        Map<String, Integer> out = new TreeMap<>();
        FakeRegistry.CALLS.forEach((path, n) -> out.put(path, n.get()));
        return out;
    }
}
