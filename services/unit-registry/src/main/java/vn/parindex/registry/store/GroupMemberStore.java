package vn.parindex.registry.store;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.sql.Array;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.hibernate.Session;
import vn.parindex.registry.domain.GroupMember;
import vn.parindex.registry.domain.Level;

/**
 * Set-based reads and writes of a group version's members, inside the caller's transaction: one statement looks
 * up every listed code on a day, one statement stores every member (a group of all 3,321 communes is two round
 * trips, not 6,642).
 */
@ApplicationScoped
public class GroupMemberStore {

    /** A version of {@code code} valid on the day. */
    private static final String VALID_ON =
            "v.code = c.code AND (v.valid_from IS NULL OR v.valid_from <= ?) AND (v.valid_to IS NULL OR v.valid_to >= ?)";

    /** A listed code as found on a day: {@code unit} is null when it is no unit then; {@code known} says if ever. */
    public record Lookup(int index, String code, GroupMember unit, boolean known) {}

    private final EntityManager em;

    public GroupMemberStore(EntityManager em) {
        this.em = em;
    }

    /** Every listed code, in list order, with the unit it is on {@code day} (one query). */
    public List<Lookup> lookup(List<String> codes, LocalDate day) {
        List<Lookup> found = new ArrayList<>(codes.size());
        em.unwrap(Session.class).doWork(connection -> {
            Array array = connection.createArrayOf("text", codes.toArray());
            try (PreparedStatement s =
                    connection.prepareStatement("SELECT c.ord, c.code, v.name, v.type, v.level, v.parent_code,"
                            + " v.code IS NOT NULL OR EXISTS (SELECT 1 FROM unit_version x WHERE x.code = c.code)"
                            + " FROM unnest(?::text[]) WITH ORDINALITY AS c(code, ord)"
                            + " LEFT JOIN unit_version v ON " + VALID_ON + " ORDER BY c.ord")) {
                s.setArray(1, array);
                s.setDate(2, Date.valueOf(day));
                s.setDate(3, Date.valueOf(day));
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        String code = rs.getString(2);
                        GroupMember unit = rs.getString(3) == null
                                ? null
                                : new GroupMember(
                                        code,
                                        rs.getString(3),
                                        rs.getString(4),
                                        Level.valueOf(rs.getString(5)),
                                        rs.getString(6));
                        found.add(new Lookup((int) rs.getLong(1) - 1, code, unit, rs.getBoolean(7)));
                    }
                }
            } finally {
                array.free();
            }
        });
        return found;
    }

    /**
     * Stores the members of a version in list order, each as the unit is on {@code day} (one statement); the
     * codes were looked up in the same transaction. Returns how many rows were stored.
     */
    public int insert(String groupCode, int version, List<String> codes, LocalDate day) {
        em.flush();
        int[] stored = new int[1];
        em.unwrap(Session.class).doWork(connection -> {
            Array array = connection.createArrayOf("text", codes.toArray());
            try (PreparedStatement s = connection.prepareStatement(
                    "INSERT INTO unit_group_member (group_code, version, unit_code, position, name, type, level,"
                            + " parent_code)"
                            + " SELECT ?, ?, v.code, c.ord - 1, v.name, v.type, v.level, v.parent_code"
                            + " FROM unnest(?::text[]) WITH ORDINALITY AS c(code, ord)"
                            + " JOIN unit_version v ON " + VALID_ON)) {
                s.setString(1, groupCode);
                s.setInt(2, version);
                s.setArray(3, array);
                s.setDate(4, Date.valueOf(day));
                s.setDate(5, Date.valueOf(day));
                stored[0] = s.executeUpdate();
            } finally {
                array.free();
            }
        });
        return stored[0];
    }

    /** The members of a version in order. */
    public List<GroupMember> members(String groupCode, int version) {
        List<GroupMember> rows = new ArrayList<>();
        em.unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement s = connection.prepareStatement(
                    "SELECT unit_code, name, type, level, parent_code FROM unit_group_member"
                            + " WHERE group_code = ? AND version = ? ORDER BY position")) {
                s.setString(1, groupCode);
                s.setInt(2, version);
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        rows.add(new GroupMember(
                                rs.getString(1),
                                rs.getString(2),
                                rs.getString(3),
                                Level.valueOf(rs.getString(4)),
                                rs.getString(5)));
                    }
                }
            }
        });
        return rows;
    }
}
