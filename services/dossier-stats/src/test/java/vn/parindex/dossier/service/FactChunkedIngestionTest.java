package vn.parindex.dossier.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.agroal.api.AgroalDataSource;
import io.quarkus.arc.ClientProxy;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;
import vn.parindex.common.api.ApiException;
import vn.parindex.common.api.CommonError;
import vn.parindex.dossier.domain.FactKind;
import vn.parindex.dossier.domain.RecordReader;
import vn.parindex.dossier.domain.Rejection;
import vn.parindex.dossier.index.IndexRegistry;
import vn.parindex.test.postgres.PostgresTestResource;

/**
 * The pipelined fact batch across chunk boundaries (chunks of two or three rows, so a batch of a few rows is written
 * in several chunks, one while the next is read): the last occurrence of a key wins across chunks, new and stored
 * records mix, a bad row is rejected while the good ones around it are stored, and a batch that breaks off after
 * chunks were written stores none of them.
 */
@QuarkusTest
@WithTestResource(value = PostgresTestResource.class, scope = TestResourceScope.MATCHING_RESOURCES)
@WithTestResource(value = IndexRegistry.class, scope = TestResourceScope.MATCHING_RESOURCES)
class FactChunkedIngestionTest {

    @Inject
    AgroalDataSource db;

    @Inject
    FactIngestionService facts;

    private static String rating(String id, String level, String at) {
        return "{\"sourceSystem\":\"CHUNKS\",\"dossierId\":\"" + id + "\",\"unitCode\":\"05101\",\"channel\":\"SMS\","
                + "\"level\":\"" + level + "\",\"ratedAt\":\"" + at + "\"}";
    }

    private FactIngestionService.Result ingest(RecordReader.Format format, String body, int chunkRows) {
        // The package-private chunk size is the bean's own method: called on the instance, not its client proxy.
        return ClientProxy.unwrap(facts)
                .ingest(
                        FactKind.RATINGS,
                        format,
                        new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8)),
                        "chunk-test",
                        chunkRows);
    }

    @Test
    void shouldKeepTheLastOccurrenceAcrossChunksAndRejectABadRowBetweenThem() throws Exception {
        FactIngestionService.Result first = ingest(
                RecordReader.Format.NDJSON,
                String.join(
                        "\n",
                        rating("C1", "NOT_SATISFIED", "2020-06-01T09:00:00+07:00"),
                        rating("C2", "SATISFIED", "2020-06-01T09:00:00+07:00"),
                        rating("C3", "SATISFIED", "2020-06-01T09:00:00+07:00"),
                        rating("C4", "HAPPY", "2020-06-01T09:00:00+07:00"),
                        rating("C1", "SATISFIED", "2020-06-02T09:00:00+07:00"),
                        rating("C5", "VERY_SATISFIED", "2020-06-02T09:00:00+07:00"),
                        rating("C1", "VERY_SATISFIED", "2020-06-03T09:00:00+07:00")),
                2);
        // Chunks [C1 C2] [C3 C1] [C5 C1]: the first COPYed straight in, the two later ones meet the stored C1
        // and go through the upsert (C1 counted as updated there, not as a repeat within one chunk).
        assertEquals(7, first.rows());
        assertEquals(1, first.rejected());
        assertEquals(
                List.of(new Rejection(4, "level", "must be one of VERY_SATISFIED, SATISFIED, NOT_SATISFIED", "HAPPY")),
                first.rejections());
        assertEquals(4, first.inserted());
        assertEquals(2, first.updated());
        assertEquals(
                "C1 VERY_SATISFIED 2020-06-03,C2 SATISFIED 2020-06-01,C3 SATISFIED 2020-06-01,C5 VERY_SATISFIED 2020-06-02",
                stored("C_"));

        // New and stored records mixed in every chunk; an unchanged one is left alone, a changed one updated.
        FactIngestionService.Result again = ingest(
                RecordReader.Format.NDJSON,
                String.join(
                        "\n",
                        rating("C6", "SATISFIED", "2020-06-04T09:00:00+07:00"),
                        rating("C2", "SATISFIED", "2020-06-01T09:00:00+07:00"),
                        rating("C3", "NOT_SATISFIED", "2020-06-05T09:00:00+07:00"),
                        rating("C7", "SATISFIED", "2020-06-05T09:00:00+07:00"),
                        rating("C6", "NOT_SATISFIED", "2020-06-06T09:00:00+07:00")),
                3);
        assertEquals(0, again.rejected());
        assertEquals(2, again.inserted());
        assertEquals(2, again.updated());
        assertEquals(1, again.unchanged());
        assertEquals(
                "C1 VERY_SATISFIED 2020-06-03,C2 SATISFIED 2020-06-01,C3 NOT_SATISFIED 2020-06-05,"
                        + "C5 VERY_SATISFIED 2020-06-02,C6 NOT_SATISFIED 2020-06-06,C7 SATISFIED 2020-06-05",
                stored("C_"));
    }

    @Test
    void shouldStoreNothingOfABatchThatBreaksOffAfterChunksWereWritten() throws Exception {
        String items = String.join(
                ",",
                rating("B1", "SATISFIED", "2020-06-01T09:00:00+07:00"),
                rating("B2", "SATISFIED", "2020-06-01T09:00:00+07:00"),
                rating("B3", "SATISFIED", "2020-06-01T09:00:00+07:00"),
                rating("B4", "SATISFIED", "2020-06-01T09:00:00+07:00"),
                rating("B5", "SATISFIED", "2020-06-01T09:00:00+07:00"));
        ApiException broken = assertThrows(
                ApiException.class,
                () -> ingest(RecordReader.Format.JSON_ARRAY, "[" + items + ", {\"sourceSystem\": \"CHU", 2));
        assertEquals(CommonError.MALFORMED_BODY, broken.errorCode());
        assertEquals("", stored("B_"));
        // Nothing half-written is left behind: the same rows, whole, are all new.
        FactIngestionService.Result whole = ingest(RecordReader.Format.JSON_ARRAY, "[" + items + "]", 2);
        assertEquals(5, whole.inserted());
    }

    private String stored(String like) throws Exception {
        try (Connection c = db.getConnection();
                Statement s = c.createStatement();
                ResultSet rs =
                        s.executeQuery("SELECT coalesce(string_agg(dossier_id || ' ' || level || ' ' || rated_date,"
                                + " ',' ORDER BY dossier_id), '') FROM dossier_rating WHERE source_system = 'CHUNKS'"
                                + " AND dossier_id LIKE '" + like + "'")) {
            rs.next();
            return rs.getString(1);
        }
    }
}
