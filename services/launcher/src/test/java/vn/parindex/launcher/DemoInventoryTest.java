package vn.parindex.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import vn.parindex.launcher.DemoInventory.Check;
import vn.parindex.launcher.DemoInventory.State;
import vn.parindex.launcher.DemoObservation.Answer;
import vn.parindex.launcher.DemoObservation.LoaderStatus;
import vn.parindex.launcher.DemoObservation.Named;

class DemoInventoryTest {

    private static final Answer<Map<String, Long>> UNITS_2024 =
            Answer.of(Map.of("PROVINCE", 63L, "DISTRICT", 696L, "COMMUNE", 10_598L));
    private static final Answer<Map<String, Long>> UNITS_2025 = Answer.of(Map.of("PROVINCE", 34L, "COMMUNE", 3_321L));
    private static final Answer<List<String>> GROUPS = Answer.of(List.of("YB-DISTRICTS-2021"));
    private static final Answer<LoaderStatus> CATALOGUE_LOADED =
            Answer.of(new LoaderStatus("LOADED", "4 demo criteria sets loaded", Map.of("demoSets", 4L), ""));
    private static final Answer<List<Named>> SETS = Answer.of(List.of(
            new Named("PAR_PROV_2024", "PUBLISHED"),
            new Named("PAR_DIST_YB_2021", "PUBLISHED"),
            new Named("PAR_COMMUNE_2025", "PUBLISHED"),
            new Named("SVC_766", "PUBLISHED")));
    private static final Answer<List<Named>> CAMPAIGNS_PUBLISHED =
            Answer.of(List.of(new Named("YB-DIST-2021", "PUBLISHED"), new Named("YB-DIST-2020", "PUBLISHED")));
    private static final Answer<LoaderStatus> DOSSIERS_LOADED = Answer.of(new LoaderStatus(
            "LOADED",
            "100000 demo dossiers stored",
            Map.of("dossiers", 100_000L, "dossiersAll", 100_000L, "procedures", 200L),
            "2019,2020,2021,2022,2023,2024,2025,2026"));
    private static final Answer<LoaderStatus> DOSSIERS_LOADING = Answer.of(new LoaderStatus(
            "LOADING",
            "waiting for the unit registry at http://localhost:8081 (attempt 3)",
            Map.of("dossiers", 0L, "dossiersAll", 0L, "procedures", 0L),
            "2019,2020,2021,2022,2023,2024,2025,2026"));

    private static final Duration SETTLED = DemoInventory.CAMPAIGNS_SETTLED;

    private static DemoObservation everything() {
        return new DemoObservation(
                UNITS_2024, UNITS_2025, GROUPS, CATALOGUE_LOADED, SETS, CAMPAIGNS_PUBLISHED, DOSSIERS_LOADED);
    }

    @Test
    void shouldSettleWithNothingMissingWhenEveryDataSetIsThere() {
        List<Check> checks = DemoInventory.assess(everything(), true, SETTLED);

        assertTrue(DemoInventory.settled(checks), checks.toString());
        assertTrue(DemoInventory.missing(checks).isEmpty(), checks.toString());
        assertEquals(0, Launcher.smokeExitCode(true, DemoInventory.missing(checks)));
        assertEquals(
                List.of(
                        "units",
                        "peer groups",
                        "criteria sets",
                        "campaigns",
                        "procedures",
                        "dossiers",
                        "calendar years"),
                checks.stream().map(Check::name).toList());
    }

    @Test
    void shouldKeepWaitingWhileTheDossiersLoad() {
        DemoObservation o = new DemoObservation(
                UNITS_2024, UNITS_2025, GROUPS, CATALOGUE_LOADED, SETS, CAMPAIGNS_PUBLISHED, DOSSIERS_LOADING);

        List<Check> checks = DemoInventory.assess(o, true, SETTLED);

        assertFalse(DemoInventory.settled(checks));
        assertEquals(State.PENDING, state(checks, "dossiers"));
        assertTrue(DemoInventory.pending(checks).contains("waiting for the unit registry"), checks.toString());
    }

    @Test
    void shouldWaitUntilTheCampaignListHasStoppedChanging() {
        assertEquals(
                State.PENDING,
                state(DemoInventory.assess(everything(), true, Duration.ofSeconds(2)), "campaigns"),
                "all published, but scoring may be about to create the next one");
        assertEquals(State.READY, state(DemoInventory.assess(everything(), true, SETTLED), "campaigns"));

        DemoObservation halfWay =
                withCampaigns(List.of(new Named("YB-DIST-2020", "PUBLISHED"), new Named("YB-DIST-2021", "APPRAISAL")));
        assertEquals(State.PENDING, state(DemoInventory.assess(halfWay, true, Duration.ofSeconds(30)), "campaigns"));
        assertEquals(
                State.READY,
                state(DemoInventory.assess(halfWay, true, DemoInventory.CAMPAIGNS_STUCK), "campaigns"),
                "stuck with one published: shown as it is");

        DemoObservation nonePublished = withCampaigns(List.of(new Named("YB-DIST-2020", "OPEN")));
        Check stuck = check(DemoInventory.assess(nonePublished, true, DemoInventory.CAMPAIGNS_STUCK), "campaigns");
        assertEquals(State.MISSING, stuck.state());
        assertTrue(stuck.detail().contains("no published campaign"), stuck.detail());
    }

    @Test
    void shouldNameEveryMissingDemoDataSetWhenDemoDataIsOff() {
        DemoObservation o = new DemoObservation(
                UNITS_2024,
                UNITS_2025,
                Answer.of(List.of()),
                Answer.of(new LoaderStatus("DISABLED", "parindex.demo-data is off", Map.of(), "")),
                Answer.of(List.of()),
                Answer.of(List.of()),
                Answer.of(new LoaderStatus(
                        "DISABLED", "parindex.demo-data is off", Map.of("dossiers", 0L), "2019,2020")));

        List<Check> checks = DemoInventory.assess(o, false, Duration.ZERO);

        assertTrue(DemoInventory.settled(checks), "nothing to wait for: " + checks);
        assertEquals(
                List.of("peer groups", "criteria sets", "campaigns", "procedures", "dossiers"),
                DemoInventory.missing(checks).stream().map(Check::name).toList());
        assertEquals(State.READY, state(checks, "units"), "the registry's seed does not depend on demo data");
        assertEquals(1, Launcher.smokeExitCode(true, DemoInventory.missing(checks)));
        String said = Launcher.describe(DemoInventory.missing(checks));
        assertTrue(said.contains("dossiers (none (PARINDEX_DEMO_DATA is off))"), said);
    }

    @Test
    void shouldReportAFailedLoaderWithItsReason() {
        DemoObservation o = new DemoObservation(
                UNITS_2024,
                UNITS_2025,
                GROUPS,
                CATALOGUE_LOADED,
                SETS,
                CAMPAIGNS_PUBLISHED,
                Answer.of(new LoaderStatus(
                        "FAILED",
                        "the unit registry (http://localhost:8081) did not give the communes of province 15 within"
                                + " PT5M (parindex.demo.wait)",
                        Map.of("procedures", 0L),
                        "2019")));

        List<Check> missing = DemoInventory.missing(DemoInventory.assess(o, true, SETTLED));

        assertEquals(
                List.of("procedures", "dossiers"),
                missing.stream().map(Check::name).toList());
        assertTrue(check(missing, "dossiers").detail().contains("parindex.demo.wait"), missing.toString());
    }

    @Test
    void shouldCountWhatIsStillPendingAtTheLimitAsMissing() {
        DemoObservation o = new DemoObservation(
                UNITS_2024,
                UNITS_2025,
                GROUPS,
                CATALOGUE_LOADED,
                SETS,
                Answer.failed("scoring does not answer http://localhost:8083/api/campaigns (ConnectException)"),
                DOSSIERS_LOADED);
        List<Check> checks = DemoInventory.assess(o, true, Duration.ZERO);
        assertFalse(DemoInventory.settled(checks));

        List<Check> final_ = DemoInventory.giveUp(checks, Duration.ofSeconds(600));

        assertTrue(DemoInventory.settled(final_));
        Check campaigns = check(final_, "campaigns");
        assertEquals(State.MISSING, campaigns.state());
        assertTrue(
                campaigns.detail().startsWith("not there after 600 s (PARINDEX_INVENTORY_TIMEOUT)"),
                campaigns.detail());
        assertTrue(campaigns.detail().contains("scoring does not answer"), campaigns.detail());
        assertEquals(1, Launcher.smokeExitCode(true, DemoInventory.missing(final_)));
        assertEquals(1, Launcher.smokeExitCode(false, List.of()), "an unhealthy service fails the smoke run too");
    }

    @Test
    void shouldPrintWhatEachServiceHolds() {
        String text = DemoInventory.render(DemoInventory.assess(everything(), true, SETTLED), 95.4);

        assertTrue(text.contains("2024 structure (2024-12-31): 63 provinces, 696 districts, 10,598 communes"), text);
        assertTrue(text.contains("2025 structure (2025-07-01): 34 provinces, 3,321 communes"), text);
        assertTrue(text.contains("peer groups      1: YB-DISTRICTS-2021"), text);
        assertTrue(text.contains("criteria sets    4: PAR_PROV_2024 PUBLISHED,"), text);
        assertTrue(text.contains("campaigns        2: YB-DIST-2021 PUBLISHED, YB-DIST-2020 PUBLISHED"), text);
        assertTrue(text.contains("procedures       200"), text);
        assertTrue(text.contains("dossiers         100,000 demo dossiers (100,000 in all)"), text);
        assertTrue(text.contains("calendar years   2019–2026 (8 years)"), text);
        assertTrue(text.lines().allMatch(line -> line.length() <= 110), text);
    }

    @Test
    void shouldWrapLongReasonsUnderTheValue() {
        Check longOne = new Check(
                "campaigns",
                State.MISSING,
                "not there after 601 s (PARINDEX_INVENTORY_TIMEOUT): none yet (scoring loads them once the registry"
                        + " and the catalogue answer) and a few more words to pass the width");

        String text = DemoInventory.render(List.of(longOne), 1);

        List<String> lines = text.lines().toList();
        assertTrue(lines.stream().allMatch(line -> line.length() <= 110), text);
        assertTrue(lines.get(2).startsWith("  campaigns        MISSING: not there"), text);
        assertTrue(lines.get(3).startsWith(" ".repeat(19)) && !lines.get(3).isBlank(), text);
    }

    @Test
    void yearsAndLevelsAreShortened() {
        assertEquals("2019–2021 (3 years)", DemoInventory.yearRange("2021,2019,2020"));
        assertEquals("2019, 2025", DemoInventory.yearRange("2019,2025"));
        assertEquals("0 provinces", DemoInventory.levels(Map.of()));
    }

    private static DemoObservation withCampaigns(List<Named> campaigns) {
        return new DemoObservation(
                UNITS_2024, UNITS_2025, GROUPS, CATALOGUE_LOADED, SETS, Answer.of(campaigns), DOSSIERS_LOADED);
    }

    private static State state(List<Check> checks, String name) {
        return check(checks, name).state();
    }

    private static Check check(List<Check> checks, String name) {
        return checks.stream().filter(c -> c.name().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void shouldFollowScoringsDemoStatusWhenItHasOne() {
        Answer<LoaderStatus> loading = Answer.of(new LoaderStatus("LOADING", "loading VN-PROV-2025", Map.of(), ""));
        Answer<LoaderStatus> loaded = Answer.of(new LoaderStatus("LOADED", "12 of 12 published", Map.of(), ""));
        Answer<LoaderStatus> failed =
                Answer.of(new LoaderStatus("FAILED", "the registry did not answer in 10 minutes", Map.of(), ""));

        List<Check> whileLoading = DemoInventory.assess(observation(loading), true, Duration.ofMinutes(5));
        assertEquals(State.PENDING, state(whileLoading, "campaigns"), "a long quiet spell is not the end");
        assertTrue(DemoInventory.pending(whileLoading).contains("VN-PROV-2025"));

        assertEquals(State.READY, state(DemoInventory.assess(observation(loaded), true, Duration.ZERO), "campaigns"));

        List<Check> gaveUp = DemoInventory.assess(observation(failed), true, Duration.ZERO);
        assertEquals(State.MISSING, state(gaveUp, "campaigns"));
        assertEquals(1, Launcher.smokeExitCode(true, DemoInventory.missing(gaveUp)));
    }

    private static DemoObservation observation(Answer<LoaderStatus> scoringDemo) {
        return new DemoObservation(
                UNITS_2024,
                UNITS_2025,
                GROUPS,
                CATALOGUE_LOADED,
                SETS,
                CAMPAIGNS_PUBLISHED,
                DOSSIERS_LOADED,
                scoringDemo);
    }
}
