package vn.parindex.dossier.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.Map;
import org.junit.jupiter.api.Test;
import vn.parindex.dossier.domain.OfficialCalendar;
import vn.parindex.dossier.domain.ServiceLevel;
import vn.parindex.dossier.domain.WorkingCalendar;

class DossierRowValidatorTest {

    private static final DossierRowValidator VALIDATOR = new DossierRowValidator(
            Map.of("P1", new ProcedureService.Terms(3, ServiceLevel.FULL)),
            (unit, day) -> true,
            new WorkingCalendar(OfficialCalendar.days()));

    private static Map<String, String> row(String status, String finishedAt) {
        var f = new java.util.HashMap<>(Map.of(
                "sourceSystem", "DVC-15",
                "dossierId", "D1",
                "procedureCode", "P1",
                "unitCode", "04252",
                "channel", "ONLINE",
                "receivedAt", "2025-07-01T09:00:00+07:00",
                "status", status));
        if (finishedAt != null) {
            f.put("finishedAt", finishedAt);
        }
        return f;
    }

    @Test
    void shouldRejectAFinishedTimeOnAnUnfinishedDossier() {
        DossierRowValidator.Outcome outcome = VALIDATOR.check(7, row("processing", "2025-07-03T10:00:00+07:00"));
        assertNull(outcome.row());
        assertEquals(7, outcome.rejection().line());
        assertEquals("finishedAt", outcome.rejection().field());
        assertEquals(
                "must be empty for a PROCESSING dossier (only a resolved, returned, refused, withdrawn or cancelled"
                        + " dossier has finished)",
                outcome.rejection().reason());
    }

    @Test
    void shouldAcceptAFinishedTimeOnFinishedAndExcludedDossiersAndNoneOnUnfinishedOnes() {
        assertNotNull(
                VALIDATOR.check(1, row("resolved", "2025-07-03T10:00:00+07:00")).row());
        assertNotNull(VALIDATOR
                .check(2, row("withdrawn", "2025-07-03T10:00:00+07:00"))
                .row());
        assertNotNull(VALIDATOR.check(3, row("paused", null)).row());
    }

    @Test
    void shouldStoreTheFinishClassAsTheRulesCode() {
        // P1: 3 working days from Tuesday 1 July 2025, due Friday 4 July.
        assertEquals(
                1,
                VALIDATOR
                        .check(1, row("resolved", "2025-07-03T10:00:00+07:00"))
                        .row()
                        .finishClass());
        assertEquals(
                2,
                VALIDATOR
                        .check(1, row("resolved", "2025-07-04T10:00:00+07:00"))
                        .row()
                        .finishClass());
        assertEquals(
                3,
                VALIDATOR
                        .check(1, row("returned", "2025-07-07T10:00:00+07:00"))
                        .row()
                        .finishClass());
    }
}
