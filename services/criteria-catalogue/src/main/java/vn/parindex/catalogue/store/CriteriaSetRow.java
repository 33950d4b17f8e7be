package vn.parindex.catalogue.store;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import vn.parindex.criteria.rules.SetStatus;
import vn.parindex.criteria.rules.TargetLevel;

/** A stored criteria set: searchable columns plus the whole set as its JSON document. */
@Entity
@Table(name = "criteria_set")
public class CriteriaSetRow extends PanacheEntityBase {

    @Id
    public String code;

    @Column(nullable = false)
    public String name;

    @Column(nullable = false)
    public int year;

    @Enumerated(EnumType.STRING)
    @Column(name = "target_level", nullable = false)
    public TargetLevel targetLevel;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public SetStatus status;

    @Column(nullable = false)
    public boolean proposal;

    @Column(name = "total_points", nullable = false)
    public BigDecimal totalPoints;

    @Column(name = "node_count", nullable = false)
    public int nodeCount;

    @Column(nullable = false)
    public String document;

    @Column(nullable = false)
    public int revision;

    @Column(name = "cloned_from")
    public String clonedFrom;

    @Column(name = "created_at", nullable = false)
    public OffsetDateTime createdAt;

    @Column(name = "updated_at", nullable = false)
    public OffsetDateTime updatedAt;

    @Column(name = "published_at")
    public OffsetDateTime publishedAt;

    /** The strong ETag of this revision. */
    public String etag() {
        return vn.parindex.common.api.RevisionTag.of(code, revision);
    }
}
