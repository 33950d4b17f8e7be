package vn.parindex.dossier.service;

import java.io.IOException;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import vn.parindex.dossier.domain.RecordReader;
import vn.parindex.dossier.domain.Rejection;

/**
 * The read-check-reject loop of a streamed batch, one for the dossier and the fact batches: every row is read, a row
 * that cannot be read or fails its checks is counted and (the first {@link #MAX_LISTED}) listed with its line and
 * field, and a good one handed on to be stored. Counts what it saw as it goes, so a batch that breaks off can say
 * after how many rows.
 */
final class BatchRows {

    /** Rejections listed in a batch's answer; beyond, they are counted only. */
    static final int MAX_LISTED = 1_000;

    /** Checks the fields of one row (of line {@code line}): an outcome with either a good row or a rejection. */
    @FunctionalInterface
    interface Check<O> {
        O check(long line, Map<String, String> fields);
    }

    /** Takes a good row's outcome; answers whether a chunk was handed to the writer (a point to report progress). */
    @FunctionalInterface
    interface Store<O> {
        boolean take(O outcome) throws SQLException, IOException;
    }

    /** Told how far a batch has got: rows read and rows rejected so far. */
    @FunctionalInterface
    interface Progress {
        void report(long rows, long rejected);
    }

    private final List<Rejection> rejections = new ArrayList<>();
    private long rows;
    private long rejected;
    private long stored;

    /**
     * Reads {@code reader} to its end: each row checked by {@code check}, its outcome's rejection (if any) taken by
     * {@code rejectionOf}, a good row handed to {@code store}; {@code progress} told after every chunk handed over.
     */
    <O> void read(
            RecordReader reader, Check<O> check, Function<O, Rejection> rejectionOf, Store<O> store, Progress progress)
            throws IOException, SQLException {
        RecordReader.Raw raw;
        while ((raw = reader.next()) != null) {
            rows++;
            if (raw.unreadable() != null) {
                reject(raw.unreadable());
                continue;
            }
            O outcome = check.check(raw.line(), raw.fields());
            Rejection rejection = rejectionOf.apply(outcome);
            if (rejection != null) {
                reject(rejection);
                continue;
            }
            stored++;
            if (store.take(outcome)) {
                progress.report(rows, rejected);
            }
        }
    }

    private void reject(Rejection rejection) {
        rejected++;
        if (rejections.size() < MAX_LISTED) {
            rejections.add(rejection);
        }
    }

    /** Rows read so far, good or not. */
    long rows() {
        return rows;
    }

    long rejected() {
        return rejected;
    }

    /** Good rows handed on to be stored (a key repeated in the batch counts each time). */
    long stored() {
        return stored;
    }

    /** The first {@link #MAX_LISTED} rejections, in the order of the rows. */
    List<Rejection> rejections() {
        return rejections;
    }

    /** Whether there were rejections not listed. */
    boolean truncated() {
        return rejected > rejections.size();
    }
}
