package vn.parindex.registry.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import vn.parindex.common.api.ApiException;
import vn.parindex.common.api.CommonError;
import vn.parindex.common.api.FieldError;
import vn.parindex.common.api.Page;
import vn.parindex.common.api.PageRequest;
import vn.parindex.registry.RegistryError;
import vn.parindex.registry.domain.GroupDiff;
import vn.parindex.registry.domain.GroupMember;
import vn.parindex.registry.domain.Level;
import vn.parindex.registry.store.GroupMemberStore;
import vn.parindex.registry.store.UnitGroup;
import vn.parindex.registry.store.UnitGroupVersion;
import vn.parindex.registry.store.UnitRepository;
import vn.parindex.registry.store.UnitVersion;

/**
 * Peer groups: made from member codes or from a rule, members frozen as they were on the version's date. A group
 * keeps versions per year (members, rule, reason, who/when); the version in force in a year is the one of the
 * greatest year not after it, the highest number winning within a year (a correction).
 */
@ApplicationScoped
public class UnitGroupService {

    private static final int MAX_MEMBERS = 20_000;
    static final String FIRST_REASON = "Group created";

    /** Newest first: the greatest year, then the highest number (a correction of the same year). */
    private static final Comparator<UnitGroupVersion> NEWEST_FIRST = Comparator.<UnitGroupVersion>comparingInt(
                    v -> v.year)
            .thenComparingInt(v -> v.id.version)
            .reversed();

    private final UnitRepository units;
    private final GroupMemberStore store;

    public UnitGroupService(UnitRepository units, GroupMemberStore store) {
        this.units = units;
        this.store = store;
    }

    public record GroupSpec(
            String code,
            String name,
            int year,
            List<String> memberCodes,
            String ruleParentCode,
            Level ruleLevel,
            LocalDate asOf,
            String createdBy,
            String reason) {

        public GroupSpec(
                String code,
                String name,
                int year,
                List<String> memberCodes,
                String ruleParentCode,
                Level ruleLevel,
                LocalDate asOf,
                String createdBy) {
            this(code, name, year, memberCodes, ruleParentCode, ruleLevel, asOf, createdBy, null);
        }
    }

    /** A new version of a group for a year: members by list or by rule, and why the group changed. */
    public record VersionSpec(
            String groupCode,
            int year,
            List<String> memberCodes,
            String ruleParentCode,
            Level ruleLevel,
            LocalDate asOf,
            String reason,
            String recordedBy) {}

    /** A group in one of its versions. {@code members} is empty in listings. */
    public record GroupView(UnitGroup group, UnitGroupVersion version, List<GroupMember> members, long memberCount) {}

    /** The version a write produced; {@code created} is false when the same version was there already. */
    public record VersionWrite(GroupView view, boolean created) {}

    /** Two versions of a group, what changed between them, and the versions recorded on the way (with reasons). */
    public record VersionDiff(
            UnitGroup group,
            UnitGroupVersion from,
            UnitGroupVersion to,
            GroupDiff diff,
            List<UnitGroupVersion> between) {}

    @Transactional
    public GroupView createGroup(GroupSpec spec) {
        if (UnitGroup.findById(spec.code()) != null) {
            throw new ApiException(
                    RegistryError.GROUP_CODE_EXISTS,
                    "A unit group " + spec.code() + " exists already",
                    List.of(FieldError.of("code", "already used", spec.code())));
        }
        LocalDate asOf = spec.asOf() != null ? spec.asOf() : LocalDate.of(spec.year(), 12, 31);
        List<GroupMember> members =
                members(spec.memberCodes(), spec.ruleParentCode(), spec.ruleLevel(), asOf, spec.year());

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
        String reason = spec.reason() == null || spec.reason().isBlank() ? FIRST_REASON : spec.reason();
        UnitGroupVersion version = store(
                group.code,
                1,
                spec.year(),
                asOf,
                spec.ruleParentCode(),
                spec.ruleLevel(),
                reason,
                members,
                spec.createdBy(),
                group.createdAt);
        return new GroupView(group, version, members, members.size());
    }

    /**
     * Records the group's version of a year. The same members, rule and date as the version in force for that
     * year already recorded for it answer that version (a retry stores nothing); anything else is a new version.
     */
    @Transactional
    public VersionWrite putVersion(VersionSpec spec) {
        if (spec.reason() == null || spec.reason().isBlank()) {
            throw new ApiException(
                    CommonError.VALIDATION_FAILED,
                    "Say why the group changes: the reason is empty",
                    List.of(FieldError.of("reason", "must not be blank")));
        }
        // Versions of one group are numbered one after the other: writers of the same group take turns.
        UnitGroup group = UnitGroup.findById(spec.groupCode(), LockModeType.PESSIMISTIC_WRITE);
        if (group == null) {
            throw new ApiException(RegistryError.GROUP_NOT_FOUND, "No unit group " + spec.groupCode());
        }
        LocalDate asOf = spec.asOf() != null ? spec.asOf() : LocalDate.of(spec.year(), 12, 31);
        if (asOf.getYear() != spec.year()) {
            throw new ApiException(
                    CommonError.VALIDATION_FAILED,
                    "The members of the " + spec.year() + " version are taken on a day of " + spec.year() + ", not on "
                            + asOf,
                    List.of(FieldError.of("asOf", "is not a day of " + spec.year(), asOf.toString())));
        }
        List<GroupMember> members =
                members(spec.memberCodes(), spec.ruleParentCode(), spec.ruleLevel(), asOf, spec.year());
        List<UnitGroupVersion> versions = versionsOf(group.code);
        Optional<UnitGroupVersion> sameYear = versions.stream()
                .filter(v -> v.year == spec.year())
                .sorted(NEWEST_FIRST)
                .findFirst();
        if (sameYear.isPresent()) {
            UnitGroupVersion v = sameYear.get();
            List<GroupMember> stored = store.members(group.code, v.id.version);
            if (v.asOf.equals(asOf)
                    && Objects.equals(v.ruleParentCode, spec.ruleParentCode())
                    && v.ruleLevel == spec.ruleLevel()
                    && stored.equals(members)) {
                return new VersionWrite(new GroupView(group, v, stored, stored.size()), false);
            }
        }
        int next = versions.stream().mapToInt(v -> v.id.version).max().orElse(0) + 1;
        UnitGroupVersion version = store(
                group.code,
                next,
                spec.year(),
                asOf,
                spec.ruleParentCode(),
                spec.ruleLevel(),
                spec.reason().strip(),
                members,
                spec.recordedBy(),
                OffsetDateTime.now());
        return new VersionWrite(new GroupView(group, version, members, members.size()), true);
    }

    /** The group in its version in force in {@code year}; without a year, its latest version. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public GroupView findGroup(String code, Integer year) {
        UnitGroup group = group(code);
        UnitGroupVersion version = inForce(group, year);
        List<GroupMember> members = store.members(code, version.id.version);
        return new GroupView(group, version, members, members.size());
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public GroupView findGroup(String code) {
        return findGroup(code, null);
    }

    /** Every version of a group, oldest first (by year, then number). */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<UnitGroupVersion> versions(String code) {
        group(code);
        List<UnitGroupVersion> versions = new ArrayList<>(versionsOf(code));
        versions.sort(NEWEST_FIRST.reversed());
        return versions;
    }

    /** What changed from the version in force in {@code fromYear} to the one in force in {@code toYear}. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public VersionDiff diff(String code, int fromYear, int toYear) {
        if (fromYear > toYear) {
            throw new ApiException(
                    CommonError.VALIDATION_FAILED,
                    "from (" + fromYear + ") is after to (" + toYear + ")",
                    List.of(FieldError.of("from", "is after to", String.valueOf(fromYear))));
        }
        UnitGroup group = group(code);
        UnitGroupVersion from = inForce(group, fromYear, "from");
        UnitGroupVersion to = inForce(group, toYear, "to");
        GroupDiff diff = GroupDiff.of(store.members(code, from.id.version), store.members(code, to.id.version));
        List<UnitGroupVersion> between = versionsOf(code).stream()
                .filter(v -> v != from && NEWEST_FIRST.compare(v, from) < 0 && NEWEST_FIRST.compare(v, to) >= 0)
                .sorted(NEWEST_FIRST.reversed())
                .toList();
        return new VersionDiff(group, from, to, diff, between);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<GroupView> listGroups(Integer year, PageRequest page) {
        var query = year == null
                ? UnitGroup.find("order by year desc, code")
                : UnitGroup.find("year = ?1 order by code", year);
        List<UnitGroup> groups = query.page(page.page(), page.size()).list();
        Map<String, UnitGroupVersion> latest = new HashMap<>();
        if (!groups.isEmpty()) {
            UnitGroupVersion.<UnitGroupVersion>list(
                            "id.groupCode in ?1",
                            groups.stream().map(g -> g.code).toList())
                    .stream()
                    .sorted(NEWEST_FIRST)
                    .forEach(v -> latest.putIfAbsent(v.id.groupCode, v));
        }
        List<GroupView> views = groups.stream()
                .map(g -> {
                    UnitGroupVersion v = latest.get(g.code);
                    return new GroupView(g, v, List.of(), v == null ? 0 : v.memberCount);
                })
                .toList();
        return Page.of(views, page, query.count());
    }

    private static UnitGroup group(String code) {
        UnitGroup group = UnitGroup.findById(code);
        if (group == null) {
            throw new ApiException(RegistryError.GROUP_NOT_FOUND, "No unit group " + code);
        }
        return group;
    }

    private static List<UnitGroupVersion> versionsOf(String code) {
        return UnitGroupVersion.list("id.groupCode", code);
    }

    private static UnitGroupVersion inForce(UnitGroup group, Integer year) {
        return inForce(group, year, "year");
    }

    private static UnitGroupVersion inForce(UnitGroup group, Integer year, String field) {
        List<UnitGroupVersion> versions = versionsOf(group.code).stream()
                .filter(v -> year == null || v.year <= year)
                .sorted(NEWEST_FIRST)
                .toList();
        if (versions.isEmpty()) {
            int first =
                    versionsOf(group.code).stream().mapToInt(v -> v.year).min().orElse(group.year);
            throw new ApiException(
                    RegistryError.GROUP_VERSION_NOT_FOUND,
                    "Unit group " + group.code + " has no version in force in " + year + "; its first is of " + first,
                    List.of(FieldError.of(field, "is before the group's first version (" + first + ")", "" + year)));
        }
        return versions.getFirst();
    }

    private UnitGroupVersion store(
            String groupCode,
            int number,
            int year,
            LocalDate asOf,
            String ruleParentCode,
            Level ruleLevel,
            String reason,
            List<GroupMember> members,
            String who,
            OffsetDateTime when) {
        UnitGroupVersion version = new UnitGroupVersion();
        version.id = new UnitGroupVersion.Key(groupCode, number);
        version.year = year;
        version.asOf = asOf;
        version.ruleParentCode = ruleParentCode;
        version.ruleLevel = ruleLevel;
        version.reason = reason;
        version.memberCount = members.size();
        version.recordedAt = when;
        version.recordedBy = who;
        version.persist();
        int stored = store.insert(
                groupCode, number, members.stream().map(GroupMember::code).toList(), asOf);
        if (stored != members.size()) {
            // The units were read in this transaction; a difference means a concurrent change of the registry.
            throw new ApiException(
                    CommonError.CONFLICT,
                    "The units changed while the group was stored (" + stored + " of " + members.size() + "); retry");
        }
        return version;
    }

    /** The members by list or by rule (exactly one of them), of one level, all units on {@code asOf}. */
    private List<GroupMember> members(
            List<String> memberCodes, String ruleParentCode, Level ruleLevel, LocalDate asOf, int year) {
        boolean byRule = ruleParentCode != null;
        boolean byList = memberCodes != null && !memberCodes.isEmpty();
        if (byRule == byList) {
            throw new ApiException(
                    CommonError.VALIDATION_FAILED,
                    "Give either memberCodes or a rule (parentCode, level, asOf), not both and not neither",
                    List.of(FieldError.of("memberCodes", "give memberCodes or rule")));
        }
        List<GroupMember> members = byRule ? byRule(ruleParentCode, ruleLevel, asOf) : byList(memberCodes, asOf, year);
        requireOneLevel(members, byRule);
        return members;
    }

    /**
     * Units are ranked against peers of their own level: a province, a district and a commune are no peers.
     * Agencies of any kind (sở, ban, phòng) are all of level AGENCY and may be grouped. {@code members} are in
     * request order (a list group has no unknown or repeated code by now), or the rule's order (by level).
     */
    private static void requireOneLevel(List<GroupMember> members, boolean byRule) {
        GroupMember first = members.getFirst();
        for (int i = 1; i < members.size(); i++) {
            GroupMember m = members.get(i);
            if (m.level() != first.level()) {
                String message = "is a " + m.level() + " but " + first.code() + " is a " + first.level()
                        + (byRule ? "; give the rule a level" : "; the members of a group must share one level");
                throw new ApiException(
                        RegistryError.MIXED_LEVELS,
                        (byRule ? "The rule selects units of several levels: " : "Member ") + m.code() + " " + message,
                        List.of(FieldError.of(byRule ? "rule" : "memberCodes[" + i + "]", message, m.code())));
            }
        }
    }

    private List<GroupMember> byRule(String parentCode, Level level, LocalDate asOf) {
        if (units.findAsOf(parentCode, asOf).isEmpty()) {
            throw new ApiException(
                    RegistryError.UNKNOWN_MEMBERS,
                    "Rule parent " + parentCode + " is not a unit on " + asOf,
                    List.of(FieldError.of("rule.parentCode", "not a unit on " + asOf, parentCode)));
        }
        List<UnitVersion> members = units.descendants(parentCode, asOf, level, new PageRequest(0, MAX_MEMBERS))
                .items();
        if (members.isEmpty()) {
            throw new ApiException(
                    RegistryError.UNKNOWN_MEMBERS,
                    "The rule selects no unit on " + asOf,
                    List.of(FieldError.of("rule", "selects no unit", parentCode)));
        }
        return members.stream()
                .map(v -> new GroupMember(v.code, v.name, v.type, v.level, v.parentCode))
                .toList();
    }

    /** The listed units on {@code asOf}, looked up in one query; every unknown, absent or repeated code named. */
    private List<GroupMember> byList(List<String> codes, LocalDate asOf, int year) {
        List<GroupMember> members = new ArrayList<>();
        List<FieldError> errors = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (GroupMemberStore.Lookup l : store.lookup(codes, asOf)) {
            String field = "memberCodes[" + l.index() + "]";
            if (!seen.add(l.code())) {
                errors.add(FieldError.of(field, "is listed twice", l.code()));
            } else if (!l.known()) {
                errors.add(FieldError.of(field, "is no unit code of the registry", l.code()));
            } else if (l.unit() == null) {
                errors.add(FieldError.of(
                        field, "is not a unit on " + asOf + " (the " + year + " version's date)", l.code()));
            } else {
                members.add(l.unit());
            }
        }
        if (!errors.isEmpty()) {
            throw new ApiException(
                    RegistryError.UNKNOWN_MEMBERS, errors.size() + " member code(s) are not units on " + asOf, errors);
        }
        return members;
    }
}
