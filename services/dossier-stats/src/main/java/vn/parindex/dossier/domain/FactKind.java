package vn.parindex.dossier.domain;

import java.util.List;

/**
 * The four kinds of citizen-side facts a batch can carry (issue 18), each with its table and its columns in COPY
 * order. The first two columns are the key; {@code recorded_by} (who sent the batch) is always last.
 */
public enum FactKind {
    PAYMENTS(
            "dossier_payment",
            "dossierId",
            List.of(
                    "source_system",
                    "dossier_id",
                    "unit_code",
                    "procedure_code",
                    "fee",
                    "paid_online",
                    "paid_at",
                    "paid_date",
                    "recorded_by")),
    DIGITISATION(
            "dossier_digitisation",
            "dossierId",
            List.of(
                    "source_system",
                    "dossier_id",
                    "unit_code",
                    "procedure_code",
                    "components_total",
                    "components_digitised",
                    "result_electronic",
                    "reused_digitised",
                    "digitised_at",
                    "digitised_date",
                    "recorded_by")),
    RATINGS(
            "dossier_rating",
            "dossierId",
            List.of(
                    "source_system",
                    "dossier_id",
                    "unit_code",
                    "procedure_code",
                    "channel",
                    "level",
                    "criteria",
                    "rated_at",
                    "rated_date",
                    "recorded_by")),
    FEEDBACK(
            "feedback",
            "feedbackId",
            List.of(
                    "source_system",
                    "feedback_id",
                    "unit_code",
                    "procedure_code",
                    "kind",
                    "received_at",
                    "received_date",
                    "deadline",
                    "answered_at",
                    "answered_date",
                    "outcome",
                    "recorded_by"));

    private final String table;
    private final String idField;
    private final List<String> columns;

    FactKind(String table, String idField, List<String> columns) {
        this.table = table;
        this.idField = idField;
        this.columns = columns;
    }

    public String table() {
        return table;
    }

    /** The input field naming the record within its source system: dossierId, or feedbackId. */
    public String idField() {
        return idField;
    }

    public List<String> columns() {
        return columns;
    }

    /** The two key columns. */
    public List<String> keyColumns() {
        return columns.subList(0, 2);
    }

    /** The columns a re-sent record may change (all but the key and who sent it). */
    public List<String> valueColumns() {
        return columns.subList(2, columns.size() - 1);
    }
}
