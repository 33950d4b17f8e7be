package vn.parindex.registry.domain;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What changed between two versions of a peer group: members added (in the later version's order), members
 * removed (in the earlier version's order), members kept, and members kept under the same code but renamed
 * (the 2025 reform kept codes of provinces that absorbed others, e.g. 15 Yên Bái → 15 Lào Cai).
 */
public record GroupDiff(List<GroupMember> added, List<GroupMember> removed, int kept, List<Renamed> renamed) {

    /** A member in both versions whose name changed. */
    public record Renamed(String code, String fromName, String toName) {}

    public static GroupDiff of(List<GroupMember> from, List<GroupMember> to) {
        Map<String, GroupMember> before = byCode(from);
        Map<String, GroupMember> after = byCode(to);
        List<GroupMember> added =
                to.stream().filter(m -> !before.containsKey(m.code())).toList();
        List<GroupMember> removed =
                from.stream().filter(m -> !after.containsKey(m.code())).toList();
        List<Renamed> renamed = to.stream()
                .filter(m -> before.containsKey(m.code()))
                .filter(m -> !Objects.equals(before.get(m.code()).name(), m.name()))
                .map(m -> new Renamed(m.code(), before.get(m.code()).name(), m.name()))
                .toList();
        return new GroupDiff(added, removed, to.size() - added.size(), renamed);
    }

    private static Map<String, GroupMember> byCode(List<GroupMember> members) {
        Map<String, GroupMember> map = new LinkedHashMap<>();
        members.forEach(m -> map.putIfAbsent(m.code(), m));
        return map;
    }
}
