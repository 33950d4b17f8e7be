package vn.parindex.criteria.rules;

/** Life of a criteria set: only drafts change; a published set is frozen so that scores stay reproducible. */
public enum SetStatus {
    DRAFT,
    PUBLISHED,
    ARCHIVED
}
