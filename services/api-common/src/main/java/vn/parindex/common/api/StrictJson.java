package vn.parindex.common.api;

import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.KeyDeserializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.deser.std.NumberDeserializers;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.type.LogicalType;
import com.fasterxml.jackson.datatype.jsr310.deser.InstantDeserializer;
import com.fasterxml.jackson.datatype.jsr310.deser.LocalDateDeserializer;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * Reads request bodies strictly, in one place for every service: a repeated key is an error (not "last one
 * wins"), a value of the wrong JSON type is an error (not coerced: {@code "code": true} is not the text "true"),
 * and every string, date and decimal is held to {@link InputLimits} before any service code sees it.
 */
@Singleton
public class StrictJson implements ObjectMapperCustomizer {

    /**
     * Last of all customizers: Quarkus registers the Java time module in its own customizer, and a module registered
     * later wins — before this, dates and timestamps were read without their limits.
     */
    @Override
    public int priority() {
        return MINIMUM_PRIORITY;
    }

    /** Marks a read of what the service itself stored: the input limits are for what clients send. */
    static final String STORED = "parindex.stored-document";

    /**
     * A reader for documents the service wrote itself (published rankings, criteria-set documents, snapshots): the
     * same strict JSON, without the input limits — an exact index with more than six decimals is the service's own
     * figure, not a client's input.
     */
    public static ObjectReader stored(ObjectMapper mapper) {
        return mapper.reader().withAttribute(STORED, Boolean.TRUE);
    }

    @Override
    public void customize(ObjectMapper mapper) {
        mapper.enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION.mappedFeature());
        mapper.enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY);
        mapper.enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS);
        mapper.disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT);
        for (CoercionInputShape shape : new CoercionInputShape[] {
            CoercionInputShape.Boolean, CoercionInputShape.Integer, CoercionInputShape.Float
        }) {
            mapper.coercionConfigFor(LogicalType.Textual).setCoercion(shape, CoercionAction.Fail);
        }
        for (LogicalType type : new LogicalType[] {LogicalType.Integer, LogicalType.Float, LogicalType.Boolean}) {
            mapper.coercionConfigFor(type).setCoercion(CoercionInputShape.String, CoercionAction.Fail);
        }
        mapper.coercionConfigFor(LogicalType.Boolean).setCoercion(CoercionInputShape.Integer, CoercionAction.Fail);
        // A null item of a list ({"predecessors": [null]}) is refused where it is read, naming its position.
        for (Class<?> collection : new Class<?>[] {List.class, Set.class, Collection.class}) {
            mapper.configOverride(collection).setSetterInfo(JsonSetter.Value.forContentNulls(Nulls.FAIL));
        }
        SimpleModule limits = new SimpleModule("parindex-input-limits");
        limits.addDeserializer(
                String.class, new Checked<>(String.class, StringDeserializer.instance, InputLimits::checkText));
        limits.addKeyDeserializer(String.class, new CheckedKeys());
        limits.addDeserializer(
                BigDecimal.class,
                new Checked<>(
                        BigDecimal.class,
                        NumberDeserializers.BigDecimalDeserializer.instance,
                        InputLimits::checkDecimal));
        limits.addDeserializer(
                LocalDate.class,
                new Checked<>(LocalDate.class, LocalDateDeserializer.INSTANCE, InputLimits::checkDate));
        limits.addDeserializer(
                OffsetDateTime.class,
                new Checked<>(OffsetDateTime.class, InstantDeserializer.OFFSET_DATE_TIME, InputLimits::checkTimestamp));
        mapper.registerModule(limits);
    }

    /** Jackson's own reading of a type, then the limit. */
    static final class Checked<T> extends StdScalarDeserializer<T> {

        private final transient JsonDeserializer<T> reader;
        private final transient Function<T, String> limit;

        Checked(Class<T> type, JsonDeserializer<T> reader, Function<T, String> limit) {
            super(type);
            this.reader = reader;
            this.limit = limit;
        }

        @Override
        public T deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            T value = reader.deserialize(p, ctxt);
            String reason = ctxt.getAttribute(STORED) == null ? limit.apply(value) : null;
            if (reason != null) {
                throw new RejectedInput(p, reason, value, handledType());
            }
            return value;
        }

        @Override
        public LogicalType logicalType() {
            return reader.logicalType();
        }
    }

    /** Object keys (maps of criteria codes, of unit codes) keep the same limits as values. */
    static final class CheckedKeys extends KeyDeserializer {

        @Override
        public Object deserializeKey(String key, DeserializationContext ctxt) throws IOException {
            String reason = ctxt.getAttribute(STORED) == null ? InputLimits.checkText(key, 200) : null;
            if (reason != null) {
                throw new RejectedInput(ctxt.getParser(), "key " + reason, key, String.class);
            }
            return key;
        }
    }
}
