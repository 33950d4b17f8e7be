package vn.parindex.dossier.store;

import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;

/**
 * Writes the chunks of one streamed batch on a thread of its own while the caller reads and checks the next one:
 * reading, checking and encoding a row costs about as much as PostgreSQL's COPY of it, so done one after the other
 * a batch takes the sum of the two, pipelined about the larger. Two chunks take turns (the one being filled, the one
 * being written): at most one is in flight, so a batch holds at most two chunks in memory, and a hand-over waits
 * for the previous write first, which keeps the chunks in the order they were read (a later occurrence of a key
 * still wins) and makes a failed write surface at the next hand-over at the latest.
 *
 * <p>The connection (the batch's transaction) is opened on the first hand-over, or when the caller asks for it at
 * the end: the rows of the first chunk, with their registry lookups, are read and checked before it, so a batch of
 * one chunk holds no transaction while the registry is asked (fetch, then store). Every write of the batch runs in
 * that one transaction; the caller commits it, or rolls it back after {@link #abort()}.
 *
 * @param <C> a chunk: the encoded rows and whatever its writer needs of them
 */
public final class ChunkPipeline<C extends ChunkPipeline.Chunk> implements AutoCloseable {

    /** A chunk that can be filled again once written. */
    public interface Chunk {
        /** Whether it holds no row. */
        boolean isEmpty();

        /** Empties it for reuse (called once it was written). */
        void reset();
    }

    /** Opens the batch's connection, autocommit off, with whatever the writes need (temporary tables). */
    @FunctionalInterface
    public interface Opener {
        Connection open() throws SQLException;
    }

    /** Writes one chunk on the batch's connection (on the writer's thread). */
    @FunctionalInterface
    public interface Writer<C> {
        void write(Connection c, C chunk) throws SQLException, IOException;
    }

    private final Opener opener;
    private final Writer<C> writer;
    private final ExecutorService thread;
    private C filling;
    private C spare;
    private Connection c;
    private Future<?> inFlight;

    /**
     * @param name the writer thread's name (seen in thread dumps)
     * @param chunks makes the two chunks, at once: their buffers are allocated once per batch
     */
    public ChunkPipeline(String name, Opener opener, Supplier<C> chunks, Writer<C> writer) {
        this.opener = opener;
        this.writer = writer;
        this.filling = chunks.get();
        this.spare = chunks.get();
        this.thread = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        });
    }

    /** The chunk being filled (by the caller's thread only). */
    public C filling() {
        return filling;
    }

    /** The batch's connection, opened on the first call. */
    public Connection connection() throws SQLException {
        if (c == null) {
            c = opener.open();
        }
        return c;
    }

    /** Whether the batch's connection was opened. */
    public boolean opened() {
        return c != null;
    }

    /**
     * Waits for the chunk in flight, then hands the filled one to the writer and gives the caller the other to fill.
     * An empty chunk is not handed over. Throws what the previous write threw.
     */
    public void handOver() throws SQLException, IOException {
        awaitInFlight();
        if (filling.isEmpty()) {
            return;
        }
        Connection open = connection();
        C full = filling;
        filling = spare;
        spare = full;
        inFlight = thread.submit(() -> {
            writer.write(open, full);
            full.reset();
            return null;
        });
    }

    /** Hands over what is left and waits until every chunk is written. */
    public void finish() throws SQLException, IOException {
        try {
            handOver();
            awaitInFlight();
        } finally {
            thread.shutdownNow();
        }
    }

    /** Stops the writer after a failure and waits for a write under way to end; the caller rolls back. */
    public void abort() {
        // A chunk handed over just before the failure may not have started: it never will, so it is cancelled
        // (waiting for it would wait forever).
        for (Runnable never : thread.shutdownNow()) {
            if (never instanceof Future<?> f) {
                f.cancel(false);
            }
        }
        if (inFlight != null) {
            try {
                inFlight.get();
            } catch (Exception ignored) {
                // the failure that matters is the caller's
            } finally {
                inFlight = null;
            }
        }
    }

    /** Stops the writer and returns the connection, if opened (a transaction not committed is rolled back). */
    @Override
    public void close() {
        abort();
        if (c != null) {
            try {
                c.close();
            } catch (SQLException ignored) {
                // the connection is gone already; the pool drops it
            }
            c = null;
        }
    }

    private void awaitInFlight() throws SQLException, IOException {
        if (inFlight == null) {
            return;
        }
        try {
            inFlight.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while writing a chunk", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof SQLException sql) {
                throw sql;
            }
            if (cause instanceof IOException io) {
                throw io;
            }
            if (cause instanceof RuntimeException re) {
                throw re;
            }
            throw new IOException(cause);
        } finally {
            inFlight = null;
        }
    }
}
