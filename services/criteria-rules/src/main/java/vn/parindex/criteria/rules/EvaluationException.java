package vn.parindex.criteria.rules;

import java.util.List;

/** Inputs that cannot be evaluated (points above the maximum, off the step, unknown nodes, bad ratios). */
public class EvaluationException extends RuntimeException {

    private final List<Violation> violations;

    public EvaluationException(List<Violation> violations) {
        super(violations.getFirst().path() + " " + violations.getFirst().message(), null, false, false);
        this.violations = List.copyOf(violations);
    }

    public List<Violation> violations() {
        return violations;
    }
}
