package vn.parindex.registry.store;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import vn.parindex.registry.domain.Part;

/**
 * Predecessor → successor through one event. The versions meant are those valid the day before the event
 * (predecessor) and on its effective date (successor).
 */
@Entity
@Table(name = "lineage_edge")
public class LineageEdge extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "event_id", nullable = false)
    public Long eventId;

    @Column(name = "predecessor_code", nullable = false)
    public String predecessorCode;

    @Column(name = "successor_code", nullable = false)
    public String successorCode;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Part part;

    @Column(nullable = false)
    public boolean derived;

    public static LineageEdge of(Long eventId, String predecessorCode, String successorCode, Part part) {
        LineageEdge e = new LineageEdge();
        e.eventId = eventId;
        e.predecessorCode = predecessorCode;
        e.successorCode = successorCode;
        e.part = part;
        return e;
    }
}
