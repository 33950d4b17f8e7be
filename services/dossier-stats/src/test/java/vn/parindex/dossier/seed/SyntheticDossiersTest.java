package vn.parindex.dossier.seed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringWriter;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import vn.parindex.dossier.domain.OfficialCalendar;
import vn.parindex.dossier.domain.Procedure;
import vn.parindex.dossier.domain.WorkingCalendar;
import vn.parindex.dossier.service.DossierRowValidator;
import vn.parindex.dossier.service.ProcedureService;

class SyntheticDossiersTest {

    private static final WorkingCalendar CALENDAR = new WorkingCalendar(OfficialCalendar.days());

    @Test
    void shouldWriteRowsThatAllPassValidationAndAreTheSameForASeed() throws Exception {
        List<Procedure> procedures = SyntheticDossiers.procedures(50, 7);
        Map<String, ProcedureService.Terms> terms = new java.util.HashMap<>();
        procedures.forEach(
                p -> terms.put(p.code(), new ProcedureService.Terms(p.deadlineWorkingDays(), p.serviceLevel())));
        String first = generate(procedures);
        assertEquals(first, generate(procedures));
        DossierRowValidator validator =
                new DossierRowValidator(terms, (unit, day) -> unit.equals("04252") || unit.equals("04261"), CALENDAR);
        com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();
        long line = 0;
        int finished = 0;
        for (String row : first.split("\n")) {
            line++;
            @SuppressWarnings("unchecked")
            Map<String, String> fields = json.readValue(row, Map.class);
            DossierRowValidator.Outcome outcome = validator.check(line, fields);
            assertNull(outcome.rejection(), () -> row + " " + outcome.rejection());
            if (outcome.row().finishClass() != null) {
                finished++;
            }
        }
        assertEquals(2_000, line);
        assertTrue(finished > 1_500, "most synthetic dossiers are finished: " + finished);
    }

    private static String generate(List<Procedure> procedures) throws Exception {
        StringWriter out = new StringWriter();
        new SyntheticDossiers(
                        List.of("04252", "04261"),
                        procedures,
                        CALENDAR,
                        LocalDate.of(2025, 7, 1),
                        LocalDate.of(2025, 12, 31),
                        42,
                        "SYN")
                .writeNdjson(out, 2_000, "d");
        return out.toString();
    }
}
