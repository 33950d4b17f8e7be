package vn.parindex.common.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.sql.SQLException;
import org.junit.jupiter.api.Test;

class StoreRefusalTest {

    @Test
    void aDatabaseThatCannotBeReachedIs503DatabaseUnavailableWithoutItsText() {
        for (String state : new String[] {"08001", "08003", "08006", "57P01", "57P02", "57P03"}) {
            StoreRefusal refusal = StoreRefusal.of(new IllegalStateException(
                    "wrapped", new SQLException("Connection to localhost:55432 refused", state)));

            assertEquals(CommonError.DATABASE_UNAVAILABLE, refusal.code(), state);
            assertEquals(503, refusal.code().status());
            assertEquals("The service's database cannot be reached at the moment; try again shortly", refusal.detail());
        }
    }

    @Test
    void otherFailuresKeepTheirMeaning() {
        assertEquals(CommonError.CONFLICT, StoreRefusal.bySqlState("23505").code());
        assertNull(StoreRefusal.bySqlState("42P01"), "an unexpected database error stays a 500");
        assertNull(StoreRefusal.of(new IllegalStateException("no SQL state")));
    }
}
