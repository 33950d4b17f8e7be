package vn.parindex.scoring.domain;

/** A campaign's stage; it only moves forward. */
public enum CampaignStatus {
    OPEN,
    SELF_ASSESSMENT_CLOSED,
    APPRAISAL,
    APPROVED,
    /** A preliminary ranking is published; units may contest it until the campaign's contest deadline. */
    PRELIMINARY,
    PUBLISHED
}
