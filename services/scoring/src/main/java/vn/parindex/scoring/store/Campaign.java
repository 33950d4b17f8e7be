package vn.parindex.scoring.store;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import vn.parindex.scoring.domain.CampaignStatus;
import vn.parindex.scoring.domain.ComparisonRule;

/**
 * A campaign row: year × criteria set (snapshotted) × peer group (members in {@code campaign_unit}). Updates
 * write only changed columns: score writes bump {@code revision} with SQL and must not be overwritten.
 */
@Entity
@org.hibernate.annotations.DynamicUpdate
@Table(name = "campaign")
public class Campaign extends PanacheEntityBase {

    @Id
    public String code;

    public String name;

    public int year;

    @Column(name = "criteria_set_code")
    public String criteriaSetCode;

    @Column(name = "criteria_set_etag")
    public String criteriaSetEtag;

    @Column(name = "criteria_snapshot", columnDefinition = "text")
    public String criteriaSnapshot;

    @Column(name = "unit_group_code")
    public String unitGroupCode;

    /** The day the group's members were taken on: where the next campaign's lineage window ends. */
    @Column(name = "unit_group_as_of")
    public java.time.LocalDate unitGroupAsOf;

    /** The version of the peer group the members were taken from (null before group versions). */
    @Column(name = "unit_group_version")
    public Integer unitGroupVersion;

    /** The level of the group's units (PROVINCE, DISTRICT, COMMUNE, AGENCY). */
    @Column(name = "unit_level")
    public String unitLevel;

    /** SHA-256 of the creating request: the same request again answers this campaign. */
    @Column(name = "request_fingerprint")
    public String requestFingerprint;

    /** Results taken from a published table, not computed from scores. */
    @Column(name = "results_imported")
    public boolean resultsImported;

    /** Until when units may contest the preliminary ranking (set when it is published). */
    @Column(name = "contest_deadline")
    public OffsetDateTime contestDeadline;

    @Column(name = "previous_campaign_code")
    public String previousCampaignCode;

    @Enumerated(EnumType.STRING)
    @Column(name = "comparison_rule")
    public ComparisonRule comparisonRule;

    @Column(name = "lineage_snapshot", columnDefinition = "text")
    public String lineageSnapshot;

    @Column(name = "appraisal_required")
    public boolean appraisalRequired;

    @Column(name = "self_assessment_deadline")
    public OffsetDateTime selfAssessmentDeadline;

    @Enumerated(EnumType.STRING)
    public CampaignStatus status;

    public long revision;

    @Column(name = "created_at")
    public OffsetDateTime createdAt;

    @Column(name = "created_by")
    public String createdBy;

    @Column(name = "updated_at")
    public OffsetDateTime updatedAt;
}
