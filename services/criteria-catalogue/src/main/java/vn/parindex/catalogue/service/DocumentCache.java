package vn.parindex.catalogue.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import vn.parindex.catalogue.store.CriteriaSetRow;

/**
 * The serialised documents of criteria sets by revision. A read asks the database only for the current
 * revision (one small indexed query) and answers the cached bytes while they are of that revision, so every
 * replica always answers the committed state while the large document is read and encoded once per revision.
 */
@ApplicationScoped
public class DocumentCache {

    /** A document of one revision, ready to send. */
    public record Document(String code, int revision, String etag, byte[] json) {}

    private static final int MAX_ENTRIES = 2_000;

    private final EntityManager em;
    private final Map<String, Document> byCode = new ConcurrentHashMap<>();

    public DocumentCache(EntityManager em) {
        this.em = em;
    }

    /** The current document of a set, or empty when there is no such set. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<Document> current(String code) {
        @SuppressWarnings("unchecked")
        List<Number> revision = em.createNativeQuery("SELECT revision FROM criteria_set WHERE code = :code")
                .setParameter("code", code)
                .getResultList();
        if (revision.isEmpty()) {
            byCode.remove(code);
            return Optional.empty();
        }
        Document cached = byCode.get(code);
        if (cached != null && cached.revision() == revision.getFirst().intValue()) {
            return Optional.of(cached);
        }
        CriteriaSetRow row = CriteriaSetRow.findById(code);
        if (row == null) {
            return Optional.empty();
        }
        Document fresh =
                new Document(row.code, row.revision, row.etag(), row.document.getBytes(StandardCharsets.UTF_8));
        if (byCode.size() >= MAX_ENTRIES) {
            byCode.clear();
        }
        byCode.put(code, fresh);
        return Optional.of(fresh);
    }
}
