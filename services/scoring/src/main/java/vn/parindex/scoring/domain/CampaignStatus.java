package vn.parindex.scoring.domain;

/** A campaign's stage; it only moves forward. */
public enum CampaignStatus {
    OPEN,
    SELF_ASSESSMENT_CLOSED,
    APPRAISAL,
    APPROVED,
    PUBLISHED
}
