package vn.parindex.dossier.bench;

import java.io.ByteArrayOutputStream;
import vn.parindex.dossier.domain.DossierRow;

/** The ingestion's COPY encoding of a row, for a table shaped like dossier. */
final class CopyRowsAccess {

    static final String COPY_COLUMNS =
            " (source_system, dossier_id, procedure_code, unit_code, channel, service_level, status,"
                    + " received_at, received_date, due_at, due_date, finished_at, finished_date, finish_class, excluded, processing_days)";

    private CopyRowsAccess() {}

    static void append(ByteArrayOutputStream out, long seq, DossierRow row) {
        vn.parindex.dossier.store.CopyEncoding.appendRow(out, row);
    }
}
