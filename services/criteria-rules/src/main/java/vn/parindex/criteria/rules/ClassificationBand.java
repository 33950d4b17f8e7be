package vn.parindex.criteria.rules;

import java.math.BigDecimal;

/** A classification of the index (e.g. A ≥ 90 %, B 80 – < 90 %): the first band whose minimum is reached. */
public record ClassificationBand(String code, String label, BigDecimal minPercent) {}
