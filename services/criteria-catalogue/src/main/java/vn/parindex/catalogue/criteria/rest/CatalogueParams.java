package vn.parindex.catalogue.criteria.rest;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import vn.parindex.catalogue.criteria.service.CriteriaSetService;
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

    /** A write's answer: the stored document of the new revision, with its ETag. */
    static Response stored(Response.ResponseBuilder builder, CriteriaSetService.Stored stored) {
        return builder.entity(stored.row().document)
                .type(MediaType.APPLICATION_JSON)
                .header(HttpHeaders.ETAG, stored.row().etag())
                .build();
    }
}
