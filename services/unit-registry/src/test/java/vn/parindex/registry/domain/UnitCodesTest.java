package vn.parindex.registry.domain;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class UnitCodesTest {

    @Test
    void shouldAcceptGsoCodesByLevel() {
        assertNull(UnitCodes.problemFor("15", Level.PROVINCE));
        assertNull(UnitCodes.problemFor("132", Level.DISTRICT));
        assertNull(UnitCodes.problemFor("04252", Level.COMMUNE));
        assertNotNull(UnitCodes.problemFor("4252", Level.COMMUNE));
        assertNotNull(UnitCodes.problemFor("132", Level.PROVINCE));
    }

    @Test
    void shouldAcceptAgencyCodesButNotBareNumbers() {
        assertNull(UnitCodes.problemFor("15.SNV", Level.AGENCY));
        assertNull(UnitCodes.problemFor("SNV-LC", Level.AGENCY));
        assertNotNull(UnitCodes.problemFor("12345", Level.AGENCY));
        assertNotNull(UnitCodes.problemFor("snv", Level.AGENCY));
    }

    @Test
    void shouldRejectMalformedPathCodes() {
        assertTrue(UnitCodes.isWellFormed("04252"));
        assertFalse(UnitCodes.isWellFormed("0425"));
        assertFalse(UnitCodes.isWellFormed("abc!"));
        assertFalse(UnitCodes.isWellFormed(""));
    }
}
