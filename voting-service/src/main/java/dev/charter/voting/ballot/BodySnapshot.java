package dev.charter.voting.ballot;

import dev.charter.platform.roster.DeclaredConflict;

import java.util.List;

/**
 * The voting body as the roster copy shows it when a ballot opens: its seated members, the lead, and the declared
 * conflicts of interest that involve a person concerned (R10).
 */
public record BodySnapshot(List<String> members, String lead, List<DeclaredConflict> conflicts) {

    public BodySnapshot {
        members = members == null ? List.of() : List.copyOf(members);
        conflicts = conflicts == null ? List.of() : List.copyOf(conflicts);
    }
}
