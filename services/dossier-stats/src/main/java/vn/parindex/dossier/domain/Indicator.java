package vn.parindex.dossier.domain;

import java.util.List;

/**
 * The indicators of the service index that stored facts compute, each with the one place its counting rule is
 * written: the table, the day column that places a record in a period, the denominator's condition and the
 * numerator's (within the denominator). The legal basis and the published formula are in the definition file
 * (Decision 766/QĐ-TTg). The names are also metrics criteria sets may name (criteria-rules' Metric).
 */
public enum Indicator {
    /** Feedback answered on or before its deadline day; unanswered feedback counts once its deadline has passed. */
    FEEDBACK_ON_TIME_RATE(
            Source.FEEDBACK, "answered_date IS NOT NULL OR deadline < :asOf", "answered_date <= deadline"),
    ON_TIME_RATE_RESOLVED(Source.DOSSIER_FINISHED, "finish_class IS NOT NULL", "finish_class IN (1, 2)"),
    /** A dossier without components (nothing to digitise) is in neither part. */
    DOSSIER_DIGITISATION_RATE(Source.DIGITISATION, "components_total > 0", "components_digitised = components_total"),
    RESULT_ELECTRONIC_RATE(Source.DIGITISATION, "result_electronic IS NOT NULL", "result_electronic"),
    DIGITISED_REUSE_RATE(Source.DIGITISATION, "true", "reused_digitised"),
    ONLINE_SHARE(Source.DOSSIER_RECEIVED, "NOT excluded", "channel = 'ONLINE'"),
    FULL_ONLINE_SHARE(Source.DOSSIER_RECEIVED, "NOT excluded", "channel = 'ONLINE' AND service_level = 'FULL'"),
    /** The zero-fee rule: a dossier with nothing to pay is in neither part. */
    ONLINE_PAYMENT_RATE(Source.PAYMENT, "fee > 0", "paid_online"),
    /** Only ratings count: an unrated dossier is in neither part. */
    SATISFACTION_RATE(Source.RATING, "true", "level IN ('VERY_SATISFIED', 'SATISFIED')");

    /** Where an indicator's records are and which day places them in a period. */
    public enum Source {
        FEEDBACK(
                "feedback",
                "feedback_id",
                "received_date",
                "kind || ' deadline ' || deadline || coalesce(' answered ' || answered_date, ' unanswered')",
                null),
        DOSSIER_FINISHED(
                "dossier",
                "dossier_id",
                "finished_date",
                "channel || ' finish class ' || finish_class",
                "dossier_unit_month"),
        DOSSIER_RECEIVED(
                "dossier", "dossier_id", "received_date", "channel || ' ' || service_level", "dossier_unit_month"),
        DIGITISATION(
                "dossier_digitisation",
                "dossier_id",
                "digitised_date",
                "components_digitised || '/' || components_total || ' result electronic ' || coalesce(result_electronic::text, '-') || ' reused ' || reused_digitised",
                "digitisation_month"),
        PAYMENT(
                "dossier_payment",
                "dossier_id",
                "paid_date",
                "fee || ' VND paid online ' || paid_online",
                "payment_month"),
        RATING("dossier_rating", "dossier_id", "rated_date", "channel || ' ' || level", "rating_month");

        private final String table;
        private final String idColumn;
        private final String dayColumn;
        private final String detail;
        private final String monthly;

        Source(String table, String idColumn, String dayColumn, String detail, String monthly) {
            this.table = table;
            this.idColumn = idColumn;
            this.dayColumn = dayColumn;
            this.detail = detail;
            this.monthly = monthly;
        }

        /**
         * The monthly roll-up whole months are summed from (one row per unit and month, or a few: V11 for dossiers,
         * V12 for payments, digitisation and ratings), or {@code null}: feedback is always read raw, its on-time
         * rule depending on the day it is asked.
         */
        public String monthly() {
            return monthly;
        }

        public String table() {
            return table;
        }

        public String idColumn() {
            return idColumn;
        }

        public String dayColumn() {
            return dayColumn;
        }

        /** An SQL text describing one record, for drill-down lists. */
        public String detail() {
            return detail;
        }

        /**
         * The WHERE clause that selects a source's records of {@code :units} in {@code [:from, :to]}. A dossier
         * finished in the period was received on or before its end, which lets the (unit, received day) index
         * narrow the read.
         */
        public String where() {
            String w = "unit_code = ANY(:units) AND " + dayColumn + " BETWEEN :from AND :to";
            return this == DOSSIER_FINISHED ? w + " AND received_date <= :to" : w;
        }

        public List<Indicator> indicators() {
            return java.util.Arrays.stream(Indicator.values())
                    .filter(i -> i.source == this)
                    .toList();
        }
    }

    private final Source source;
    private final String denominator;
    private final String numerator;

    Indicator(Source source, String denominator, String numerator) {
        this.source = source;
        this.denominator = denominator;
        this.numerator = numerator;
    }

    public Source source() {
        return source;
    }

    /** SQL condition of the denominator (may use {@code :asOf}). */
    public String denominator() {
        return "(" + denominator + ")";
    }

    /**
     * The same denominator and numerator summed from the source's monthly roll-up ({@link Source#monthly()}), for
     * periods of whole months: {@code {denominator, numerator}} as SQL sums over its rows, or {@code null} for an
     * indicator without one. Dossiers: {@code dossier_unit_month} (V11) counts a dossier in its receipt month
     * (received: not excluded) and in its finish month (resolved: a finish class; early, on time), exactly the
     * conditions above (DossierMonthRollupTest checks the roll-up against the raw rows). Facts: the V12 roll-ups
     * hold each indicator's counts in columns named after it, maintained with these very conditions
     * ({@code fact_month_rule}; FactMonthRollupTest checks both).
     */
    public String[] rollup() {
        return switch (this) {
            case ON_TIME_RATE_RESOLVED -> new String[] {"sum(resolved)", "sum(early + on_time)"};
            case ONLINE_SHARE ->
                new String[] {"sum(received)", "coalesce(sum(received) FILTER (WHERE channel = 'ONLINE'), 0)"};
            case FULL_ONLINE_SHARE ->
                new String[] {
                    "sum(received)",
                    "coalesce(sum(received) FILTER (WHERE channel = 'ONLINE' AND service_level = 'FULL'), 0)"
                };
            case FEEDBACK_ON_TIME_RATE -> null;
            default -> new String[] {"sum(" + column() + "_den)", "sum(" + column() + "_num)"};
        };
    }

    /** The stem of this indicator's columns in a fact roll-up (V12): the name in lower case. */
    public String column() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    /** SQL condition of the numerator, applied within the denominator. */
    public String numerator() {
        return "(" + denominator + ") AND (" + numerator + ")";
    }
}
