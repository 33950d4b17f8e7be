package vn.parindex.common.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class RevisionTagTest {

    private static final ErrorCode CHANGED = ErrorCode.of("CHANGED", 412, "changed");

    @Test
    void shouldReadBackTheRevisionOfItsOwnTag() {
        String tag = RevisionTag.of("PAR-2024/15", 42);
        assertEquals("\"PAR-2024/15-r42\"", tag);
        assertEquals(42L, RevisionTag.revision(tag));
        assertEquals(42L, RevisionTag.revision("W/" + tag));
        assertEquals(7L, RevisionTag.revision("\"A-r-r7\""));
    }

    @Test
    void shouldTreatNoHeaderAndStarAsUnconditional() {
        assertNull(RevisionTag.revision(null));
        assertNull(RevisionTag.revision(" "));
        assertNull(RevisionTag.revision("*"));
    }

    @Test
    void shouldRefuseWhatIsNoTagOfThisApi() {
        for (String bad :
                new String[] {"42", "\"42\"", "\"A-r\"", "\"A-rx1\"", "A-r1", "\"A-r99999999999999999999\""}) {
            ApiException e = assertThrows(ApiException.class, () -> RevisionTag.revision(bad), bad);
            assertEquals(400, e.errorCode().status());
            assertEquals("If-Match", e.errors().get(0).field());
        }
    }

    @Test
    void shouldRefuseAStaleWriteOnly() {
        RevisionTag.require(null, 5, CHANGED, "x");
        RevisionTag.require(5L, 5, CHANGED, "x");
        ApiException e = assertThrows(ApiException.class, () -> RevisionTag.require(4L, 5, CHANGED, "Assessment"));
        assertEquals(412, e.errorCode().status());
    }
}
