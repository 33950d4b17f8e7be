package vn.parindex.launcher;

import java.util.List;
import java.util.Map;

/**
 * What the services said about their data at one moment, read through their public APIs and their
 * {@code demo-data} health checks. Each part is an {@link Answer}: a value, or why there is none (a service that
 * does not answer yet, a refused token).
 */
record DemoObservation(
        Answer<Map<String, Long>> units2024,
        Answer<Map<String, Long>> units2025,
        Answer<List<String>> groups,
        Answer<LoaderStatus> catalogueDemo,
        Answer<List<Named>> criteriaSets,
        Answer<List<Named>> campaigns,
        Answer<LoaderStatus> dossierDemo,
        Answer<LoaderStatus> scoringDemo) {

    /** An observation without scoring's demo-data check (the campaign list alone tells when it is done). */
    DemoObservation(
            Answer<Map<String, Long>> units2024,
            Answer<Map<String, Long>> units2025,
            Answer<List<String>> groups,
            Answer<LoaderStatus> catalogueDemo,
            Answer<List<Named>> criteriaSets,
            Answer<List<Named>> campaigns,
            Answer<LoaderStatus> dossierDemo) {
        this(
                units2024,
                units2025,
                groups,
                catalogueDemo,
                criteriaSets,
                campaigns,
                dossierDemo,
                Answer.failed("scoring has no demo-data health check"));
    }

    /** Structure dates the registry is asked about: the last day before the 2025 reform, and its first day. */
    static final String BEFORE_REFORM = "2024-12-31";

    static final String AFTER_REFORM = "2025-07-01";

    /** A value, or the reason there is none. */
    record Answer<T>(T value, String error) {

        static <T> Answer<T> of(T value) {
            return new Answer<>(value, null);
        }

        static <T> Answer<T> failed(String error) {
            return new Answer<>(null, error);
        }

        boolean ok() {
            return error == null;
        }
    }

    /** A criteria set or a campaign: its code and status. */
    record Named(String code, String status) {}

    /**
     * A service's {@code demo-data} health check: {@code status} DISABLED, LOADING, LOADED or FAILED, its message,
     * and its counts by name (dossiers, procedures, demoSets, …).
     */
    record LoaderStatus(String status, String message, Map<String, Long> counts, String calendarYears) {

        long count(String name) {
            return counts.getOrDefault(name, 0L);
        }
    }
}
