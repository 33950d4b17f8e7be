package vn.parindex.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.parindex.e2e.Clients.GW;
import static vn.parindex.e2e.Clients.HTTP;
import static vn.parindex.e2e.Clients.healthySet;
import static vn.parindex.e2e.Clients.token;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The Decision 766 service index (issue 18) as a provincial office integrating with ParIndex plays it through the
 * gateway, on data it creates: a province of its own (88, from 2026) with four communes; the office's one-stop
 * system (the integration account) sends procedures, dossiers, payments, digitisation, ratings and feedback for
 * March 2026. Every indicator of every commune, the scores, bands and ranks (a tie between 88002 and 88003) are
 * computed here by hand from what was sent and compared with {@code ?unit=} and {@code ?province=}; the drill-down
 * lists add up to their numerators and denominators; the weekly feed answers 200 with an ETag, then 304. Bad input
 * on the way answers problem+json (or a per-row rejection) naming the field.
 *
 * <p>Commune 88001 sends everything (score 58.67, AVERAGE, 3rd); 88002 only ratings, 3 of 4 satisfied (75.00);
 * 88003 only feedback, 3 of 4 on time (75.00, tied 1st with 88002); 88004 nothing in March (every indicator
 * missing, no score, no rank) but a February rating its year to date shows.
 */
class ServiceIndexJourneyTest {

    /** Decimals as BigDecimal, not doubles. */
    private static final ObjectMapper JSON =
            new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

    private static final ZoneId VN = ZoneId.of("Asia/Ho_Chi_Minh");

    // Codes no seed unit and no other end-to-end class uses (seed provinces: 01–96 with gaps; 90, 97–99 are
    // ReformComparisonJourneyTest's; seed communes end at 32248). Valid from 2026, so the 2024/2025 counts other
    // classes check are unchanged.
    static final String PROVINCE = "88";
    static final String A = "88001";
    static final String B = "88002";
    static final String C = "88003";
    static final String D = "88004";
    static final List<String> COMMUNES = List.of(A, B, C, D);
    static final LocalDate VALID_FROM = LocalDate.of(2026, 1, 1);
    static final YearMonth MONTH = YearMonth.of(2026, 3);
    static final String SOURCE = "E2E-766";
    static final String FULL = "E2E766-P1";
    static final String PARTIAL = "E2E766-P2";

    /** The weights docs/domain.md documents (and /definition must publish), by indicator, with their group. */
    static final Map<String, BigDecimal> WEIGHTS = new LinkedHashMap<>();

    static final Map<String, String> GROUPS = new LinkedHashMap<>();

    static {
        weight("FEEDBACK_ON_TIME_RATE", "PUBLICITY", 18);
        weight("ON_TIME_RATE_RESOLVED", "PROGRESS", 20);
        weight("DOSSIER_DIGITISATION_RATE", "DIGITISATION", 8);
        weight("RESULT_ELECTRONIC_RATE", "DIGITISATION", 8);
        weight("DIGITISED_REUSE_RATE", "DIGITISATION", 6);
        weight("ONLINE_SHARE", "ONLINE", 8);
        weight("FULL_ONLINE_SHARE", "ONLINE", 6);
        weight("ONLINE_PAYMENT_RATE", "ONLINE", 8);
        weight("SATISFACTION_RATE", "SATISFACTION", 18);
    }

    private static void weight(String code, String group, int points) {
        WEIGHTS.put(code, BigDecimal.valueOf(points));
        GROUPS.put(code, group);
    }

    record Dossier(
            String id,
            String unit,
            String procedure,
            String channel,
            OffsetDateTime received,
            LocalDate due,
            OffsetDateTime finished,
            String status) {

        boolean excluded() {
            return Set.of("refused", "withdrawn", "cancelled").contains(status);
        }

        boolean finishedStatus() {
            return Set.of("resolved", "returned").contains(status);
        }
    }

    record Payment(String id, String unit, long fee, boolean online, OffsetDateTime paidAt) {}

    record Digitisation(
            String id, String unit, int total, int digitised, Boolean electronic, boolean reused, LocalDate day) {}

    record Rating(String id, String unit, String channel, String level, OffsetDateTime at) {}

    record Feedback(
            String id,
            String unit,
            String kind,
            OffsetDateTime received,
            LocalDate deadline,
            OffsetDateTime answered,
            String outcome) {}

    // Today in Vietnam: feedback counts once answered or once its deadline has passed (today).
    static final LocalDate TODAY = LocalDate.now(VN);

    /** What was sent; a correction re-sent below replaces its record here too. */
    static final List<Dossier> DOSSIERS = new ArrayList<>(List.of(
            dossier("A-01", FULL, "ONLINE", "2026-03-02T08:30", "2026-03-09", "2026-03-05T15:00", "resolved"),
            dossier("A-02", FULL, "ONLINE", "2026-03-03T09:00", "2026-03-10", "2026-03-10T16:00", "resolved"),
            dossier("A-03", PARTIAL, "DIRECT", "2026-03-04T10:00", "2026-03-18", "2026-03-20T10:00", "resolved"),
            dossier("A-04", PARTIAL, "POSTAL", "2026-03-05T10:00", "2026-03-19", null, "processing"),
            dossier("A-05", FULL, "ONLINE", "2026-03-09T08:00", "2026-03-16", "2026-03-12T11:00", "returned"),
            dossier("A-06", PARTIAL, "ONLINE", "2026-03-10T14:00", "2026-03-24", null, "processing"),
            dossier("A-07", FULL, "DIRECT", "2026-03-11T08:00", "2026-03-18", "2026-03-12T08:00", "withdrawn"),
            // Received in February, finished (late) in March: March's on-time rate, February's online share.
            dossier("A-08", FULL, "ONLINE", "2026-02-25T08:00", "2026-03-04", "2026-03-06T09:00", "resolved"),
            // Received in March, finished in April: March's online share only.
            dossier("A-09", PARTIAL, "DIRECT", "2026-03-30T08:00", "2026-04-13", "2026-04-02T09:00", "resolved"),
            dossier("A-10", FULL, "ONLINE", "2026-03-16T08:00", "2026-03-23", "2026-03-17T08:00", "refused")));

    static final List<Payment> PAYMENTS = List.of(
            new Payment("A-01", A, 50_000, true, at("2026-03-02T08:40:00+07:00")),
            new Payment("A-02", A, 30_000, true, at("2026-03-03T09:10:00+07:00")),
            new Payment("A-03", A, 20_000, false, at("2026-03-04T10:15:00+07:00")),
            // A zero fee: nothing to pay, in neither part of the online payment rate.
            new Payment("A-04", A, 0, false, at("2026-03-05T10:00:00+07:00")),
            // 17:30 UTC on 28 February is 00:30 on 1 March in Vietnam: March.
            new Payment("A-05", A, 15_000, true, at("2026-02-28T17:30:00Z")),
            new Payment("A-06", A, 0, false, at("2026-03-10T14:05:00+07:00")));

    static final List<Digitisation> DIGITISATION = List.of(
            new Digitisation("A-01", A, 3, 3, true, true, LocalDate.of(2026, 3, 5)),
            new Digitisation("A-02", A, 2, 1, false, false, LocalDate.of(2026, 3, 10)),
            new Digitisation("A-03", A, 4, 4, true, false, LocalDate.of(2026, 3, 20)),
            // No components, no result yet: only in the reuse rate's denominator.
            new Digitisation("A-04", A, 0, 0, null, false, LocalDate.of(2026, 3, 5)),
            new Digitisation("A-05", A, 2, 2, null, true, LocalDate.of(2026, 3, 12)));

    static final List<Rating> RATINGS = new ArrayList<>(List.of(
            new Rating("A-01", A, "DEVICE", "VERY_SATISFIED", at("2026-03-05T15:10:00+07:00")),
            new Rating("A-02", A, "ONLINE", "SATISFIED", at("2026-03-10T20:00:00+07:00")),
            new Rating("A-03", A, "SMS", "NOT_SATISFIED", at("2026-03-21T08:00:00+07:00")),
            new Rating("A-05", A, "DEVICE", "SATISFIED", at("2026-03-12T11:05:00+07:00")),
            new Rating("A-06", A, "ONLINE", "NOT_SATISFIED", at("2026-03-11T09:00:00+07:00")),
            // 17:30 UTC on 31 March is 1 April in Vietnam: neither March nor its year to date. A-04 is unrated.
            new Rating("A-09", A, "ONLINE", "VERY_SATISFIED", at("2026-03-31T17:30:00Z")),
            new Rating("B-01", B, "DEVICE", "VERY_SATISFIED", at("2026-03-03T10:00:00+07:00")),
            new Rating("B-02", B, "DEVICE", "SATISFIED", at("2026-03-16T10:00:00+07:00")),
            new Rating("B-03", B, "SMS", "SATISFIED", at("2026-03-17T10:00:00+07:00")),
            new Rating("B-04", B, "ONLINE", "NOT_SATISFIED", at("2026-03-18T10:00:00+07:00")),
            // D's only fact: February. March has nothing of D; the year to date has this.
            new Rating("D-01", D, "DEVICE", "SATISFIED", at("2026-02-10T10:00:00+07:00"))));

    static final List<Feedback> FEEDBACK = List.of(
            // Answered at 23:30 Vietnam time on its deadline day: on time.
            new Feedback(
                    "F-A1",
                    A,
                    "FEEDBACK",
                    at("2026-03-02T09:00:00+07:00"),
                    LocalDate.of(2026, 3, 12),
                    at("2026-03-12T16:30:00Z"),
                    "RESOLVED"),
            // Answered at 00:30 Vietnam time the day after: late.
            new Feedback(
                    "F-A2",
                    A,
                    "FEEDBACK",
                    at("2026-03-03T09:00:00+07:00"),
                    LocalDate.of(2026, 3, 12),
                    at("2026-03-12T17:30:00Z"),
                    "EXPLAINED"),
            // Unanswered, its deadline passed: in the denominator only.
            new Feedback("F-A3", A, "FEEDBACK", at("2026-03-05T10:00:00+07:00"), LocalDate.of(2026, 3, 13), null, null),
            new Feedback(
                    "F-A4",
                    A,
                    "COMPLAINT",
                    at("2026-03-06T10:00:00+07:00"),
                    LocalDate.of(2026, 3, 9),
                    at("2026-03-06T15:00:00+07:00"),
                    "RESOLVED"),
            // A complaint whose (extended) deadline is still ahead: in neither part yet.
            new Feedback("F-A5", A, "COMPLAINT", at("2026-03-20T10:00:00+07:00"), TODAY.plusDays(90), null, null),
            feedback("F-C1", "2026-03-09T08:00:00+07:00", "2026-03-20", "2026-03-15T10:00:00+07:00"),
            feedback("F-C2", "2026-03-10T08:00:00+07:00", "2026-03-20", "2026-03-18T10:00:00+07:00"),
            feedback("F-C3", "2026-03-11T08:00:00+07:00", "2026-03-20", "2026-03-20T10:00:00+07:00"),
            feedback("F-C4", "2026-03-12T08:00:00+07:00", "2026-03-20", "2026-03-23T10:00:00+07:00"));

    private static Dossier dossier(
            String id, String procedure, String channel, String received, String due, String finished, String status) {
        return new Dossier(
                id,
                A,
                procedure,
                channel,
                at(received + ":00+07:00"),
                LocalDate.parse(due),
                finished == null ? null : at(finished + ":00+07:00"),
                status);
    }

    private static Feedback feedback(String id, String received, String deadline, String answered) {
        return new Feedback(id, C, "FEEDBACK", at(received), LocalDate.parse(deadline), at(answered), "RESOLVED");
    }

    private static OffsetDateTime at(String s) {
        return OffsetDateTime.parse(s);
    }

    private static LocalDate day(OffsetDateTime t) {
        return t.atZoneSameInstant(VN).toLocalDate();
    }

    @BeforeAll
    static void startTheSet() throws Exception {
        RunningSet set = healthySet();
        set.await(HTTP, GW + "/api/units/15?asOf=2025-12-31", body -> true, Duration.ofMinutes(2));
        set.await(HTTP, GW + "/api/dossier-stats/service-index/definition", body -> true, Duration.ofMinutes(2));
    }

    @Test
    void shouldComputeTheServiceIndexOfAProvincesCommunesFromWhatItsOfficeSent() throws Exception {
        String admin = token("admin");
        String integration = token("integration");

        // The definition a new user reads first: the documented weights and groups.
        JsonNode definition = call("GET", "/api/dossier-stats/service-index/definition", null, null, 200);
        Map<String, BigDecimal> published = new LinkedHashMap<>();
        Map<String, String> groups = new LinkedHashMap<>();
        for (JsonNode g : definition.get("groups")) {
            for (JsonNode i : g.get("indicators")) {
                published.put(i.get("code").asText(), i.get("weight").decimalValue());
                groups.put(i.get("code").asText(), g.get("code").asText());
            }
        }
        assertEquals(WEIGHTS.keySet(), published.keySet());
        WEIGHTS.forEach((code, w) -> assertEquals(0, w.compareTo(published.get(code)), code));
        assertEquals(GROUPS, groups);
        String definitionId = definition.get("code").asText() + "@"
                + definition.get("version").asInt();

        // 1. The province and its communes, through the registry (an administrator's write).
        call("POST", "/api/units", admin, unit(PROVINCE, "Tỉnh Thử Nghiệm Chỉ Số", "tỉnh", "PROVINCE", null), 201);
        for (int k = 0; k < COMMUNES.size(); k++) {
            call(
                    "POST",
                    "/api/units",
                    admin,
                    unit(COMMUNES.get(k), "Xã Chỉ Số " + (char) ('A' + k), "xã", "COMMUNE", PROVINCE),
                    201);
        }

        // 2. The office's one-stop system: procedures, then March's dossiers and facts, CSV and NDJSON.
        JsonNode procedures = call(
                "PUT",
                "/api/procedures",
                integration,
                List.of(
                        procedure(FULL, "Đăng ký khai sinh (e2e)", 5, "FULL"),
                        procedure(PARTIAL, "Cấp phép xây dựng (e2e)", 10, "PARTIAL")),
                200);
        assertEquals(0, procedures.get("rejected").asInt(), procedures.toString());
        batch(integration, "/api/dossiers/batch", "text/csv", dossiersCsv(), DOSSIERS.size());
        batch(integration, "/api/dossiers/payments/batch", "text/csv", paymentsCsv(), PAYMENTS.size());
        batch(
                integration,
                "/api/dossiers/digitisation/batch",
                "application/x-ndjson",
                ndjson(DIGITISATION.stream().map(ServiceIndexJourneyTest::digitisationRow)),
                DIGITISATION.size());
        batch(
                integration,
                "/api/dossiers/ratings/batch",
                "application/x-ndjson",
                ndjson(RATINGS.stream().map(ServiceIndexJourneyTest::ratingRow)),
                RATINGS.size());
        batch(integration, "/api/dossiers/feedback/batch", "text/csv", feedbackCsv(), FEEDBACK.size());

        // 4. Bad input on the way: per-row rejections naming the field; nothing of them is stored.
        badInput(integration);

        // 3. The month of every commune, by hand.
        LocalDate first = MONTH.atDay(1);
        LocalDate last = MONTH.atEndOfMonth();
        Map<String, Expected> month = expectedRanked(first, last);
        Map<String, Expected> ytd = expectedRanked(first.withDayOfYear(1), last);

        // The hand computation says what this journey is about (so that a mistake in it cannot agree with one in
        // the service): 88001 58.67, 88002 and 88003 tied at 75.00, 88004 without data.
        assertEquals(new BigDecimal("58.67"), month.get(A).score());
        assertEquals(3, month.get(A).rank());
        assertEquals(new BigDecimal("75.00"), month.get(B).score());
        assertEquals(new BigDecimal("75.00"), month.get(C).score());
        assertEquals(1, month.get(B).rank());
        assertEquals(1, month.get(C).rank());
        assertEquals(null, month.get(D).score());

        assertProvince(month, List.of(B, C, A, D), definitionId);
        for (String commune : COMMUNES) {
            JsonNode one = call(
                    "GET", "/api/dossier-stats/service-index?unit=" + commune + "&month=" + MONTH, null, null, 200);
            assertEquals(commune, one.get("unitCode").asText());
            assertEquals(MONTH.toString(), one.get("month").asText());
            assertEquals(definitionId, one.get("definition").asText());
            Set<String> peers = new TreeSet<>();
            one.get("peers").forEach(p -> peers.add(p.asText()));
            assertEquals(new TreeSet<>(COMMUNES), peers);
            assertUnit(month.get(commune), one.get("monthIndex"));
            assertUnit(ytd.get(commune), one.get("yearToDate"));
        }
        // 88004: nothing in March — every indicator missing (no value, no points; never 0 or 100), no score, no
        // rank; its February rating in the year to date.
        JsonNode d = call("GET", "/api/dossier-stats/service-index?unit=" + D + "&month=" + MONTH, null, null, 200);
        for (JsonNode i : d.get("monthIndex").get("indicators")) {
            assertTrue(i.get("missing").asBoolean(), i.toString());
            assertTrue(i.get("value").isNull(), i.toString());
            assertTrue(i.get("points").isNull(), i.toString());
            assertEquals(0, i.get("denominator").asLong(), i.toString());
        }
        assertTrue(d.get("monthIndex").get("score").isNull());
        assertTrue(d.get("monthIndex").get("rank").isNull());
        assertEquals(
                0,
                new BigDecimal("100.00")
                        .compareTo(d.get("yearToDate").get("score").decimalValue()));

        // The drill-down lists behind every numerator and denominator of 88001: paged, and as CSV.
        Map<String, Fraction> counts = expectedCounts(A, first, last);
        for (String indicator : WEIGHTS.keySet()) {
            Fraction f = counts.get(indicator);
            assertItems(indicator, "numerator", f.numerator(), f.numerator());
            assertItems(indicator, "denominator", f.denominator(), f.numerator());
        }

        // The weekly feed of the province for the ISO week of 2 March: 200 with an ETag, then 304.
        LocalDate monday = LocalDate.of(2026, 3, 2);
        assertEquals(DayOfWeek.MONDAY, monday.getDayOfWeek());
        String week = String.format(
                "%d-W%02d", monday.get(IsoFields.WEEK_BASED_YEAR), monday.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
        assertEquals("2026-W10", week);
        String etag = assertFeed(week, monday, monday.plusDays(6));
        // The same week asked in lower case is the same feed.
        HttpResponse<String> lower = send(
                "GET",
                "/api/dossier-stats/service-index/feed?province=" + PROVINCE + "&week=2026-w10",
                null,
                null,
                null,
                null);
        assertEquals(200, lower.statusCode(), lower.body());
        assertEquals(etag, lower.headers().firstValue("ETag").orElse(null));
        // A week across two months (A-09's rating of 1 April, Vietnam time, is in it) and one across two years.
        assertFeed("2026-W14", LocalDate.of(2026, 3, 30), LocalDate.of(2026, 4, 5));
        assertFeed("2026-W01", LocalDate.of(2025, 12, 29), LocalDate.of(2026, 1, 4));

        // 5. Corrections, as a one-stop system sends them: a rating re-sent with another level replaces it (B-01,
        // in the week of 2 March); a dossier's later status replaces its row (A-04 resolved, late). The tie is
        // broken, the ranks move, the feed's old ETag gets the new feed.
        Rating b01 =
                RATINGS.stream().filter(r -> r.id().equals("B-01")).findFirst().orElseThrow();
        Rating corrected = new Rating(b01.id(), b01.unit(), b01.channel(), "NOT_SATISFIED", b01.at());
        RATINGS.set(RATINGS.indexOf(b01), corrected);
        JsonNode re = JSON.readTree(send(
                        "POST",
                        "/api/dossiers/ratings/batch",
                        integration,
                        "application/x-ndjson",
                        ndjson(Stream.of(ratingRow(corrected))),
                        null)
                .body());
        assertEquals(1, re.get("updated").asInt(), re.toString());
        Dossier a04 =
                DOSSIERS.stream().filter(x -> x.id().equals("A-04")).findFirst().orElseThrow();
        Dossier resolved = new Dossier(
                a04.id(),
                a04.unit(),
                a04.procedure(),
                a04.channel(),
                a04.received(),
                a04.due(),
                at("2026-03-25T10:00:00+07:00"),
                "resolved");
        DOSSIERS.set(DOSSIERS.indexOf(a04), resolved);
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("sourceSystem", SOURCE);
        row.put("dossierId", resolved.id());
        row.put("procedureCode", resolved.procedure());
        row.put("unitCode", resolved.unit());
        row.put("channel", resolved.channel());
        row.put("receivedAt", resolved.received().toString());
        row.put("dueAt", resolved.due().toString());
        row.put("finishedAt", resolved.finished().toString());
        row.put("status", "resolved");
        JsonNode dossier = JSON.readTree(
                send("POST", "/api/dossiers/batch", integration, "application/x-ndjson", ndjson(Stream.of(row)), null)
                        .body());
        assertEquals(1, dossier.get("updated").asInt(), dossier.toString());

        Map<String, Expected> after = expectedRanked(first, last);
        // 88001: on time 3 of 6 (10.00, not 12.00) → 56.67; 88002: 2 of 4 satisfied → 50.00.
        assertEquals(new BigDecimal("56.67"), after.get(A).score());
        assertEquals(new BigDecimal("50.00"), after.get(B).score());
        assertEquals(
                List.of(1, 2, 3),
                List.of(after.get(C).rank(), after.get(A).rank(), after.get(B).rank()));
        assertProvince(after, List.of(C, A, B, D), definitionId);
        assertUnit(
                after.get(A),
                call("GET", "/api/dossier-stats/service-index?unit=" + A + "&month=" + MONTH, null, null, 200)
                        .get("monthIndex"));
        String feed = "/api/dossier-stats/service-index/feed?province=" + PROVINCE + "&week=" + week;
        HttpResponse<String> changed = send("GET", feed, null, null, null, Map.of("If-None-Match", etag));
        assertEquals(200, changed.statusCode(), "the feed changed: the old ETag gets it");
        String newTag = changed.headers().firstValue("ETag").orElseThrow();
        assertFalse(newTag.equals(etag), newTag);
        String newFeed = assertFeed(week, monday, monday.plusDays(6));
        assertEquals(newTag, newFeed);
        // A weak validator and a list of them are compared as RFC 9110 says (weak comparison for If-None-Match).
        assertEquals(
                304,
                send("GET", feed, null, null, null, Map.of("If-None-Match", "W/" + newTag))
                        .statusCode());
        assertEquals(
                304,
                send("GET", feed, null, null, null, Map.of("If-None-Match", "\"x\", " + newTag))
                        .statusCode());

        // The same facts as scoring reads them: the province's 2026 metrics with its communes add up what each
        // commune counted over the year (A-09's April rating included), under the same names.
        JsonNode metrics = call(
                "GET",
                "/api/dossier-stats/metrics?unitCode=" + PROVINCE + "&year=2026&includeDescendants=true",
                null,
                null,
                200);
        Map<String, JsonNode> byName = new LinkedHashMap<>();
        metrics.get("metrics").forEach(m -> byName.put(m.get("name").asText(), m));
        for (String indicator : WEIGHTS.keySet()) {
            long num = 0;
            long den = 0;
            for (String commune : COMMUNES) {
                Fraction f = expectedCounts(commune, LocalDate.of(2026, 1, 1), LocalDate.of(2026, 12, 31))
                        .get(indicator);
                num += f.numerator().size();
                den += f.denominator().size();
            }
            JsonNode m = byName.get(indicator);
            assertNotNull(m, indicator + " in " + metrics);
            assertEquals(num, m.get("numerator").asLong(), m.toString());
            assertEquals(den, m.get("denominator").asLong(), m.toString());
            assertDecimal(
                    BigDecimal.valueOf(100 * num).divide(BigDecimal.valueOf(den), 2, RoundingMode.HALF_UP),
                    m.get("value"),
                    m.toString());
        }

        // March's dossier statistics of the province (a whole past month: summed from the monthly roll-up, which
        // the corrected dossier moved) count as the index does.
        JsonNode stats = call(
                "GET",
                "/api/dossier-stats?unitCode=" + PROVINCE + "&includeDescendants=true&from=" + first + "&to=" + last,
                null,
                null,
                200);
        Map<String, String> rates = Map.of(
                "ON_TIME_RATE_RESOLVED", "onTimeRateResolved",
                "ONLINE_SHARE", "onlineShare",
                "FULL_ONLINE_SHARE", "fullOnlineShare");
        for (Map.Entry<String, String> rate : rates.entrySet()) {
            long num = 0;
            long den = 0;
            for (String commune : COMMUNES) {
                Fraction f = after.get(commune).counts().get(rate.getKey());
                num += f.numerator().size();
                den += f.denominator().size();
            }
            JsonNode r = stats.get("total").get("rates").get(rate.getValue());
            assertEquals(num, r.get("numerator").asLong(), rate + ": " + r);
            assertEquals(den, r.get("denominator").asLong(), rate + ": " + r);
        }

        // Before the province existed (it is valid from 2026): no province then, a problem naming it; its
        // communes' own index that month has nothing (every indicator missing, no rank).
        problem("/api/dossier-stats/service-index?province=" + PROVINCE + "&month=2025-12", 404, null);
        problem("/api/dossier-stats/service-index/feed?province=" + PROVINCE + "&week=2025-W51", 404, null);
        JsonNode before = call("GET", "/api/dossier-stats/service-index?unit=" + A + "&month=2025-12", null, null, 200);
        assertTrue(before.get("monthIndex").get("score").isNull(), before.toString());
        assertTrue(before.get("monthIndex").get("rank").isNull(), before.toString());
        for (JsonNode i : before.get("monthIndex").get("indicators")) {
            assertTrue(i.get("missing").asBoolean(), i.toString());
        }
    }

    private static void assertProvince(Map<String, Expected> expected, List<String> order, String definitionId)
            throws Exception {
        JsonNode province = call(
                "GET", "/api/dossier-stats/service-index?province=" + PROVINCE + "&month=" + MONTH, null, null, 200);
        assertEquals(PROVINCE, province.get("provinceCode").asText());
        assertEquals(MONTH.toString(), province.get("month").asText());
        assertEquals(definitionId, province.get("definition").asText());
        List<String> listed = new ArrayList<>();
        province.get("units").forEach(u -> listed.add(u.get("unitCode").asText()));
        // Ranked units by rank then code, the unranked last.
        assertEquals(order, listed);
        for (JsonNode u : province.get("units")) {
            assertUnit(expected.get(u.get("unitCode").asText()), u);
        }
    }

    // ------------------------------------------------------------------------------------------------------------
    // By hand: the rules of docs/domain.md, applied to what this class sent.

    record Fraction(Set<String> numerator, Set<String> denominator) {}

    record Expected(
            String unit,
            Map<String, Fraction> counts,
            BigDecimal total,
            BigDecimal available,
            BigDecimal score,
            String band,
            Integer rank,
            int rankedOf) {}

    static Map<String, Fraction> expectedCounts(String unit, LocalDate from, LocalDate to) {
        Predicate<LocalDate> in = d -> d != null && !d.isBefore(from) && !d.isAfter(to);
        Map<String, Fraction> out = new LinkedHashMap<>();
        for (String code : WEIGHTS.keySet()) {
            out.put(code, new Fraction(new TreeSet<>(), new TreeSet<>()));
        }
        for (Feedback f : FEEDBACK) {
            if (f.unit().equals(unit) && in.test(day(f.received()))) {
                if (f.answered() != null || f.deadline().isBefore(TODAY)) {
                    add(
                            out,
                            "FEEDBACK_ON_TIME_RATE",
                            f.id(),
                            f.answered() != null && !day(f.answered()).isAfter(f.deadline()));
                }
            }
        }
        for (Dossier x : DOSSIERS) {
            if (!x.unit().equals(unit)) {
                continue;
            }
            if (x.finishedStatus()
                    && in.test(day(x.finished()))
                    && !day(x.received()).isAfter(to)) {
                add(out, "ON_TIME_RATE_RESOLVED", x.id(), !day(x.finished()).isAfter(x.due()));
            }
            if (in.test(day(x.received())) && !x.excluded()) {
                boolean online = x.channel().equals("ONLINE");
                add(out, "ONLINE_SHARE", x.id(), online);
                add(out, "FULL_ONLINE_SHARE", x.id(), online && x.procedure().equals(FULL));
            }
        }
        for (Digitisation g : DIGITISATION) {
            if (g.unit().equals(unit) && in.test(g.day())) {
                if (g.total() > 0) {
                    add(out, "DOSSIER_DIGITISATION_RATE", g.id(), g.digitised() == g.total());
                }
                if (g.electronic() != null) {
                    add(out, "RESULT_ELECTRONIC_RATE", g.id(), g.electronic());
                }
                add(out, "DIGITISED_REUSE_RATE", g.id(), g.reused());
            }
        }
        for (Payment p : PAYMENTS) {
            if (p.unit().equals(unit) && in.test(day(p.paidAt())) && p.fee() > 0) {
                add(out, "ONLINE_PAYMENT_RATE", p.id(), p.online());
            }
        }
        for (Rating r : RATINGS) {
            if (r.unit().equals(unit) && in.test(day(r.at()))) {
                add(out, "SATISFACTION_RATE", r.id(), !r.level().equals("NOT_SATISFIED"));
            }
        }
        return out;
    }

    private static void add(Map<String, Fraction> out, String indicator, String id, boolean inNumerator) {
        out.get(indicator).denominator().add(id);
        if (inNumerator) {
            out.get(indicator).numerator().add(id);
        }
    }

    static Map<String, Expected> expectedRanked(LocalDate from, LocalDate to) {
        List<Expected> units = new ArrayList<>();
        for (String unit : COMMUNES) {
            Map<String, Fraction> counts = expectedCounts(unit, from, to);
            BigDecimal total = BigDecimal.ZERO;
            BigDecimal available = BigDecimal.ZERO;
            for (Map.Entry<String, Fraction> e : counts.entrySet()) {
                if (!e.getValue().denominator().isEmpty()) {
                    total = total.add(points(WEIGHTS.get(e.getKey()), e.getValue()));
                    available = available.add(WEIGHTS.get(e.getKey()));
                }
            }
            BigDecimal score = available.signum() == 0
                    ? null
                    : total.multiply(BigDecimal.valueOf(100)).divide(available, 2, RoundingMode.HALF_UP);
            units.add(new Expected(unit, counts, total, available, score, band(score), null, 0));
        }
        int n = (int) units.stream().filter(u -> u.score() != null).count();
        Map<String, Expected> out = new LinkedHashMap<>();
        for (Expected u : units) {
            Integer rank = null;
            if (u.score() != null) {
                rank = 1
                        + (int) units.stream()
                                .filter(o -> o.score() != null && o.score().compareTo(u.score()) > 0)
                                .count();
            }
            out.put(
                    u.unit(),
                    new Expected(u.unit(), u.counts(), u.total(), u.available(), u.score(), u.band(), rank, n));
        }
        return out;
    }

    static BigDecimal points(BigDecimal weight, Fraction f) {
        return weight.multiply(BigDecimal.valueOf(f.numerator().size()))
                .divide(BigDecimal.valueOf(f.denominator().size()), 2, RoundingMode.HALF_UP);
    }

    static String band(BigDecimal score) {
        if (score == null) {
            return null;
        }
        int[] min = {90, 80, 70, 50, 0};
        String[] code = {"EXCELLENT", "GOOD", "FAIR", "AVERAGE", "WEAK"};
        for (int k = 0; k < min.length; k++) {
            if (score.compareTo(BigDecimal.valueOf(min[k])) >= 0) {
                return code[k];
            }
        }
        throw new IllegalStateException();
    }

    private static void assertUnit(Expected e, JsonNode u) {
        String unit = e.unit();
        assertEquals(unit, u.get("unitCode").asText());
        Map<String, BigDecimal> groupPoints = new LinkedHashMap<>();
        Map<String, BigDecimal> groupAvailable = new LinkedHashMap<>();
        int seen = 0;
        for (JsonNode i : u.get("indicators")) {
            String code = i.get("code").asText();
            String what = unit + " " + code + ": " + i;
            Fraction f = e.counts().get(code);
            assertNotNull(f, what);
            seen++;
            long num = f.numerator().size();
            long den = f.denominator().size();
            assertEquals(GROUPS.get(code), i.get("group").asText(), what);
            assertDecimal(WEIGHTS.get(code), i.get("weight"), what);
            assertEquals(num, i.get("numerator").asLong(), what);
            assertEquals(den, i.get("denominator").asLong(), what);
            assertEquals(den == 0, i.get("missing").asBoolean(), what);
            groupPoints.putIfAbsent(GROUPS.get(code), BigDecimal.ZERO);
            groupAvailable.putIfAbsent(GROUPS.get(code), BigDecimal.ZERO);
            if (den == 0) {
                assertTrue(i.get("value").isNull(), what);
                assertTrue(i.get("points").isNull(), what);
            } else {
                BigDecimal value =
                        BigDecimal.valueOf(100 * num).divide(BigDecimal.valueOf(den), 2, RoundingMode.HALF_UP);
                BigDecimal points = points(WEIGHTS.get(code), f);
                assertDecimal(value, i.get("value"), what);
                assertDecimal(points, i.get("points"), what);
                groupPoints.merge(GROUPS.get(code), points, BigDecimal::add);
                groupAvailable.merge(GROUPS.get(code), WEIGHTS.get(code), BigDecimal::add);
            }
            assertFalse(i.get("formula").asText().isBlank(), what);
        }
        assertEquals(WEIGHTS.size(), seen, unit);
        for (JsonNode g : u.get("groups")) {
            String code = g.get("code").asText();
            String what = unit + " group " + code + ": " + g;
            BigDecimal available = groupAvailable.get(code);
            BigDecimal max = WEIGHTS.entrySet().stream()
                    .filter(w -> GROUPS.get(w.getKey()).equals(code))
                    .map(Map.Entry::getValue)
                    .reduce(BigDecimal.ZERO, BigDecimal::add);
            assertDecimal(max, g.get("maxPoints"), what);
            assertDecimal(available, g.get("availablePoints"), what);
            if (available.signum() == 0) {
                assertTrue(g.get("points").isNull(), what);
            } else {
                assertDecimal(groupPoints.get(code), g.get("points"), what);
            }
        }
        String what = unit + ": " + u;
        assertDecimal(e.available(), u.get("availablePoints"), what);
        if (e.score() == null) {
            assertTrue(u.get("totalPoints").isNull(), what);
            assertTrue(u.get("score").isNull(), what);
        } else {
            assertDecimal(e.total(), u.get("totalPoints"), what);
            assertDecimal(e.score(), u.get("score"), what);
        }
        assertEquals(e.band(), u.get("band").isNull() ? null : u.get("band").asText(), what);
        assertEquals(
                e.counts().values().stream().noneMatch(f -> f.denominator().isEmpty()),
                u.get("complete").asBoolean(),
                what);
        assertEquals(e.rank(), u.get("rank").isNull() ? null : u.get("rank").asInt(), what);
        assertEquals(e.rankedOf(), u.get("rankedOf").asInt(), what);
    }

    private static void assertDecimal(BigDecimal expected, JsonNode actual, String what) {
        assertTrue(actual != null && actual.isNumber(), what);
        assertEquals(0, expected.compareTo(actual.decimalValue()), "expected " + expected + " — " + what);
    }

    /** The items behind one part, page by page (size 2) and as CSV: as many as the part counts, the right ones. */
    private static void assertItems(String indicator, String part, Set<String> expected, Set<String> numerator)
            throws Exception {
        String base = "/api/dossier-stats/service-index/items?unit=" + A + "&month=" + MONTH + "&indicator=" + indicator
                + "&part=" + part;
        Set<String> ids = new TreeSet<>();
        for (int page = 0; ; page++) {
            JsonNode p = call("GET", base + "&size=2&page=" + page, null, null, 200);
            assertEquals(expected.size(), p.get("total").asLong(), indicator + " " + part);
            for (JsonNode item : p.get("items")) {
                String id = item.get("id").asText();
                assertTrue(ids.add(id), indicator + " " + part + " lists " + id + " twice");
                assertEquals(A, item.get("unitCode").asText());
                assertEquals(SOURCE, item.get("sourceSystem").asText());
                assertEquals(numerator.contains(id), item.get("inNumerator").asBoolean(), item.toString());
                LocalDate day = LocalDate.parse(item.get("day").asText());
                assertEquals(MONTH, YearMonth.from(day), item.toString());
            }
            if (p.get("items").size() < 2) {
                break;
            }
        }
        assertEquals(expected, ids, indicator + " " + part);
        JsonNode beyond = call("GET", base + "&size=2&page=50", null, null, 200);
        assertEquals(expected.size(), beyond.get("total").asLong());
        assertEquals(0, beyond.get("items").size());
        HttpResponse<String> csv = send("GET", base + "&format=csv", null, null, null, null);
        assertEquals(200, csv.statusCode(), csv.body());
        assertTrue(csv.headers().firstValue("Content-Type").orElse("").startsWith("text/csv"));
        List<String> lines = csv.body().lines().toList();
        assertEquals("sourceSystem,id,unitCode,day,inNumerator,detail", lines.getFirst());
        assertEquals(expected.size(), lines.size() - 1, indicator + " " + part + " CSV:\n" + csv.body());
        Set<String> csvIds = lines.stream().skip(1).map(l -> l.split(",")[1]).collect(Collectors.toSet());
        assertEquals(expected, new TreeSet<>(csvIds), indicator + " " + part + " CSV");
    }

    /** The feed of a week checked against the hand computation; its ETag. */
    private static String assertFeed(String week, LocalDate monday, LocalDate sunday) throws Exception {
        String path = "/api/dossier-stats/service-index/feed?province=" + PROVINCE + "&week=" + week;
        HttpResponse<String> first = send("GET", path, null, null, null, null);
        assertEquals(200, first.statusCode(), first.body());
        String etag = first.headers().firstValue("ETag").orElse(null);
        assertNotNull(etag, "the feed has an ETag");
        assertTrue(first.headers().firstValue("Content-Type").orElse("").startsWith("text/csv"));
        List<String> lines = first.body().lines().toList();
        List<String> header = List.of(lines.getFirst().split(","));
        // Every commune: its 9 indicators and its score; then the week's facts.
        Map<String, Expected> expected = expectedRanked(monday, sunday);
        long facts = Stream.of(
                        PAYMENTS.stream().map(p -> day(p.paidAt())),
                        DIGITISATION.stream().map(Digitisation::day),
                        RATINGS.stream().map(r -> day(r.at())),
                        FEEDBACK.stream().map(f -> day(f.received())))
                .flatMap(s -> s)
                .filter(x -> !x.isBefore(monday) && !x.isAfter(sunday))
                .count();
        assertEquals(1 + COMMUNES.size() * (WEIGHTS.size() + 1) + facts, lines.size(), first.body());
        int type = header.indexOf("type");
        int unit = header.indexOf("unitCode");
        int score = header.indexOf("score");
        int rank = header.indexOf("rank");
        for (String line : lines.subList(1, lines.size())) {
            String[] cells = line.split(",", -1);
            if (cells[type].equals("score")) {
                Expected e = expected.get(cells[unit]);
                assertNotNull(e, line);
                assertEquals(e.score() == null ? "" : e.score().toPlainString(), cells[score], line);
                assertEquals(e.rank() == null ? "" : e.rank().toString(), cells[rank], line);
            } else {
                assertTrue(COMMUNES.contains(cells[unit]), line);
            }
        }
        HttpResponse<String> again = send("GET", path, null, null, null, Map.of("If-None-Match", etag));
        assertEquals(304, again.statusCode(), again.body());
        assertTrue(again.body().isEmpty());
        HttpResponse<String> ndjson = send("GET", path + "&format=ndjson", null, null, null, null);
        assertEquals(200, ndjson.statusCode(), ndjson.body());
        assertEquals(lines.size() - 1, ndjson.body().lines().count());
        for (String line : ndjson.body().lines().toList()) {
            assertEquals(week, JSON.readTree(line).get("week").asText(), line);
        }
        return etag;
    }

    // ------------------------------------------------------------------------------------------------------------
    // Bad input.

    private static void badInput(String integration) throws Exception {
        // A rating of an unknown level next to a re-sent good one: that row refused (line 2, level), the other
        // unchanged.
        Rating good = RATINGS.getFirst();
        String ratings =
                ndjson(Stream.of(ratingRow(good), ratingRow(new Rating("A-04", A, "DEVICE", "DELIGHTED", good.at()))));
        JsonNode r = JSON.readTree(
                send("POST", "/api/dossiers/ratings/batch", integration, "application/x-ndjson", ratings, null)
                        .body());
        assertEquals(2, r.get("rows").asInt(), r.toString());
        assertEquals(1, r.get("unchanged").asInt(), r.toString());
        assertEquals(1, r.get("rejected").asInt(), r.toString());
        assertRejection(r.get("rejections").get(0), 2, "level");

        // A zero fee paid online: nothing was paid.
        JsonNode p = batchAnswer(
                integration,
                "/api/dossiers/payments/batch",
                "text/csv",
                "sourceSystem,dossierId,unitCode,fee,paidOnline,paidAt\n" + SOURCE + ",A-99," + A
                        + ",0,true,2026-03-05T10:00:00+07:00\n");
        assertRejection(p.get("rejections").get(0), 2, "paidOnline");

        // A dossier of the commune before the commune existed (it is valid from 2026).
        JsonNode early = batchAnswer(
                integration,
                "/api/dossiers/batch",
                "text/csv",
                "sourceSystem,dossierId,procedureCode,unitCode,channel,receivedAt,status\n" + SOURCE + ",A-98," + FULL
                        + "," + A + ",ONLINE,2025-12-20T09:00:00+07:00,processing\n");
        assertRejection(early.get("rejections").get(0), 2, "unitCode");

        // Feedback answered before it was received.
        JsonNode f = batchAnswer(
                integration,
                "/api/dossiers/feedback/batch",
                "text/csv",
                "sourceSystem,feedbackId,unitCode,receivedAt,deadline,answeredAt\n" + SOURCE + ",F-A9," + A
                        + ",2026-03-10T09:00:00+07:00,2026-03-20,2026-03-09T09:00:00+07:00\n");
        assertRejection(f.get("rejections").get(0), 2, "answeredAt");

        // Only the integration account (and administrators) send facts.
        String officer = token("officer-132");
        assertEquals(
                403,
                send("POST", "/api/dossiers/ratings/batch", officer, "application/x-ndjson", ratings, null)
                        .statusCode());

        // Reads naming the parameter at fault.
        problem("/api/dossier-stats/service-index?unit=" + A + "&month=2025-13", 400, "month");
        problem("/api/dossier-stats/service-index?unit=" + A + "&month=March", 400, "month");
        problem("/api/dossier-stats/service-index?unit=" + A, 400, "month");
        problem(
                "/api/dossier-stats/service-index?unit=" + A + "&province=" + PROVINCE + "&month=" + MONTH,
                400,
                "unit");
        problem("/api/dossier-stats/service-index?province=" + A + "x!&month=" + MONTH, 400, "province");
        // A commune is not a province: its "units" would rank nothing.
        problem("/api/dossier-stats/service-index?province=" + A + "&month=" + MONTH, 400, "province");
        problem("/api/dossier-stats/service-index?unit=88999&month=" + MONTH, 404, null);
        String items = "/api/dossier-stats/service-index/items?unit=" + A + "&month=" + MONTH;
        problem(items + "&indicator=SATISFACTION&part=numerator", 400, "indicator");
        problem(items + "&indicator=SATISFACTION_RATE&part=both", 400, "part");
        problem(items + "&indicator=SATISFACTION_RATE&part=numerator&size=0", 400, "size");
        problem(items + "&indicator=SATISFACTION_RATE&part=numerator&page=-1", 400, "page");
        String feed = "/api/dossier-stats/service-index/feed?province=" + PROVINCE;
        problem(feed + "&week=2026-W54", 400, "week");
        problem(feed + "&week=2026-03", 400, "week");
        problem(feed + "&week=2026-W10&format=xml", 400, "format");
    }

    private static void assertRejection(JsonNode rejection, int line, String field) {
        assertNotNull(rejection, "a rejection");
        assertEquals(line, rejection.get("line").asInt(), rejection.toString());
        assertEquals(field, rejection.get("field").asText(), rejection.toString());
        assertFalse(rejection.get("reason").asText().isBlank(), rejection.toString());
    }

    private static JsonNode batchAnswer(String token, String path, String type, String body) throws Exception {
        HttpResponse<String> r = send("POST", path, token, type, body, null);
        assertEquals(200, r.statusCode(), r.body());
        JsonNode answer = JSON.readTree(r.body());
        assertEquals(1, answer.get("rejected").asInt(), answer.toString());
        assertEquals(0, answer.get("inserted").asInt(), answer.toString());
        return answer;
    }

    private static void problem(String path, int status, String field) throws Exception {
        HttpResponse<String> r = send("GET", path, null, null, null, null);
        assertEquals(status, r.statusCode(), path + " → " + r.body());
        assertTrue(
                r.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"),
                path + " → " + r.headers().map());
        JsonNode body = JSON.readTree(r.body());
        assertEquals(status, body.get("status").asInt(), r.body());
        if (field != null) {
            assertEquals(field, body.get("errors").get(0).get("field").asText(), path + " → " + r.body());
        }
    }

    // ------------------------------------------------------------------------------------------------------------
    // What is sent.

    private static Map<String, Object> unit(String code, String name, String type, String level, String parent) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("code", code);
        body.put("name", name);
        body.put("type", type);
        body.put("level", level);
        if (parent != null) {
            body.put("parentCode", parent);
        }
        body.put("validFrom", VALID_FROM.toString());
        body.put("legalBasis", "Nghị quyết thử nghiệm E2E (chỉ số 766)");
        return body;
    }

    private static Map<String, Object> procedure(String code, String name, int days, String level) {
        return Map.of(
                "code", code,
                "name", name,
                "field", "Thử nghiệm",
                "authorityLevel", "COMMUNE",
                "deadlineWorkingDays", days,
                "serviceLevel", level);
    }

    private static String dossiersCsv() {
        StringBuilder sb = new StringBuilder(
                "sourceSystem,dossierId,procedureCode,unitCode,channel,receivedAt,dueAt,finishedAt,status\n");
        for (Dossier x : DOSSIERS) {
            sb.append(String.join(
                            ",",
                            SOURCE,
                            x.id(),
                            x.procedure(),
                            x.unit(),
                            x.channel(),
                            x.received().toString(),
                            x.due().toString(),
                            x.finished() == null ? "" : x.finished().toString(),
                            x.status()))
                    .append('\n');
        }
        return sb.toString();
    }

    private static String paymentsCsv() {
        StringBuilder sb = new StringBuilder("sourceSystem,dossierId,unitCode,procedureCode,fee,paidOnline,paidAt\n");
        for (Payment p : PAYMENTS) {
            sb.append(String.join(
                            ",",
                            SOURCE,
                            p.id(),
                            p.unit(),
                            "",
                            Long.toString(p.fee()),
                            Boolean.toString(p.online()),
                            p.paidAt().toString()))
                    .append('\n');
        }
        return sb.toString();
    }

    private static Map<String, Object> digitisationRow(Digitisation g) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("sourceSystem", SOURCE);
        row.put("dossierId", g.id());
        row.put("unitCode", g.unit());
        row.put("componentsTotal", g.total());
        row.put("componentsDigitised", g.digitised());
        row.put("resultElectronic", g.electronic());
        row.put("reusedDigitised", g.reused());
        row.put("digitisedAt", g.day().toString());
        return row;
    }

    private static Map<String, Object> ratingRow(Rating r) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("sourceSystem", SOURCE);
        row.put("dossierId", r.id());
        row.put("unitCode", r.unit());
        row.put("channel", r.channel());
        row.put("level", r.level());
        row.put("ratedAt", r.at().toString());
        return row;
    }

    private static String feedbackCsv() {
        StringBuilder sb =
                new StringBuilder("sourceSystem,feedbackId,unitCode,kind,receivedAt,deadline,answeredAt,outcome\n");
        for (Feedback f : FEEDBACK) {
            sb.append(String.join(
                            ",",
                            SOURCE,
                            f.id(),
                            f.unit(),
                            f.kind(),
                            f.received().toString(),
                            f.deadline().toString(),
                            f.answered() == null ? "" : f.answered().toString(),
                            f.outcome() == null ? "" : f.outcome()))
                    .append('\n');
        }
        return sb.toString();
    }

    private static String ndjson(Stream<Map<String, Object>> rows) {
        return rows.map(r -> {
                    try {
                        return JSON.writeValueAsString(r);
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                })
                .collect(Collectors.joining("\n", "", "\n"));
    }

    private static void batch(String token, String path, String type, String body, int rows) throws Exception {
        HttpResponse<String> r = send("POST", path, token, type, body, null);
        assertEquals(200, r.statusCode(), path + " → " + r.body());
        JsonNode answer = JSON.readTree(r.body());
        assertEquals(0, answer.get("rejected").asInt(), path + " → " + answer);
        assertEquals(rows, answer.get("rows").asInt(), path + " → " + answer);
        assertEquals(rows, answer.get("inserted").asInt(), path + " → " + answer);
    }

    // ------------------------------------------------------------------------------------------------------------
    // Through the gateway.

    private static JsonNode call(String method, String path, String token, Object body, int expected) throws Exception {
        HttpResponse<String> r = send(
                method,
                path,
                token,
                body == null ? null : "application/json",
                body == null ? null : JSON.writeValueAsString(body),
                null);
        assertEquals(expected, r.statusCode(), method + " " + path + " → " + r.body());
        return r.body().isBlank() ? JSON.nullNode() : JSON.readTree(r.body());
    }

    /** One request through the gateway; a 429 (this client's rate) or a 503 (a dependency settling) is waited out. */
    private static HttpResponse<String> send(
            String method, String path, String token, String type, String body, Map<String, String> headers)
            throws Exception {
        for (int attempt = 0; ; attempt++) {
            HttpRequest.Builder b =
                    HttpRequest.newBuilder(URI.create(GW + path)).timeout(Duration.ofSeconds(60));
            if (token != null) {
                b.header("Authorization", "Bearer " + token);
            }
            if (headers != null) {
                headers.forEach(b::header);
            }
            b.method(
                    method,
                    body == null
                            ? HttpRequest.BodyPublishers.noBody()
                            : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
            if (body != null) {
                b.header("Content-Type", type);
            }
            HttpResponse<String> r = HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() == 429 && attempt < 20) {
                Thread.sleep(1000L
                        * Long.parseLong(r.headers().firstValue("Retry-After").orElse("1")));
                continue;
            }
            if (r.statusCode() == 503 && attempt < 30) {
                Thread.sleep(2000);
                continue;
            }
            return r;
        }
    }
}
