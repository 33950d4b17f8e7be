package vn.parindex.catalogue.store;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/** One change of a criteria set: who, when, what, the document before and after. */
@Entity
@Table(name = "criteria_set_history")
public class CriteriaSetHistoryRow extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "set_code", nullable = false)
    public String setCode;

    @Column(nullable = false)
    public String action;

    @Column(nullable = false)
    public int revision;

    public String actor;

    public String reason;

    @Column(nullable = false)
    public OffsetDateTime at;

    public String before;

    public String after;
}
