package vn.parindex.dossier.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ChunkPipelineTest {

    /** A chunk of numbers. */
    static final class Numbers implements ChunkPipeline.Chunk {
        final List<Integer> items = new ArrayList<>();

        @Override
        public boolean isEmpty() {
            return items.isEmpty();
        }

        @Override
        public void reset() {
            items.clear();
        }
    }

    private static Connection connection() {
        return (Connection) Proxy.newProxyInstance(
                Connection.class.getClassLoader(), new Class<?>[] {Connection.class}, (p, m, a) -> null);
    }

    @Test
    void shouldOpenOnTheFirstHandOverAndWriteChunksInOrderOnOneThread() throws Exception {
        AtomicInteger opened = new AtomicInteger();
        Connection c = connection();
        List<String> written = Collections.synchronizedList(new ArrayList<>());
        List<String> threads = Collections.synchronizedList(new ArrayList<>());
        ChunkPipeline<Numbers> pipeline = new ChunkPipeline<>(
                "test-writer",
                () -> {
                    opened.incrementAndGet();
                    return c;
                },
                Numbers::new,
                (conn, chunk) -> {
                    assertSame(c, conn);
                    written.add(chunk.items.toString());
                    threads.add(Thread.currentThread().getName());
                });
        try (pipeline) {
            pipeline.filling().items.add(1);
            pipeline.filling().items.add(2);
            assertFalse(pipeline.opened(), "nothing is opened while the first chunk is filled");
            pipeline.handOver();
            assertTrue(pipeline.opened());
            pipeline.filling().items.add(3);
            pipeline.handOver();
            pipeline.handOver(); // an empty chunk is not written
            pipeline.filling().items.add(4);
            pipeline.finish();
        }
        assertEquals(List.of("[1, 2]", "[3]", "[4]"), written);
        assertEquals(List.of("test-writer", "test-writer", "test-writer"), threads);
        assertEquals(1, opened.get());
    }

    @Test
    void shouldHoldOneChunkInFlightAndFillTheOtherMeanwhile() throws Exception {
        CountDownLatch writing = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        ChunkPipeline<Numbers> pipeline =
                new ChunkPipeline<>("test-writer", ChunkPipelineTest::connection, Numbers::new, (c, chunk) -> {
                    writing.countDown();
                    try {
                        assertTrue(release.await(10, TimeUnit.SECONDS));
                    } catch (InterruptedException e) {
                        throw new java.io.IOException(e);
                    }
                });
        try (pipeline) {
            pipeline.filling().items.add(1);
            Numbers first = pipeline.filling();
            pipeline.handOver();
            assertTrue(writing.await(10, TimeUnit.SECONDS));
            // The caller goes on with the other chunk while the first is written.
            Numbers second = pipeline.filling();
            assertFalse(first == second);
            second.items.add(2);
            release.countDown();
            pipeline.handOver(); // waits for the first, then the first chunk (emptied) is the one filled
            assertSame(first, pipeline.filling());
            assertTrue(first.isEmpty());
            pipeline.finish();
        }
    }

    @Test
    void shouldThrowTheWritersFailureUnwrappedAtTheNextHandOver() throws Exception {
        ChunkPipeline<Numbers> pipeline =
                new ChunkPipeline<>("test-writer", ChunkPipelineTest::connection, Numbers::new, (c, chunk) -> {
                    throw new SQLException("refused", "23505");
                });
        try (pipeline) {
            pipeline.filling().items.add(1);
            pipeline.handOver();
            pipeline.filling().items.add(2);
            SQLException e = assertThrows(SQLException.class, pipeline::finish);
            assertEquals("23505", e.getSQLState());
        }
    }

    @Test
    void shouldNeverOpenForABatchWithoutRowsUnlessAsked() throws Exception {
        AtomicInteger opened = new AtomicInteger();
        try (ChunkPipeline<Numbers> pipeline = new ChunkPipeline<>(
                "test-writer",
                () -> {
                    opened.incrementAndGet();
                    return connection();
                },
                Numbers::new,
                (c, chunk) -> {})) {
            pipeline.finish();
            assertFalse(pipeline.opened());
            pipeline.connection(); // the caller's, to record the batch
            assertEquals(1, opened.get());
        }
    }

    @Test
    void shouldAbortAtOnceWhenTheChunkHandedOverHasNotStarted() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        AtomicInteger written = new AtomicInteger();
        ChunkPipeline<Numbers> pipeline =
                new ChunkPipeline<>("test-writer", ChunkPipelineTest::connection, Numbers::new, (c, chunk) -> {
                    written.incrementAndGet();
                    try {
                        release.await(10, TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        throw new java.io.IOException(e);
                    }
                });
        try (pipeline) {
            pipeline.filling().items.add(1);
            pipeline.handOver();
            // The reader fails right after a hand-over: abort cancels or interrupts, never waits for ever.
            long started = System.nanoTime();
            pipeline.abort();
            assertTrue(System.nanoTime() - started < TimeUnit.SECONDS.toNanos(5));
        }
        assertTrue(written.get() <= 1);
    }
}
