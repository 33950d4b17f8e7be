package vn.parindex.catalogue.criteria.rest;

import vn.parindex.common.api.ApiException;

/** Header and path parameters shared by the catalogue's resources. */
final class CatalogueParams {

    private CatalogueParams() {}

    /** The revision an {@code If-Match: "CODE-rN"} header names, or {@code null}. */
    static Integer ifMatch(String header) {
        if (header == null || header.isBlank() || header.strip().equals("*")) {
            return null;
        }
        String tag = header.strip().replace("W/", "").replace("\"", "");
        int at = tag.lastIndexOf("-r");
        try {
            return Integer.parseInt(tag.substring(at + 2));
        } catch (RuntimeException e) {
            throw ApiException.invalidParameter("If-Match", "must be an ETag of this API (\"CODE-rN\")", header);
        }
    }
}
