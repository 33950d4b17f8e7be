package vn.parindex.launcher;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import vn.parindex.launcher.DemoObservation.Answer;
import vn.parindex.launcher.DemoObservation.LoaderStatus;
import vn.parindex.launcher.DemoObservation.Named;

/**
 * Decides, from one {@link DemoObservation}, whether each data set of the run is there (READY), still coming
 * (PENDING: a loader is working, or its service does not answer yet) or missing (MISSING: a loader failed, demo data
 * is off, or the wait ran out), and prints what the services hold. Plain Java: the launcher polls, this decides.
 */
final class DemoInventory {

    enum State {
        READY,
        PENDING,
        MISSING
    }

    /** One data set: its name as printed, its state, and what was seen or what is wrong. */
    record Check(String name, State state, String detail) {}

    /** All campaigns published and the list unchanged this long: scoring's demo loader is done. */
    static final Duration CAMPAIGNS_SETTLED = Duration.ofSeconds(6);

    /** The list unchanged this long with some not published: scoring's loader has stopped moving; take it as is. */
    static final Duration CAMPAIGNS_STUCK = Duration.ofSeconds(90);

    static final String UNITS = "units";
    static final String GROUPS = "peer groups";
    static final String CRITERIA_SETS = "criteria sets";
    static final String CAMPAIGNS = "campaigns";
    static final String PROCEDURES = "procedures";
    static final String DOSSIERS = "dossiers";
    static final String CALENDAR = "calendar years";

    private static final String PUBLISHED = "PUBLISHED";
    private static final String DEMO_OFF = "none (PARINDEX_DEMO_DATA is off)";

    private DemoInventory() {}

    /**
     * The state of every data set.
     *
     * @param demoOn whether the services were asked to load demo data (otherwise nothing is waited for)
     * @param campaignsUnchangedFor how long scoring's campaign list (codes and statuses) has looked the same
     */
    static List<Check> assess(DemoObservation o, boolean demoOn, Duration campaignsUnchangedFor) {
        return List.of(
                units(o),
                groups(o.groups(), demoOn),
                criteriaSets(o.catalogueDemo(), o.criteriaSets()),
                campaigns(o.campaigns(), o.scoringDemo(), demoOn, campaignsUnchangedFor),
                procedures(o.dossierDemo()),
                dossiers(o.dossierDemo()),
                calendar(o.dossierDemo()));
    }

    /** Nothing is coming any more: every data set is there or known to be missing. */
    static boolean settled(List<Check> checks) {
        return checks.stream().noneMatch(check -> check.state() == State.PENDING);
    }

    /** After the wait limit: what is still pending counts as missing, saying what it was waiting for. */
    static List<Check> giveUp(List<Check> checks, Duration waited) {
        return checks.stream()
                .map(check -> check.state() != State.PENDING
                        ? check
                        : new Check(
                                check.name(),
                                State.MISSING,
                                "not there after %d s (PARINDEX_INVENTORY_TIMEOUT): %s"
                                        .formatted(waited.toSeconds(), check.detail())))
                .toList();
    }

    static List<Check> missing(List<Check> checks) {
        return checks.stream().filter(check -> check.state() == State.MISSING).toList();
    }

    /** "dossiers (…), campaigns (…)": what is still awaited, for progress lines. */
    static String pending(List<Check> checks) {
        return String.join(
                "; ",
                checks.stream()
                        .filter(check -> check.state() == State.PENDING)
                        .map(check -> check.name() + ": " + check.detail())
                        .toList());
    }

    private static Check units(DemoObservation o) {
        if (!o.units2024().ok()) {
            return new Check(UNITS, State.PENDING, o.units2024().error());
        }
        if (!o.units2025().ok()) {
            return new Check(UNITS, State.PENDING, o.units2025().error());
        }
        String text = "2024 structure (%s): %s\n2025 structure (%s): %s"
                .formatted(
                        DemoObservation.BEFORE_REFORM,
                        levels(o.units2024().value()),
                        DemoObservation.AFTER_REFORM,
                        levels(o.units2025().value()));
        boolean both = o.units2024().value().getOrDefault("PROVINCE", 0L) > 0
                && o.units2025().value().getOrDefault("PROVINCE", 0L) > 0;
        return new Check(
                UNITS,
                both ? State.READY : State.PENDING,
                both ? text : "the registry holds no units yet (" + text + ")");
    }

    private static Check groups(Answer<List<String>> groups, boolean demoOn) {
        if (!groups.ok()) {
            return new Check(GROUPS, State.PENDING, groups.error());
        }
        if (!groups.value().isEmpty()) {
            return new Check(GROUPS, State.READY, groups.value().size() + ": " + String.join(", ", groups.value()));
        }
        return demoOn
                ? new Check(GROUPS, State.PENDING, "none yet (the registry creates its demo group after its seed)")
                : new Check(GROUPS, State.MISSING, DEMO_OFF);
    }

    private static Check criteriaSets(Answer<LoaderStatus> demo, Answer<List<Named>> sets) {
        if (demo.ok() && demo.value().status().equals("FAILED")) {
            return new Check(
                    CRITERIA_SETS,
                    State.MISSING,
                    "the demo sets failed to load: " + demo.value().message());
        }
        if (demo.ok() && demo.value().status().equals("LOADING")) {
            return new Check(
                    CRITERIA_SETS, State.PENDING, "loading: " + demo.value().message());
        }
        if (!sets.ok()) {
            return new Check(CRITERIA_SETS, State.PENDING, sets.error());
        }
        if (!sets.value().isEmpty()) {
            return new Check(CRITERIA_SETS, State.READY, named(sets.value()));
        }
        if (demo.ok() && demo.value().status().equals("DISABLED")) {
            return new Check(CRITERIA_SETS, State.MISSING, DEMO_OFF);
        }
        return demo.ok()
                ? new Check(
                        CRITERIA_SETS,
                        State.MISSING,
                        "none, although the catalogue says " + demo.value().status())
                : new Check(CRITERIA_SETS, State.PENDING, "none yet (" + demo.error() + ")");
    }

    /**
     * Scoring's campaigns. When scoring reports its demo loader ({@code demo-data}: LOADING, LOADED, FAILED), that
     * says when it is done; otherwise the campaign list settling does.
     */
    private static Check campaigns(
            Answer<List<Named>> campaigns, Answer<LoaderStatus> demo, boolean demoOn, Duration unchangedFor) {
        if (!campaigns.ok()) {
            return new Check(CAMPAIGNS, State.PENDING, campaigns.error());
        }
        List<Named> all = campaigns.value();
        long published = all.stream().filter(c -> c.status().equals(PUBLISHED)).count();
        String seen = all.isEmpty() ? "none" : named(all);
        if (demoOn && demo.ok()) {
            return switch (demo.value().status()) {
                case "LOADED" ->
                    published > 0
                            ? new Check(CAMPAIGNS, State.READY, seen)
                            : new Check(CAMPAIGNS, State.MISSING, "none published, although scoring says LOADED");
                case "FAILED" ->
                    new Check(
                            CAMPAIGNS,
                            State.MISSING,
                            "the demo campaigns failed to load: " + demo.value().message());
                case "DISABLED" -> new Check(CAMPAIGNS, State.MISSING, "scoring's demo data is off");
                default ->
                    new Check(
                            CAMPAIGNS, State.PENDING, "loading: " + demo.value().message());
            };
        }
        if (!demoOn) {
            return published > 0
                    ? new Check(CAMPAIGNS, State.READY, seen)
                    : new Check(CAMPAIGNS, State.MISSING, "no published campaign (PARINDEX_DEMO_DATA is off)");
        }
        if (all.isEmpty()) {
            return new Check(
                    CAMPAIGNS,
                    State.PENDING,
                    "none yet (scoring loads them once the registry and the catalogue answer)");
        }
        boolean allPublished = published == all.size();
        boolean done = (allPublished && unchangedFor.compareTo(CAMPAIGNS_SETTLED) >= 0)
                || unchangedFor.compareTo(CAMPAIGNS_STUCK) >= 0;
        if (!done) {
            return new Check(CAMPAIGNS, State.PENDING, published + " of " + all.size() + " published so far");
        }
        return published > 0
                ? new Check(CAMPAIGNS, State.READY, seen)
                : new Check(
                        CAMPAIGNS,
                        State.MISSING,
                        "no published campaign (" + seen + "; unchanged for " + unchangedFor.toSeconds() + " s)");
    }

    private static Check procedures(Answer<LoaderStatus> demo) {
        if (!demo.ok()) {
            return new Check(PROCEDURES, State.PENDING, demo.error());
        }
        long count = demo.value().count("procedures");
        if (count > 0) {
            return new Check(PROCEDURES, State.READY, String.format(Locale.ROOT, "%,d", count));
        }
        return switch (demo.value().status()) {
            case "LOADING" ->
                new Check(PROCEDURES, State.PENDING, "loading: " + demo.value().message());
            case "DISABLED" -> new Check(PROCEDURES, State.MISSING, DEMO_OFF);
            default ->
                new Check(PROCEDURES, State.MISSING, "none (" + demo.value().message() + ")");
        };
    }

    private static Check dossiers(Answer<LoaderStatus> demo) {
        if (!demo.ok()) {
            return new Check(DOSSIERS, State.PENDING, demo.error());
        }
        LoaderStatus s = demo.value();
        long demoDossiers = s.count("dossiers");
        long all = s.count("dossiersAll");
        String counted = String.format(Locale.ROOT, "%,d demo dossiers (%,d in all)", demoDossiers, all);
        return switch (s.status()) {
            case "LOADING" -> new Check(DOSSIERS, State.PENDING, "loading: " + s.message());
            case "FAILED" -> new Check(DOSSIERS, State.MISSING, "the demo dossiers failed to load: " + s.message());
            case "LOADED" ->
                demoDossiers > 0
                        ? new Check(DOSSIERS, State.READY, counted)
                        : new Check(DOSSIERS, State.MISSING, "none, although loaded: " + s.message());
            case "DISABLED" ->
                all > 0
                        ? new Check(DOSSIERS, State.READY, String.format(Locale.ROOT, "%,d (no demo dossiers)", all))
                        : new Check(DOSSIERS, State.MISSING, DEMO_OFF);
            default -> new Check(DOSSIERS, State.MISSING, "unknown demo status " + s.status() + ": " + s.message());
        };
    }

    private static Check calendar(Answer<LoaderStatus> demo) {
        if (!demo.ok()) {
            return new Check(CALENDAR, State.PENDING, demo.error());
        }
        String years = demo.value().calendarYears();
        return years == null || years.isBlank()
                ? new Check(CALENDAR, State.MISSING, "no working-day calendar stored")
                : new Check(CALENDAR, State.READY, yearRange(years));
    }

    /** The inventory as printed: one line per data set, MISSING ones saying why. */
    static String render(List<Check> checks, double seconds) {
        StringBuilder text = new StringBuilder();
        String rule = "-".repeat(78);
        text.append(rule).append('\n');
        text.append(String.format(Locale.ROOT, "What the services hold (%.1f s after start)%n", seconds));
        for (Check check : checks) {
            String value = switch (check.state()) {
                case READY -> check.detail();
                case PENDING -> "STILL LOADING: " + check.detail();
                case MISSING -> "MISSING: " + check.detail();
            };
            text.append(wrap("  %-16s ".formatted(check.name()), value, 110));
        }
        text.append(rule);
        return text.toString();
    }

    /** "63 provinces, 696 districts, 10,598 communes": the levels the registry counted, zero ones left out. */
    static String levels(Map<String, Long> counts) {
        List<String> parts = new ArrayList<>();
        for (String[] level : new String[][] {
            {"PROVINCE", "provinces"}, {"DISTRICT", "districts"}, {"COMMUNE", "communes"}, {"AGENCY", "agencies"}
        }) {
            long n = counts.getOrDefault(level[0], 0L);
            if (n > 0 || level[0].equals("PROVINCE")) {
                parts.add(String.format(Locale.ROOT, "%,d %s", n, level[1]));
            }
        }
        return String.join(", ", parts);
    }

    /** "2019–2026" for consecutive years, else the list as given. */
    static String yearRange(String commaSeparated) {
        int[] years = Arrays.stream(commaSeparated.split(","))
                .map(String::trim)
                .filter(year -> !year.isEmpty())
                .mapToInt(Integer::parseInt)
                .sorted()
                .toArray();
        boolean consecutive = years.length > 1 && years[years.length - 1] - years[0] == years.length - 1;
        return consecutive
                ? years[0] + "–" + years[years.length - 1] + " (" + years.length + " years)"
                : String.join(
                        ", ", Arrays.stream(years).mapToObj(Integer::toString).toList());
    }

    private static String named(List<Named> items) {
        return items.size() + ": "
                + String.join(
                        ", ",
                        items.stream().map(i -> i.code() + " " + i.status()).toList());
    }

    /**
     * Label, then the value wrapped at commas and semicolons (a piece too long for a line at its spaces, and the
     * value's own line breaks kept), continuation lines under the value.
     */
    private static String wrap(String label, String value, int width) {
        StringBuilder out = new StringBuilder(label);
        String indent = " ".repeat(label.length());
        int column = label.length();
        boolean first = true;
        for (String line : value.split("\n")) {
            if (!first) {
                out.append('\n').append(indent);
                column = indent.length();
            }
            boolean lineStart = true;
            for (String piece : line.split("(?<=[,;]) ")) {
                List<String> words =
                        piece.length() > width - indent.length() ? Arrays.asList(piece.split(" ")) : List.of(piece);
                for (String word : words) {
                    if (!lineStart) {
                        if (column + 1 + word.length() > width) {
                            out.append('\n').append(indent);
                            column = indent.length();
                        } else {
                            out.append(' ');
                            column++;
                        }
                    }
                    out.append(word);
                    column += word.length();
                    lineStart = false;
                }
            }
            first = false;
        }
        return out.append('\n').toString();
    }
}
