package vn.parindex.gateway.edge;

import java.util.Map;
import vn.parindex.common.api.ErrorCode;
import vn.parindex.gateway.proxy.Upstream;

/** What the edge does with a request, as decided by {@link AdmissionRules}: forward it, answer it now, or wait. */
sealed interface AdmissionDecision {

    /** The request goes to {@code target} (a service, or the gateway's own endpoints). */
    record Forward(Upstream target) implements AdmissionDecision {}

    /**
     * The gateway answers at once with a problem.
     *
     * @param header an extra header of the answer ({@code retry-after}, {@code www-authenticate}), or null
     * @param close whether the connection closes after the answer, whatever the client asked
     */
    record Answer(
            ErrorCode code,
            String detail,
            Map<String, Object> context,
            String header,
            String headerValue,
            boolean close)
            implements AdmissionDecision {

        Answer(ErrorCode code, String detail, Map<String, Object> context) {
            this(code, detail, context, null, null, false);
        }
    }

    /** A browser's CORS preflight from an allowed origin: answered by the gateway with the policy's headers. */
    record Preflight() implements AdmissionDecision {}

    /**
     * Wait: the bearer token must be checked first (it may need a signing key fetched); then {@link
     * AdmissionRules#tokenValid} or {@link AdmissionRules#tokenRefused} decides.
     */
    record CheckToken(String token) implements AdmissionDecision {}

    /** How a request head the decoder could not read failed. */
    enum Unreadable {
        LINE_TOO_LONG,
        HEADERS_TOO_LARGE,
        MALFORMED
    }
}
