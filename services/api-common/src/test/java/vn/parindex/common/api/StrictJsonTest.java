package vn.parindex.common.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StrictJsonTest {

    record Item(String code, BigDecimal value, LocalDate from, OffsetDateTime at, int count, boolean active) {}

    record Batch(List<Item> items, Map<String, BigDecimal> leaves) {}

    private final ObjectMapper mapper = mapper();

    private static ObjectMapper mapper() {
        ObjectMapper m = new ObjectMapper().registerModule(new JavaTimeModule());
        new StrictJson().customize(m);
        return m;
    }

    private String field(String json) {
        JsonMappingException e = assertThrows(JsonMappingException.class, () -> mapper.readValue(json, Batch.class));
        StringBuilder sb = new StringBuilder();
        for (JsonMappingException.Reference r : e.getPath()) {
            sb.append(r.getFieldName() != null ? "." + r.getFieldName() : "[" + r.getIndex() + "]");
        }
        return sb.toString();
    }

    @Test
    void readsGoodInputAsBefore() throws Exception {
        Batch b = mapper.readValue(
                "{\"items\":[{\"code\":\"A\\nB\",\"value\":12.345,\"from\":\"2025-07-01\","
                        + "\"at\":\"2025-07-01T08:00:00+07:00\",\"count\":3,\"active\":true}],\"leaves\":{\"C\":81.35}}",
                Batch.class);
        assertEquals("A\nB", b.items().get(0).code());
        assertEquals(new BigDecimal("81.35"), b.leaves().get("C"));
    }

    @Test
    void refusesControlCharactersAndNamesTheField() {
        assertEquals(".items[0].code", field("{\"items\":[{\"code\":\"a\\u0000b\"}]}"));
        RejectedInput e = assertThrows(
                RejectedInput.class, () -> mapper.readValue("{\"items\":[{\"code\":\"a\\u0007\"}]}", Batch.class));
        assertTrue(e.reason().contains("U+0007"), e.reason());
        assertEquals(".leaves", field("{\"leaves\":{\"a\\u0000\":1}}").substring(0, 7));
    }

    @Test
    void refusesOverLongText() {
        String big = "x".repeat(InputLimits.MAX_TEXT_LENGTH + 1);
        assertEquals(".items[0].code", field("{\"items\":[{\"code\":\"" + big + "\"}]}"));
    }

    @Test
    void refusesExtremeNumbersAndDates() {
        assertEquals(".items[0].value", field("{\"items\":[{\"value\":1e20}]}"));
        assertEquals(".items[0].value", field("{\"items\":[{\"value\":0.0000001}]}"));
        assertEquals(".items[0].from", field("{\"items\":[{\"from\":\"+999999999-01-01\"}]}"));
        assertEquals(".items[0].from", field("{\"items\":[{\"from\":\"1800-01-01\"}]}"));
        assertEquals(".items[0].at", field("{\"items\":[{\"at\":\"3000-01-01T00:00:00Z\"}]}"));
        assertEquals(".items[0].count", field("{\"items\":[{\"count\":99999999999}]}"));
    }

    @Test
    void runsAfterQuarkusRegisteredTheJavaTimeModule() {
        // A module registered later wins: the limits of dates and timestamps must be registered last.
        assertEquals(io.quarkus.jackson.ObjectMapperCustomizer.MINIMUM_PRIORITY, new StrictJson().priority());
    }

    @Test
    void readsWhatTheServiceStoredWithoutTheLimits() throws Exception {
        Batch b = StrictJson.stored(mapper)
                .forType(Batch.class)
                .readValue("{\"items\":[{\"value\":95.4412345678,\"from\":\"1800-01-01\"}]}");
        assertEquals(new BigDecimal("95.4412345678"), b.items().get(0).value());
        assertEquals(".items[0].value", field("{\"items\":[{\"value\":95.4412345678}]}"));
    }

    @Test
    void refusesRepeatedKeys() {
        JsonProcessingException e = assertThrows(
                JsonProcessingException.class,
                () -> mapper.readValue("{\"items\":[{\"code\":\"A\",\"code\":\"B\"}]}", Batch.class));
        assertTrue(e.getOriginalMessage().startsWith("Duplicate field"), e.getOriginalMessage());
        assertThrows(JsonProcessingException.class, () -> mapper.readTree("{\"a\":1,\"a\":2}"));
    }

    @Test
    void doesNotCoerceTypes() {
        assertThrows(
                MismatchedInputException.class, () -> mapper.readValue("{\"items\":[{\"code\":true}]}", Batch.class));
        assertThrows(
                MismatchedInputException.class, () -> mapper.readValue("{\"items\":[{\"code\":12}]}", Batch.class));
        assertThrows(
                MismatchedInputException.class, () -> mapper.readValue("{\"items\":[{\"count\":\"3\"}]}", Batch.class));
        assertThrows(
                MismatchedInputException.class, () -> mapper.readValue("{\"items\":[{\"count\":1.5}]}", Batch.class));
        assertThrows(
                MismatchedInputException.class,
                () -> mapper.readValue("{\"items\":[{\"active\":\"yes\"}]}", Batch.class));
        assertThrows(
                MismatchedInputException.class, () -> mapper.readValue("{\"items\":[{\"active\":1}]}", Batch.class));
        assertThrows(
                MismatchedInputException.class,
                () -> mapper.readValue("{\"items\":[{\"value\":\"12\"}]}", Batch.class));
    }

    @Test
    void refusesNullItemsOfLists() {
        assertEquals(".items[1]", field("{\"items\":[{\"code\":\"A\"},null]}"));
    }

    @Test
    void echoesValuesSafely() {
        assertEquals("aU+0000b", InputLimits.echo("a\u0000b"));
        assertEquals(201, InputLimits.echo("y".repeat(500)).length());
    }
}
