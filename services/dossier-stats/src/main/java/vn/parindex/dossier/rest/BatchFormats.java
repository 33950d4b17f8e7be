package vn.parindex.dossier.rest;

import java.util.Locale;
import vn.parindex.common.api.ApiException;
import vn.parindex.dossier.DossierError;
import vn.parindex.dossier.domain.RecordReader;

/** The format of a batch from its Content-Type, for every batch endpoint: NDJSON, a JSON array or CSV, else 415. */
final class BatchFormats {

    private BatchFormats() {}

    static RecordReader.Format of(String contentType) {
        String type = contentType == null ? "" : contentType.toLowerCase(Locale.ROOT);
        if (type.startsWith("application/x-ndjson") || type.startsWith("application/jsonl")) {
            return RecordReader.Format.NDJSON;
        }
        if (type.startsWith("application/json")) {
            return RecordReader.Format.JSON_ARRAY;
        }
        if (type.startsWith("text/csv")) {
            return RecordReader.Format.CSV;
        }
        throw new ApiException(
                DossierError.UNSUPPORTED_BATCH_FORMAT, "Content-Type " + contentType + " is not NDJSON, JSON or CSV");
    }
}
