package vn.parindex.catalogue.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import vn.parindex.catalogue.CatalogueError;
import vn.parindex.catalogue.store.CriteriaSetHistoryRow;
import vn.parindex.catalogue.store.CriteriaSetRow;
import vn.parindex.common.api.ApiException;
import vn.parindex.common.api.ErrorCode;
import vn.parindex.common.api.FieldError;
import vn.parindex.common.api.Page;
import vn.parindex.common.api.PageRequest;
import vn.parindex.common.api.StrictJson;
import vn.parindex.criteria.rules.CriteriaNode;
import vn.parindex.criteria.rules.CriteriaSet;
import vn.parindex.criteria.rules.CriteriaSetDiff;
import vn.parindex.criteria.rules.CriteriaSetValidator;
import vn.parindex.criteria.rules.Evaluation;
import vn.parindex.criteria.rules.EvaluationException;
import vn.parindex.criteria.rules.Evaluator;
import vn.parindex.criteria.rules.SetStatus;
import vn.parindex.criteria.rules.TargetLevel;
import vn.parindex.criteria.rules.TreeEdits;
import vn.parindex.criteria.rules.Violation;

/**
 * Use cases of criteria sets. Every write validates the whole resulting set and stores it with its history in
 * one transaction, so nothing invalid or half-written is ever stored. Only drafts change.
 */
@ApplicationScoped
public class CriteriaSetService {

    /** A stored set with its revision metadata. */
    public record Stored(CriteriaSetRow row, CriteriaSet set) {}

    private final ObjectMapper json;

    public CriteriaSetService(ObjectMapper json) {
        this.json = json;
    }

    @Transactional
    public Stored createCriteriaSet(CriteriaSet submitted, String actor) {
        CriteriaSet set = submitted.withStatus(SetStatus.DRAFT);
        requireValid(set);
        if (CriteriaSetRow.findById(set.code()) != null) {
            throw new ApiException(
                    CatalogueError.CRITERIA_SET_EXISTS,
                    "A criteria set " + set.code() + " exists already",
                    List.of(FieldError.of("code", "already used", set.code())));
        }
        return insert(set, null, "CREATE", actor);
    }

    /** Stores a set as given (status included) unless its code exists; for demo data. Returns whether it stored. */
    @Transactional
    public boolean storeIfAbsent(CriteriaSet set, String actor) {
        if (CriteriaSetRow.findById(set.code()) != null) {
            return false;
        }
        requireValid(set);
        Stored stored = insert(set, null, "LOAD", actor);
        if (set.status() == SetStatus.PUBLISHED) {
            stored.row().publishedAt = stored.row().createdAt;
        }
        return true;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Stored findCriteriaSet(String code) {
        CriteriaSetRow row = CriteriaSetRow.findById(code);
        if (row == null) {
            throw new ApiException(CatalogueError.CRITERIA_SET_NOT_FOUND, "No criteria set " + code);
        }
        return new Stored(row, read(row.document));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public CriteriaSetRow findRow(String code) {
        CriteriaSetRow row = CriteriaSetRow.findById(code);
        if (row == null) {
            throw new ApiException(CatalogueError.CRITERIA_SET_NOT_FOUND, "No criteria set " + code);
        }
        return row;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<CriteriaSetRow> listCriteriaSets(Integer year, TargetLevel level, SetStatus status, PageRequest page) {
        StringBuilder q = new StringBuilder("1 = 1");
        Map<String, Object> params = new java.util.HashMap<>();
        if (year != null) {
            q.append(" and year = :year");
            params.put("year", year);
        }
        if (level != null) {
            q.append(" and targetLevel = :level");
            params.put("level", level);
        }
        if (status != null) {
            q.append(" and status = :status");
            params.put("status", status);
        }
        var query = CriteriaSetRow.<CriteriaSetRow>find(q + " order by year desc, code", params);
        return Page.of(query.page(page.page(), page.size()).list(), page, query.count());
    }

    @Transactional
    public Stored replaceDraft(String code, CriteriaSet submitted, Integer ifRevision, String actor) {
        if (!code.equals(submitted.code())) {
            throw new ApiException(
                    CatalogueError.INVALID_CRITERIA_SET,
                    "The body's code must be " + code,
                    List.of(FieldError.of("code", "must match the path", submitted.code())));
        }
        return changeDraft(code, ifRevision, actor, "REPLACE", current -> submitted.withStatus(SetStatus.DRAFT));
    }

    @Transactional
    public Stored replaceNode(String code, String nodeCode, CriteriaNode node, Integer ifRevision, String actor) {
        return changeDraft(code, ifRevision, actor, "REPLACE_NODE " + nodeCode, current -> {
            requireNode(current, nodeCode);
            return current.withNodes(TreeEdits.replace(current.nodes(), nodeCode, node));
        });
    }

    @Transactional
    public Stored addNode(String code, String parentCode, CriteriaNode node, Integer ifRevision, String actor) {
        return changeDraft(code, ifRevision, actor, "ADD_NODE " + node.code(), current -> {
            if (parentCode != null) {
                requireNode(current, parentCode);
            }
            return current.withNodes(TreeEdits.add(current.nodes(), parentCode, node));
        });
    }

    @Transactional
    public Stored removeNode(String code, String nodeCode, Integer ifRevision, String actor) {
        return changeDraft(code, ifRevision, actor, "REMOVE_NODE " + nodeCode, current -> {
            requireNode(current, nodeCode);
            return current.withNodes(TreeEdits.remove(current.nodes(), nodeCode));
        });
    }

    @Transactional
    public void deleteDraft(String code, String actor) {
        CriteriaSetRow row = lockedDraft(code, null);
        history(row, "DELETE", row.document, null, actor);
        row.delete();
    }

    @Transactional
    public Stored publishCriteriaSet(String code, String actor) {
        CriteriaSetRow row = lockedDraft(code, null);
        CriteriaSet published = read(row.document).withStatus(SetStatus.PUBLISHED);
        requireValid(published);
        row.publishedAt = OffsetDateTime.now();
        return update(row, published, "PUBLISH", actor);
    }

    @Transactional
    public Stored archiveCriteriaSet(String code, String actor) {
        CriteriaSetRow row = lock(code);
        if (row.status != SetStatus.PUBLISHED) {
            throw new ApiException(
                    row.status == SetStatus.ARCHIVED
                            ? CatalogueError.CRITERIA_SET_ARCHIVED
                            : CatalogueError.INVALID_CRITERIA_SET,
                    "Only a published set can be archived; " + code + " is " + row.status);
        }
        return update(row, read(row.document).withStatus(SetStatus.ARCHIVED), "ARCHIVE", actor);
    }

    @Transactional
    public Stored cloneCriteriaSet(String code, String newCode, int year, String actor) {
        CriteriaSet source = findCriteriaSet(code).set();
        CriteriaSet copy = source.asDraft(newCode, year);
        requireValid(copy);
        if (CriteriaSetRow.findById(newCode) != null) {
            throw new ApiException(
                    CatalogueError.CRITERIA_SET_EXISTS,
                    "A criteria set " + newCode + " exists already",
                    List.of(FieldError.of("code", "already used", newCode)));
        }
        return insert(copy, code, "CLONE from " + code, actor);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public CriteriaSetDiff.Result diff(String code, String otherCode) {
        return CriteriaSetDiff.diff(
                findCriteriaSet(code).set(), findCriteriaSet(otherCode).set());
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Evaluation.Result evaluate(String code, Evaluation.Input input) {
        CriteriaSet set = findCriteriaSet(code).set();
        try {
            return Evaluator.evaluate(set, input);
        } catch (EvaluationException e) {
            throw violations(e.violations());
        }
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<CriteriaSetHistoryRow> history(String code) {
        findRow(code);
        return CriteriaSetHistoryRow.list("setCode = ?1 order by id", code);
    }

    private Stored changeDraft(
            String code, Integer ifRevision, String actor, String action, UnaryOperator<CriteriaSet> change) {
        CriteriaSetRow row = lockedDraft(code, ifRevision);
        CriteriaSet next = change.apply(read(row.document));
        requireValid(next);
        return update(row, next, action, actor);
    }

    private CriteriaSetRow lockedDraft(String code, Integer ifRevision) {
        CriteriaSetRow row = lock(code);
        if (row.status == SetStatus.PUBLISHED) {
            throw new ApiException(
                    CatalogueError.CRITERIA_SET_PUBLISHED,
                    "Criteria set " + code + " is published and can no longer change; clone it into a new draft");
        }
        if (row.status == SetStatus.ARCHIVED) {
            throw new ApiException(CatalogueError.CRITERIA_SET_ARCHIVED, "Criteria set " + code + " is archived");
        }
        if (ifRevision != null && ifRevision != row.revision) {
            throw new ApiException(
                    CatalogueError.REVISION_MISMATCH,
                    "Criteria set " + code + " is at revision " + row.revision + ", not " + ifRevision
                            + "; read it again",
                    List.of(),
                    Map.of("revision", row.revision));
        }
        return row;
    }

    private CriteriaSetRow lock(String code) {
        CriteriaSetRow row = CriteriaSetRow.findById(code, jakarta.persistence.LockModeType.PESSIMISTIC_WRITE);
        if (row == null) {
            throw new ApiException(CatalogueError.CRITERIA_SET_NOT_FOUND, "No criteria set " + code);
        }
        return row;
    }

    private Stored insert(CriteriaSet set, String clonedFrom, String action, String actor) {
        CriteriaSetRow row = new CriteriaSetRow();
        row.code = set.code();
        row.clonedFrom = clonedFrom;
        row.createdAt = OffsetDateTime.now();
        row.revision = 0;
        apply(row, set);
        row.persist();
        history(row, action, null, row.document, actor);
        return new Stored(row, set);
    }

    private Stored update(CriteriaSetRow row, CriteriaSet set, String action, String actor) {
        String before = row.document;
        apply(row, set);
        history(row, action, before, row.document, actor);
        return new Stored(row, set);
    }

    private void apply(CriteriaSetRow row, CriteriaSet set) {
        row.name = set.name();
        row.year = set.year();
        row.targetLevel = set.targetLevel();
        row.status = set.status();
        row.proposal = set.proposal();
        row.totalPoints = set.totalPoints();
        row.nodeCount = TreeEdits.count(set.nodes());
        row.document = write(set);
        row.revision = row.revision + 1;
        row.updatedAt = OffsetDateTime.now();
    }

    private static void history(CriteriaSetRow row, String action, String before, String after, String actor) {
        CriteriaSetHistoryRow h = new CriteriaSetHistoryRow();
        h.setCode = row.code;
        h.action = action;
        h.revision = row.revision;
        h.actor = actor;
        h.at = OffsetDateTime.now();
        h.before = before;
        h.after = after;
        h.persist();
    }

    private static void requireNode(CriteriaSet set, String nodeCode) {
        if (TreeEdits.find(set.nodes(), nodeCode).isEmpty()) {
            throw new ApiException(
                    CatalogueError.NODE_NOT_FOUND, "Criteria set " + set.code() + " has no node " + nodeCode);
        }
    }

    private static void requireValid(CriteriaSet set) {
        List<Violation> violations = CriteriaSetValidator.validate(set);
        if (!violations.isEmpty()) {
            throw violations(violations);
        }
    }

    /** The first violation decides the code; all are listed. */
    static ApiException violations(List<Violation> violations) {
        Violation first = violations.getFirst();
        ErrorCode code = switch (first.kind()) {
            case POINTS_MISMATCH -> CatalogueError.POINTS_MISMATCH;
            case DUPLICATE_NODE_CODE -> CatalogueError.DUPLICATE_NODE_CODE;
            case UNKNOWN_METRIC -> CatalogueError.UNKNOWN_METRIC;
            case INVALID_RULE -> CatalogueError.INVALID_RULE;
            case INVALID_SET -> CatalogueError.INVALID_CRITERIA_SET;
            case SCORE_ABOVE_MAX -> CatalogueError.SCORE_ABOVE_MAX;
            case SCORE_NOT_ON_STEP -> CatalogueError.SCORE_NOT_ON_STEP;
            case UNKNOWN_NODE -> CatalogueError.UNKNOWN_NODE;
            case INVALID_INPUT -> CatalogueError.INVALID_EVALUATION_INPUT;
        };
        String detail = violations.size() == 1
                ? first.path() + ": " + first.message()
                : first.path() + ": " + first.message() + " (and " + (violations.size() - 1) + " more)";
        return new ApiException(
                code,
                detail,
                violations.stream()
                        .map(v -> FieldError.of(v.path(), v.message(), v.rejectedValue()))
                        .toList(),
                first.facts());
    }

    String write(CriteriaSet set) {
        try {
            return json.writeValueAsString(set);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot serialise criteria set " + set.code(), e);
        }
    }

    CriteriaSet read(String document) {
        try {
            return StrictJson.stored(json).forType(CriteriaSet.class).readValue(document);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Stored criteria set cannot be read", e);
        }
    }
}
