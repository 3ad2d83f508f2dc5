package dev.charter.registry.roster;

import dev.charter.registry.roster.CodeownersFile.Rule;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * R16: a repository's CODEOWNERS compared with the lines Charter generates from the roster: owners missing from a
 * path, owners who should not be there (emeritus, removed, unknown persons, teams), and paths no module of Charter's
 * covers. Patterns compare without leading or trailing slashes ({@code /torch/nn/} is {@code torch/nn}); owners
 * without {@code @}, case-insensitively; when a pattern appears twice, the later line counts, as GitHub reads it.
 */
public final class CodeownersCheck {

    /** A path and owners (with {@code @}). */
    public record PathOwners(String path, List<String> owners) {
    }

    /** A path of the file Charter does not know, with its line number and owners. */
    public record UnknownPath(String path, int line, List<String> owners) {
    }

    public record Result(List<PathOwners> missingOwners, List<PathOwners> unexpectedOwners,
                         List<UnknownPath> unknownPaths) {
        public boolean inSync() {
            return missingOwners.isEmpty() && unexpectedOwners.isEmpty() && unknownPaths.isEmpty();
        }
    }

    private record Line(String pattern, int number, List<String> owners) {
    }

    private CodeownersCheck() {
    }

    public static Result compare(List<Rule> expected, String content) {
        Map<String, Line> actual = parse(content);
        List<PathOwners> missing = new ArrayList<>();
        List<PathOwners> unexpected = new ArrayList<>();
        Set<String> known = new LinkedHashSet<>();
        for (Rule rule : expected) {
            String key = normalize(rule.pattern());
            known.add(key);
            Line line = actual.get(key);
            List<String> present = line == null ? List.of() : line.owners();
            List<String> lacking = rule.owners().stream().filter(o -> !present.contains(o)).toList();
            List<String> extra = present.stream().filter(o -> !rule.owners().contains(o)).toList();
            if (!lacking.isEmpty()) {
                missing.add(new PathOwners(rule.pattern(), handles(lacking)));
            }
            if (!extra.isEmpty()) {
                unexpected.add(new PathOwners(rule.pattern(), handles(extra)));
            }
        }
        List<UnknownPath> unknown = actual.entrySet().stream().filter(e -> !known.contains(e.getKey()))
                .map(e -> new UnknownPath(e.getValue().pattern(), e.getValue().number(), handles(e.getValue().owners())))
                .toList();
        return new Result(missing, unexpected, unknown);
    }

    /** The GitHub check run's title. */
    public static String title(Result result) {
        if (result.inSync()) {
            return "CODEOWNERS matches the roster";
        }
        int paths = result.missingOwners().size() + result.unexpectedOwners().size() + result.unknownPaths().size();
        return "CODEOWNERS differs from the roster (" + paths + (paths == 1 ? " finding)" : " findings)");
    }

    /** The GitHub check run's summary, in markdown. */
    public static String markdown(String repository, Instant asOf, Result result) {
        StringBuilder text = new StringBuilder()
                .append("Compared with Charter's roster as of ").append(asOf).append(" for `").append(repository)
                .append("` (R16: the maintainers listed in CODEOWNERS approve uncontroversial changes).\n\n");
        if (result.inSync()) {
            return text.append("Every path and owner matches the roster.\n").toString();
        }
        Map<String, String[]> rows = new LinkedHashMap<>();
        result.missingOwners().forEach(p -> rows.computeIfAbsent(p.path(), k -> new String[]{"", ""})[0] =
                String.join(" ", p.owners()));
        result.unexpectedOwners().forEach(p -> rows.computeIfAbsent(p.path(), k -> new String[]{"", ""})[1] =
                String.join(" ", p.owners()));
        if (!rows.isEmpty()) {
            text.append("| Path | Missing owners | Owners who should not be there |\n|---|---|---|\n");
            rows.forEach((path, owners) -> text.append("| `").append(path).append("` | ").append(owners[0])
                    .append(" | ").append(owners[1]).append(" |\n"));
            text.append('\n');
        }
        if (!result.unknownPaths().isEmpty()) {
            text.append("Paths unknown to Charter (no module of the roster):\n\n");
            result.unknownPaths().forEach(u -> text.append("- `").append(u.path()).append("` (line ").append(u.line())
                    .append(")").append(u.owners().isEmpty() ? "" : ": " + String.join(" ", u.owners()))
                    .append('\n'));
            text.append('\n');
        }
        return text.append("Replace the file with Charter's (`GET /api/v1/files/codeowners`), or change the roster "
                + "by a governance decision.\n").toString();
    }

    /** The lines of a CODEOWNERS file by normalized pattern; a later line replaces an earlier one. */
    private static Map<String, Line> parse(String content) {
        Map<String, Line> lines = new LinkedHashMap<>();
        String[] raw = content == null ? new String[0] : content.split("\\R", -1);
        for (int i = 0; i < raw.length; i++) {
            String text = raw[i].trim();
            if (text.isEmpty() || text.startsWith("#")) {
                continue;
            }
            String[] tokens = text.split("\\s+");
            List<String> owners = new ArrayList<>();
            for (int t = 1; t < tokens.length && !tokens[t].startsWith("#"); t++) {
                String owner = owner(tokens[t]);
                if (!owner.isEmpty() && !owners.contains(owner)) {
                    owners.add(owner);
                }
            }
            String key = normalize(tokens[0]);
            lines.remove(key);
            lines.put(key, new Line(tokens[0], i + 1, owners));
        }
        return lines;
    }

    static String normalize(String pattern) {
        String p = pattern.trim();
        if (p.equals("/**") || p.equals("**") || p.equals("/*")) {
            return CodeownersFile.EVERY_PATH;
        }
        while (p.startsWith("/")) {
            p = p.substring(1);
        }
        if (p.endsWith("/**")) {
            p = p.substring(0, p.length() - 3);
        }
        while (p.endsWith("/")) {
            p = p.substring(0, p.length() - 1);
        }
        return p.isEmpty() ? CodeownersFile.EVERY_PATH : p;
    }

    private static String owner(String token) {
        String owner = token.trim().toLowerCase(Locale.ROOT);
        return owner.startsWith("@") ? owner.substring(1) : owner;
    }

    private static List<String> handles(List<String> owners) {
        return owners.stream().map(o -> o.contains("@") ? o : "@" + o).collect(Collectors.toList());
    }
}
