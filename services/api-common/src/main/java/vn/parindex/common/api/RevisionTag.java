package vn.parindex.common.api;

/**
 * The ETags of revisioned resources, as every service writes and reads them: {@code "SCOPE-rN"} where SCOPE names the
 * resource (a criteria set's code, {@code CAMPAIGN/UNIT} for an assessment) and N its revision. An {@code If-Match}
 * naming another revision makes a write answer 412; {@code *} or no header means "whatever is stored".
 */
public final class RevisionTag {

    private RevisionTag() {}

    /** The ETag header value of a revision. */
    public static String of(String scope, long revision) {
        return "\"" + scope + "-r" + revision + "\"";
    }

    /**
     * The revision an {@code If-Match} header names, or {@code null} for none or {@code *}.
     *
     * @throws ApiException 400 naming the header when it is no ETag of this API
     */
    public static Long revision(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank() || ifMatch.strip().equals("*")) {
            return null;
        }
        String tag = ifMatch.strip();
        if (tag.startsWith("W/")) {
            tag = tag.substring(2);
        }
        int at = tag.lastIndexOf("-r");
        if (tag.length() < 5 || !tag.startsWith("\"") || !tag.endsWith("\"") || at < 1) {
            throw invalid(ifMatch);
        }
        String digits = tag.substring(at + 2, tag.length() - 1);
        if (digits.isEmpty() || digits.length() > 18 || !digits.chars().allMatch(ch -> ch >= '0' && ch <= '9')) {
            throw invalid(ifMatch);
        }
        return Long.parseLong(digits);
    }

    /** Refuses a write whose {@code If-Match} named another revision than the stored one. */
    public static void require(Long expected, long stored, ErrorCode changed, String what) {
        if (expected != null && expected != stored) {
            throw new ApiException(
                    changed,
                    what + " changed since it was read (revision " + stored + ", If-Match named " + expected
                            + "): read it again and repeat the change");
        }
    }

    private static ApiException invalid(String header) {
        return ApiException.invalidParameter("If-Match", "must be an ETag of this API (\"SCOPE-rN\") or *", header);
    }
}
