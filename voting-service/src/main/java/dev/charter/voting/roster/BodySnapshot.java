package dev.charter.voting.roster;

import java.util.List;

/**
 * The voting body as this service's copy of the registry shows it when a ballot opens: its seated members,
 * the lead, and the declared conflicts of interest that involve a person concerned (R10).
 */
public record BodySnapshot(List<String> members, String lead, List<DeclaredConflict> conflicts) {

    /** A conflict of interest in force between two persons, whichever of them declared it. */
    public record DeclaredConflict(String conflictId, String personId, String otherPersonId) {

        /** The other side of the conflict, if it involves the person. */
        public String counterpartOf(String person) {
            if (personId.equals(person)) {
                return otherPersonId;
            }
            return otherPersonId.equals(person) ? personId : null;
        }
    }

    public BodySnapshot {
        members = members == null ? List.of() : List.copyOf(members);
        conflicts = conflicts == null ? List.of() : List.copyOf(conflicts);
    }
}
