package vn.parindex.registry.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import vn.parindex.common.api.ApiException;
import vn.parindex.common.api.FieldError;
import vn.parindex.common.api.Page;
import vn.parindex.common.api.PageRequest;
import vn.parindex.registry.RegistryError;
import vn.parindex.registry.domain.Level;
import vn.parindex.registry.store.UnitGroup;
import vn.parindex.registry.store.UnitGroupMember;
import vn.parindex.registry.store.UnitRepository;
import vn.parindex.registry.store.UnitVersion;

/** Peer groups: made from member codes or from a rule, members frozen as they were on the group's date. */
@ApplicationScoped
public class UnitGroupService {

    private static final int MAX_MEMBERS = 20_000;

    private final UnitRepository units;

    public UnitGroupService(UnitRepository units) {
        this.units = units;
    }

    public record GroupSpec(
            String code,
            String name,
            int year,
            List<String> memberCodes,
            String ruleParentCode,
            Level ruleLevel,
            LocalDate asOf,
            String createdBy) {}

    public record GroupView(UnitGroup group, List<UnitGroupMember> members, long memberCount) {}

    @Transactional
    public GroupView createGroup(GroupSpec spec) {
        if (UnitGroup.findById(spec.code()) != null) {
            throw new ApiException(
                    RegistryError.GROUP_CODE_EXISTS,
                    "A unit group " + spec.code() + " exists already",
                    List.of(FieldError.of("code", "already used", spec.code())));
        }
        boolean byRule = spec.ruleParentCode() != null;
        boolean byList = spec.memberCodes() != null && !spec.memberCodes().isEmpty();
        if (byRule == byList) {
            throw new ApiException(
                    vn.parindex.common.api.CommonError.VALIDATION_FAILED,
                    "Give either memberCodes or a rule (parentCode, level, asOf), not both and not neither",
                    List.of(FieldError.of("memberCodes", "give memberCodes or rule")));
        }
        LocalDate asOf = spec.asOf() != null ? spec.asOf() : LocalDate.of(spec.year(), 12, 31);
        List<UnitVersion> members = byRule ? byRule(spec, asOf) : byList(spec.memberCodes(), asOf);
        requireOneLevel(members, byRule);

        UnitGroup group = new UnitGroup();
        group.code = spec.code();
        group.name = spec.name();
        group.year = spec.year();
        group.asOf = asOf;
        group.ruleParentCode = spec.ruleParentCode();
        group.ruleLevel = spec.ruleLevel();
        group.createdAt = OffsetDateTime.now();
        group.createdBy = spec.createdBy();
        group.persist();
        List<UnitGroupMember> rows = new ArrayList<>();
        int position = 0;
        for (UnitVersion v : members) {
            UnitGroupMember m = new UnitGroupMember();
            m.id = new UnitGroupMember.Key(group.code, v.code);
            m.position = position++;
            m.name = v.name;
            m.type = v.type;
            m.level = v.level;
            m.parentCode = v.parentCode;
            m.persist();
            rows.add(m);
        }
        return new GroupView(group, rows, rows.size());
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public GroupView findGroup(String code) {
        UnitGroup group = UnitGroup.findById(code);
        if (group == null) {
            throw new ApiException(RegistryError.GROUP_NOT_FOUND, "No unit group " + code);
        }
        List<UnitGroupMember> members = UnitGroupMember.list("id.groupCode = ?1 order by position", code);
        return new GroupView(group, members, members.size());
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<GroupView> listGroups(Integer year, PageRequest page) {
        var query = year == null
                ? UnitGroup.find("order by year desc, code")
                : UnitGroup.find("year = ?1 order by code", year);
        List<UnitGroup> groups = query.page(page.page(), page.size()).list();
        List<GroupView> views = groups.stream()
                .map(g -> new GroupView(g, List.of(), UnitGroupMember.count("id.groupCode", g.code)))
                .toList();
        return Page.of(views, page, query.count());
    }

    /**
     * Units are ranked against peers of their own level: a province, a district and a commune are no peers.
     * Agencies of any kind (sở, ban, phòng) are all of level AGENCY and may be grouped. {@code members} are in
     * request order (a list group has no unknown or repeated code by now), or the rule's order (by level).
     */
    private static void requireOneLevel(List<UnitVersion> members, boolean byRule) {
        UnitVersion first = members.getFirst();
        for (int i = 1; i < members.size(); i++) {
            UnitVersion m = members.get(i);
            if (m.level != first.level) {
                String message = "is a " + m.level + " but " + first.code + " is a " + first.level
                        + (byRule ? "; give the rule a level" : "; the members of a group must share one level");
                throw new ApiException(
                        RegistryError.MIXED_LEVELS,
                        (byRule ? "The rule selects units of several levels: " : "Member ") + m.code + " " + message,
                        List.of(FieldError.of(byRule ? "rule" : "memberCodes[" + i + "]", message, m.code)));
            }
        }
    }

    private List<UnitVersion> byRule(GroupSpec spec, LocalDate asOf) {
        if (units.findAsOf(spec.ruleParentCode(), asOf).isEmpty()) {
            throw new ApiException(
                    RegistryError.UNKNOWN_MEMBERS,
                    "Rule parent " + spec.ruleParentCode() + " is not a unit on " + asOf,
                    List.of(FieldError.of("rule.parentCode", "not a unit on " + asOf, spec.ruleParentCode())));
        }
        List<UnitVersion> members = units.descendants(
                        spec.ruleParentCode(), asOf, spec.ruleLevel(), new PageRequest(0, MAX_MEMBERS))
                .items();
        if (members.isEmpty()) {
            throw new ApiException(
                    RegistryError.UNKNOWN_MEMBERS,
                    "The rule selects no unit on " + asOf,
                    List.of(FieldError.of("rule", "selects no unit", spec.ruleParentCode())));
        }
        return members;
    }

    private List<UnitVersion> byList(List<String> codes, LocalDate asOf) {
        List<UnitVersion> members = new ArrayList<>();
        List<FieldError> errors = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        for (int i = 0; i < codes.size(); i++) {
            String code = codes.get(i);
            if (!seen.add(code)) {
                errors.add(FieldError.of("memberCodes[" + i + "]", "is listed twice", code));
                continue;
            }
            units.findAsOf(code, asOf)
                    .ifPresentOrElse(
                            members::add,
                            () -> errors.add(FieldError.of(
                                    "memberCodes[" + codes.indexOf(code) + "]", "is not a unit on " + asOf, code)));
        }
        if (!errors.isEmpty()) {
            throw new ApiException(
                    RegistryError.UNKNOWN_MEMBERS, errors.size() + " member code(s) are not units on " + asOf, errors);
        }
        return members;
    }
}
