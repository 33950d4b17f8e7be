package vn.parindex.scoring.domain;

import java.util.List;
import java.util.TreeSet;
import vn.parindex.common.api.ApiException;
import vn.parindex.common.api.FieldError;
import vn.parindex.criteria.rules.TargetLevel;
import vn.parindex.scoring.ScoringError;

/**
 * Whether a criteria set, a peer group and a previous campaign can make a campaign of a year: the group's units
 * share one level and it is the level the set scores; the group is the year's; the set is not of a later year (a
 * set stays in force until replaced, so the 2021 set may score 2022, but a 2025 commune set never scores 2021);
 * the previous campaign is of an earlier year.
 */
public final class CampaignFit {

    private CampaignFit() {}

    /** What is checked: the request's year and the facts of the set, group and previous campaign. */
    public record Facts(
            int year,
            String setCode,
            int setYear,
            TargetLevel setLevel,
            String groupCode,
            int groupYear,
            List<String> memberLevels,
            String previousCode,
            Integer previousYear) {}

    /** The level of the campaign's units, or a 400 naming the field that does not fit. */
    public static String check(Facts f) {
        TreeSet<String> levels = new TreeSet<>();
        f.memberLevels().forEach(l -> levels.add(l == null ? "UNKNOWN" : l));
        if (levels.size() > 1) {
            throw new ApiException(
                    ScoringError.MIXED_LEVELS,
                    "Group " + f.groupCode() + " mixes units of levels " + levels + "; a ranking compares peers",
                    List.of(FieldError.of("unitGroupCode", "mixes levels " + levels, f.groupCode())));
        }
        String level = levels.isEmpty() ? null : levels.first();
        if (f.setLevel() != null && level != null && !f.setLevel().name().equals(level)) {
            throw new ApiException(
                    ScoringError.CRITERIA_SET_LEVEL_MISMATCH,
                    "Criteria set " + f.setCode() + " scores " + f.setLevel() + " units; group " + f.groupCode()
                            + " holds " + level + " units",
                    List.of(FieldError.of(
                            "criteriaSetCode", "scores " + f.setLevel() + ", not " + level, f.setCode())));
        }
        if (f.groupYear() != f.year()) {
            throw new ApiException(
                    ScoringError.CAMPAIGN_YEAR_MISMATCH,
                    "Group " + f.groupCode() + " is the group of " + f.groupYear() + ", not of " + f.year(),
                    List.of(FieldError.of("unitGroupCode", "is the group of " + f.groupYear(), f.groupCode())));
        }
        if (f.setYear() > f.year()) {
            throw new ApiException(
                    ScoringError.CAMPAIGN_YEAR_MISMATCH,
                    "Criteria set " + f.setCode() + " is of " + f.setYear() + ", after the campaign year " + f.year(),
                    List.of(FieldError.of("criteriaSetCode", "is the set of " + f.setYear(), f.setCode())));
        }
        if (f.previousYear() != null && f.previousYear() >= f.year()) {
            throw new ApiException(
                    ScoringError.CAMPAIGN_YEAR_MISMATCH,
                    "The previous campaign " + f.previousCode() + " is of " + f.previousYear() + ", not before "
                            + f.year(),
                    List.of(FieldError.of(
                            "previousCampaignCode",
                            "is of " + f.previousYear() + ", not an earlier year",
                            f.previousCode())));
        }
        return level;
    }
}
