package vn.parindex.registry.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import vn.parindex.test.postgres.PostgresTestResource;

/**
 * {@code POST /api/units/lineage}: the lineage of many units over a window in one call. On the seeded 2025 reform
 * it must answer what the single-unit lineage answers, restricted to the window; on a journey recorded through the
 * write API it must answer every link kind.
 */
@QuarkusTest
// The journey's writes are an administrator's; the bulk read itself is anonymous (WriteAccessTest).
@TestSecurity(user = "test-admin", roles = "admin")
@WithTestResource(value = PostgresTestResource.class, scope = TestResourceScope.MATCHING_RESOURCES)
class LineageWindowTest {

    private static final String FROM = "2024-12-31";
    private static final String TO = "2025-12-31";

    private static String body(List<String> codes, String from, String to, Boolean includeDerived) {
        String list =
                codes.stream().map(c -> c == null ? "null" : "\"" + c + "\"").collect(Collectors.joining(","));
        return "{\"codes\":[" + list + "],\"from\":\"" + from + "\",\"to\":\"" + to + "\""
                + (includeDerived == null ? "" : ",\"includeDerived\":" + includeDerived) + "}";
    }

    private static JsonPath bulk(List<String> codes, String from, String to, Boolean includeDerived) {
        return given().contentType(ContentType.JSON)
                .body(body(codes, from, to, includeDerived))
                .post("/api/units/lineage")
                .then()
                .statusCode(200)
                .contentType(ContentType.JSON)
                .extract()
                .jsonPath();
    }

    private static List<String> codesOf(String level, String asOf) {
        List<String> codes = new ArrayList<>();
        for (int page = 0; ; page++) {
            List<String> items = given().queryParam("level", level)
                    .queryParam("asOf", asOf)
                    .queryParam("size", 1000)
                    .queryParam("page", page)
                    .get("/api/units")
                    .then()
                    .statusCode(200)
                    .extract()
                    .jsonPath()
                    .getList("items.code", String.class);
            codes.addAll(items);
            if (items.size() < 1000) {
                return codes;
            }
        }
    }

    private static List<String> everyNth(List<String> codes, int n) {
        return IntStream.range(0, codes.size())
                .filter(i -> i % n == 0)
                .mapToObj(codes::get)
                .toList();
    }

    private static boolean validOn(Map<String, Object> version, LocalDate day) {
        Object from = version.get("validFrom");
        Object to = version.get("validTo");
        return (from == null || !LocalDate.parse((String) from).isAfter(day))
                && (to == null || !LocalDate.parse((String) to).isBefore(day));
    }

    /** A single-unit lineage list restricted to events effective in (from, to]. */
    private static List<Map<String, Object>> inWindow(List<Map<String, Object>> items, LocalDate from, LocalDate to) {
        return items.stream()
                .filter(i -> {
                    LocalDate d = LocalDate.parse((String) i.get("effectiveDate"));
                    return d.isAfter(from) && !d.isAfter(to);
                })
                .toList();
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    /** A GET answered 200, read with Jackson (much faster than JsonPath for the many calls of the comparisons). */
    private static Object get(String path, Map<String, ?> query) {
        String body = given().queryParams(query)
                .get(path)
                .then()
                .statusCode(200)
                .extract()
                .asString();
        try {
            return JSON.readValue(body, Object.class);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> singleLineage(String code, LocalDate asOf, boolean derived, String side) {
        Map<String, Object> lineage = (Map<String, Object>)
                get("/api/units/" + code + "/lineage", Map.of("asOf", asOf.toString(), "includeDerived", derived));
        return (List<Map<String, Object>>) lineage.get(side);
    }

    /**
     * Checks every bulk item against GET /api/units/{code}/lineage: predecessors of the version valid on to,
     * successors of the version valid on from, both restricted to the window; validOnFrom from the versions' dates.
     */
    private static void assertSameAsSingleLineage(JsonPath answer, String fromText, String toText, boolean derived) {
        LocalDate from = LocalDate.parse(fromText);
        LocalDate to = LocalDate.parse(toText);
        List<Map<String, Object>> items = answer.getList("items");
        for (Map<String, Object> item : items) {
            String code = (String) item.get("code");
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> history =
                    (List<Map<String, Object>>) get("/api/units/" + code + "/history", Map.of());
            Map<String, Object> onTo =
                    history.stream().filter(v -> validOn(v, to)).findFirst().orElse(null);
            Map<String, Object> onFrom =
                    history.stream().filter(v -> validOn(v, from)).findFirst().orElse(null);
            assertEquals(onTo != null ? onTo : onFrom, item.get("unit"), code + ": unit");
            List<Map<String, Object>> preds =
                    onTo == null ? List.of() : inWindow(singleLineage(code, to, derived, "predecessors"), from, to);
            List<Map<String, Object>> succs =
                    onFrom == null ? List.of() : inWindow(singleLineage(code, from, derived, "successors"), from, to);
            assertRelatives(preds, item.get("predecessors"), from, code + ": predecessors");
            assertRelatives(succs, item.get("successors"), from, code + ": successors");
        }
    }

    @SuppressWarnings("unchecked")
    private static void assertRelatives(
            List<Map<String, Object>> expected, Object actual, LocalDate from, String what) {
        List<Map<String, Object>> got = (List<Map<String, Object>>) actual;
        List<Map<String, Object>> withoutFlag = got.stream()
                .map(m -> {
                    Map<String, Object> copy = new LinkedHashMap<>(m);
                    copy.remove("validOnFrom");
                    return copy;
                })
                .toList();
        assertEquals(expected, withoutFlag, what);
        for (Map<String, Object> r : got) {
            assertEquals(validOn(r, from), r.get("validOnFrom"), what + " validOnFrom of " + r.get("code"));
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void shouldAnswerLikeTheSingleUnitLineageForEveryProvinceAndASampleOfCommunes() {
        List<String> provinces = codesOf("PROVINCE", TO);
        assertEquals(34, provinces.size());
        List<String> communes = everyNth(codesOf("COMMUNE", TO), 10);
        assertTrue(communes.size() >= 300, "sample of " + communes.size());
        // Units of the old structure: answered by their version on from, with successors only.
        List<String> old = new ArrayList<>(codesOf("PROVINCE", FROM));
        old.addAll(everyNth(codesOf("DISTRICT", FROM), 40));
        old.addAll(everyNth(codesOf("COMMUNE", FROM), 200));
        List<String> codes = new ArrayList<>(provinces);
        codes.addAll(communes);
        codes.addAll(old);
        codes.add("99999");

        JsonPath answer = bulk(codes, FROM, TO, null);
        assertEquals(FROM, answer.getString("from"));
        assertEquals(TO, answer.getString("to"));
        assertEquals(List.of("99999"), answer.getList("unknown"));
        List<String> answered = answer.getList("items.code", String.class);
        assertEquals(codes.stream().distinct().filter(c -> !c.equals("99999")).toList(), answered);
        assertSameAsSingleLineage(answer, FROM, TO, false);

        // New Lào Cai (15) ← old Lào Cai (10) and old Yên Bái (15): the self link is kept, both valid on from.
        Map<String, Object> laoCai = answer.getMap("items.find { it.code == '15' }");
        assertEquals("Tỉnh Lào Cai", ((Map<?, ?>) laoCai.get("unit")).get("name"));
        assertEquals(
                List.of("10:MERGE:FULL:true", "15:MERGE:FULL:true"),
                ((List<Map<String, Object>>) laoCai.get("predecessors"))
                        .stream()
                                .map(p -> p.get("code") + ":" + p.get("event") + ":" + p.get("part") + ":"
                                        + p.get("validOnFrom"))
                                .sorted()
                                .toList());
    }

    @Test
    void shouldAnswerLikeTheSingleUnitLineageWithDerivedLinks() {
        List<String> codes = new ArrayList<>(codesOf("PROVINCE", TO));
        codes.addAll(everyNth(codesOf("COMMUNE", TO), 50));
        codes.addAll(everyNth(codesOf("DISTRICT", FROM), 40));
        JsonPath answer = bulk(codes, FROM, TO, true);
        assertSameAsSingleLineage(answer, FROM, TO, true);
        // Phường Yên Bái's predecessors reach the dissolved district 132 only through a derived link.
        JsonPath one = bulk(List.of("04252"), FROM, TO, true);
        assertTrue(one.getList("items[0].predecessors.code").contains("132"));
        assertTrue(!bulk(List.of("04252"), FROM, TO, false)
                .getList("items[0].predecessors.code")
                .contains("132"));
    }

    @Test
    void shouldAnswerEveryCommuneOf2025InOneCall() {
        List<String> communes = codesOf("COMMUNE", TO);
        assertEquals(3_321, communes.size());
        JsonPath answer = bulk(communes, FROM, TO, false);
        assertEquals(communes, answer.getList("items.code", String.class));
        assertEquals(List.of(), answer.getList("unknown"));
    }

    @Test
    void shouldAnswerAJourneyRecordedThroughTheApi() {
        // Cà Mau (96), 2027: 31825 is renamed, then absorbs 31834; 31840 splits into 99712 and 99713; 31849 is
        // dissolved into 31858; 99711 is created from nothing; 31843 does not change.
        String from = "2026-12-31";
        String to = "2027-12-31";
        given().contentType(ContentType.JSON)
                .body("{\"code\":\"99711\",\"name\":\"Xã Mới Lập\",\"type\":\"xã\",\"level\":\"COMMUNE\","
                        + "\"parentCode\":\"96\",\"validFrom\":\"2027-03-01\",\"legalBasis\":\"NQ thành lập\"}")
                .post("/api/units")
                .then()
                .statusCode(201);
        given().contentType(ContentType.JSON)
                .body("{\"effectiveDate\":\"2027-02-01\",\"name\":\"Phường Bạc Liêu Mới\",\"legalBasis\":\"NQ 1\"}")
                .post("/api/units/31825/changes")
                .then()
                .statusCode(201);
        given().contentType(ContentType.JSON)
                .body("""
                        {"kind":"MERGE","effectiveDate":"2027-05-01","legalBasis":"NQ 2",
                         "predecessors":[{"code":"31825"},{"code":"31834"}],
                         "successors":[{"code":"31825","name":"Phường Bạc Liêu Hợp Nhất"}]}""")
                .post("/api/unit-events")
                .then()
                .statusCode(201);
        given().contentType(ContentType.JSON)
                .body("""
                        {"kind":"SPLIT","effectiveDate":"2027-06-01","legalBasis":"NQ 3",
                         "predecessors":[{"code":"31840"}],
                         "successors":[
                           {"code":"99712","name":"Phường Hiệp Thành A","type":"phường","level":"COMMUNE","parentCode":"96"},
                           {"code":"99713","name":"Phường Hiệp Thành B","type":"phường","level":"COMMUNE","parentCode":"96"}]}""")
                .post("/api/unit-events")
                .then()
                .statusCode(201);
        given().contentType(ContentType.JSON)
                .body("""
                        {"kind":"DISSOLVE","effectiveDate":"2027-07-01","legalBasis":"NQ 4",
                         "predecessors":[{"code":"31849"}],"successors":[{"code":"31858"}]}""")
                .post("/api/unit-events")
                .then()
                .statusCode(201);

        List<String> codes = List.of(
                "99711", "31825", "31834", "31840", "99712", "99713", "31843", "31849", "31858", "31825", "99714");
        JsonPath answer = bulk(codes, from, to, false);
        assertEquals(List.of("99714"), answer.getList("unknown"));
        assertEquals(
                List.of("99711", "31825", "31834", "31840", "99712", "99713", "31843", "31849", "31858"),
                answer.getList("items.code"));

        // Created inside the window: its own version, no predecessor, no successor.
        assertEquals("2027-03-01", answer.getString("items[0].unit.validFrom"));
        assertEquals(List.of(), answer.getList("items[0].predecessors"));
        assertEquals(List.of(), answer.getList("items[0].successors"));

        // The merger kept 31825: its renamed version and 31834, then (through the rename) its version of from.
        assertEquals("Phường Bạc Liêu Hợp Nhất", answer.getString("items[1].unit.name"));
        assertEquals(
                List.of(
                        "31825:2027-02-01:MERGE:FULL:1:null:false",
                        "31834:2025-07-01:MERGE:FULL:1:null:true",
                        "31825:2025-07-01:RENAME:FULL:2:31825:true"),
                relatives(answer, 1, "predecessors"));
        // From the version of from forwards: the rename, then the merger.
        assertEquals(
                List.of("31825:2027-02-01:RENAME:FULL:1:null:false", "31825:2027-05-01:MERGE:FULL:2:31825:false"),
                relatives(answer, 1, "successors"));

        // The absorbed unit: its version of from, closed by the merger.
        assertEquals("2027-04-30", answer.getString("items[2].unit.validTo"));
        assertEquals(List.of(), answer.getList("items[2].predecessors"));
        assertEquals(List.of("31825:2027-05-01:MERGE:FULL:1:null:false"), relatives(answer, 2, "successors"));

        // The split: the old unit points at both parts, each part back at it (partly).
        assertEquals(
                List.of("99712:2027-06-01:SPLIT:PARTIAL:1:null:false", "99713:2027-06-01:SPLIT:PARTIAL:1:null:false"),
                relatives(answer, 3, "successors"));
        for (int i : new int[] {4, 5}) {
            assertEquals(List.of("31840:2025-07-01:SPLIT:PARTIAL:1:null:true"), relatives(answer, i, "predecessors"));
            assertEquals(List.of(), answer.getList("items[" + i + "].successors"));
        }

        // No change: the same version on both ends, nothing linked.
        assertEquals("2025-07-01", answer.getString("items[6].unit.validFrom"));
        assertEquals(List.of(), answer.getList("items[6].predecessors"));
        assertEquals(List.of(), answer.getList("items[6].successors"));

        // The dissolution: the receiving unit goes on (so it was valid on from), with the dissolved one as predecessor.
        assertEquals(List.of("31858:2025-07-01:DISSOLVE:FULL:1:null:true"), relatives(answer, 7, "successors"));
        assertEquals("2025-07-01", answer.getString("items[8].unit.validFrom"));
        assertEquals(List.of("31849:2025-07-01:DISSOLVE:FULL:1:null:true"), relatives(answer, 8, "predecessors"));

        assertSameAsSingleLineage(answer, from, to, false);

        // A window that ends before the changes sees none of them.
        JsonPath before = bulk(codes, "2025-12-31", "2026-12-31", false);
        assertEquals(List.of("99711", "99712", "99713", "99714"), before.getList("unknown"));
        assertTrue(before.getList("items.predecessors.flatten()").isEmpty());
        assertTrue(before.getList("items.successors.flatten()").isEmpty());
    }

    private static List<String> relatives(JsonPath answer, int item, String side) {
        List<Map<String, Object>> list = answer.getList("items[" + item + "]." + side);
        return list.stream()
                .map(r -> r.get("code") + ":" + r.get("validFrom") + ":" + r.get("event") + ":" + r.get("part") + ":"
                        + r.get("depth") + ":" + r.get("via") + ":" + r.get("validOnFrom"))
                .toList();
    }

    @Test
    void shouldNameWhatIsWrongWithTheRequest() {
        given().contentType(ContentType.JSON)
                .body(body(List.of("15"), TO, FROM, null))
                .post("/api/units/lineage")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("code", equalTo("VALIDATION_FAILED"))
                .body("errors[0].field", equalTo("from"));
        given().contentType(ContentType.JSON)
                .body(body(List.of(), FROM, TO, null))
                .post("/api/units/lineage")
                .then()
                .statusCode(400)
                .body("code", equalTo("VALIDATION_FAILED"))
                .body("errors[0].field", equalTo("codes"));
        given().contentType(ContentType.JSON)
                .body("{\"from\":\"2024-12-31\"}")
                .post("/api/units/lineage")
                .then()
                .statusCode(400)
                .body("code", equalTo("VALIDATION_FAILED"))
                .body("errors.field", org.hamcrest.Matchers.contains("codes", "to"));
        List<String> tooMany =
                IntStream.range(0, 20_001).mapToObj(i -> "%05d".formatted(i)).toList();
        given().contentType(ContentType.JSON)
                .body(body(tooMany, FROM, TO, null))
                .post("/api/units/lineage")
                .then()
                .statusCode(400)
                .body("code", equalTo("VALIDATION_FAILED"))
                .body("errors[0].field", equalTo("codes"));
        given().contentType(ContentType.JSON)
                .body(body(java.util.Arrays.asList("15", "1a", "x"), FROM, TO, null))
                .post("/api/units/lineage")
                .then()
                .statusCode(400)
                .body("code", equalTo("VALIDATION_FAILED"))
                .body("errors", hasSize(2))
                .body("errors[0].field", equalTo("codes[1]"))
                .body("errors[0].rejectedValue", equalTo("1a"))
                .body("errors[1].field", equalTo("codes[2]"));
        // A null item is refused while reading (strict JSON), naming its position.
        given().contentType(ContentType.JSON)
                .body(body(java.util.Arrays.asList("15", null), FROM, TO, null))
                .post("/api/units/lineage")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("code", equalTo("MALFORMED_BODY"))
                .body("errors[0].field", equalTo("codes[1]"));
        given().contentType(ContentType.JSON)
                .body("{\"codes\":[\"15\"],\"from\":\"2024-13-01\",\"to\":\"2025-12-31\"}")
                .post("/api/units/lineage")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("code", equalTo("MALFORMED_BODY"))
                .body("errors[0].field", equalTo("from"));
        // A read: GET on the path is a lookup of the code "lineage", which is no code.
        given().get("/api/units/lineage").then().statusCode(400).body("code", equalTo("INVALID_PARAMETER"));
    }
}
