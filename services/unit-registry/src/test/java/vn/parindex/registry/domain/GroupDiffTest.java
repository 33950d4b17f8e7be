package vn.parindex.registry.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class GroupDiffTest {

    private static GroupMember p(String code, String name) {
        return new GroupMember(code, name, "tỉnh", Level.PROVINCE, null);
    }

    @Test
    void shouldNameAddedRemovedKeptAndRenamedMembersInOrder() {
        List<GroupMember> from = List.of(p("10", "Tỉnh Lào Cai"), p("15", "Tỉnh Yên Bái"), p("08", "Tỉnh Tuyên Quang"));
        List<GroupMember> to = List.of(p("15", "Tỉnh Lào Cai"), p("08", "Tỉnh Tuyên Quang"), p("99", "Tỉnh Mới"));

        GroupDiff diff = GroupDiff.of(from, to);

        assertEquals(List.of(p("99", "Tỉnh Mới")), diff.added());
        assertEquals(List.of(p("10", "Tỉnh Lào Cai")), diff.removed());
        assertEquals(2, diff.kept());
        assertEquals(List.of(new GroupDiff.Renamed("15", "Tỉnh Yên Bái", "Tỉnh Lào Cai")), diff.renamed());
    }

    @Test
    void shouldFindNothingBetweenTheSameMembers() {
        List<GroupMember> same = List.of(p("01", "Thành phố Hà Nội"), p("79", "Thành phố Hồ Chí Minh"));
        GroupDiff diff = GroupDiff.of(same, List.copyOf(same));
        assertTrue(diff.added().isEmpty());
        assertTrue(diff.removed().isEmpty());
        assertTrue(diff.renamed().isEmpty());
        assertEquals(2, diff.kept());
    }
}
