package vn.parindex.catalogue.rest;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import vn.parindex.catalogue.service.CriteriaSetService;
import vn.parindex.common.api.RevisionTag;

/** What the catalogue's writes share: the revision an {@code If-Match} names and the answer with the stored document. */
final class StoredDocuments {

    private StoredDocuments() {}

    /** The revision an {@code If-Match: "CODE-rN"} header names, or {@code null}. */
    static Integer ifMatch(String header) {
        Long revision = RevisionTag.revision(header);
        // A revision beyond any stored one can only mismatch: -1 makes the write answer 412.
        return revision == null ? null : revision > Integer.MAX_VALUE ? -1 : revision.intValue();
    }

    /** A write's answer: the stored document of the new revision, with its ETag. */
    static Response stored(Response.ResponseBuilder builder, CriteriaSetService.Stored stored) {
        return builder.entity(stored.row().document)
                .type(MediaType.APPLICATION_JSON)
                .header(HttpHeaders.ETAG, stored.row().etag())
                .build();
    }
}
