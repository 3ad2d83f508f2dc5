package dev.charter.platform.roster;

import dev.charter.contracts.registry.ConflictKind;

/** A conflict of interest in force between two persons (R10), as {@code personId} declared it. */
public record DeclaredConflict(String conflictId, String personId, String otherPersonId, ConflictKind kind) {

    /** Whether it involves the person, on either side. */
    public boolean involves(String person) {
        return personId.equals(person) || otherPersonId.equals(person);
    }

    /** The other side of the conflict, if it involves the person; null otherwise. */
    public String counterpartOf(String person) {
        if (personId.equals(person)) {
            return otherPersonId;
        }
        return otherPersonId.equals(person) ? personId : null;
    }
}
