package vn.parindex.dossier.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiPredicate;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class UnitDirectoryBatchTest {

    @Test
    void shouldAskForACodeOncePerBatchAndCheckEachDay() {
        Map<String, Integer> asked = new HashMap<>();
        BiPredicate<String, LocalDate> check = UnitDirectory.forBatch(code -> {
            asked.merge(code, 1, Integer::sum);
            return code.equals("05101")
                    ? Optional.of(List.of(
                            new RegistryApi.UnitVersion(
                                    code, "A", "COMMUNE", "21", LocalDate.of(2020, 1, 1), LocalDate.of(2025, 6, 30)),
                            new RegistryApi.UnitVersion(code, "B", "COMMUNE", "21", LocalDate.of(2025, 7, 1), null)))
                    : Optional.empty();
        });
        assertFalse(check.test("05101", LocalDate.of(2019, 12, 31)));
        assertTrue(check.test("05101", LocalDate.of(2020, 1, 1)));
        assertTrue(check.test("05101", LocalDate.of(2025, 7, 1)));
        assertFalse(check.test("99999", LocalDate.of(2025, 7, 1)));
        assertFalse(check.test("99999", LocalDate.of(2025, 7, 2)));
        assertFalse(check.test("not a code", LocalDate.of(2025, 7, 2)));
        assertEquals(Map.of("05101", 1, "99999", 1), asked);
    }

    @Test
    void shouldTellWellFormedCodesAsThePatternDid() {
        Pattern code = Pattern.compile("[0-9A-Za-z._-]{1,32}");
        for (String s : new String[] {
            "05101", "15.SNV", "a_b-c.D", "", " 05101", "0510 1", "x".repeat(32), "x".repeat(33), "ĐN", "05101\n", "a/b"
        }) {
            assertEquals(code.matcher(s).matches(), UnitDirectory.wellFormed(s), s);
        }
        assertFalse(UnitDirectory.wellFormed(null));
    }
}
