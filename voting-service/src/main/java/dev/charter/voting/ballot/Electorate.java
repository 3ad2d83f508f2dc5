package dev.charter.voting.ballot;

import dev.charter.contracts.voting.BallotRequest;
import dev.charter.contracts.voting.Recusal;
import dev.charter.contracts.voting.RecusalReason;
import dev.charter.platform.roster.DeclaredConflict;
import dev.charter.platform.security.PersonIds;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Freezes a ballot's electorate when it opens (DESIGN §1): the body's seated members, less the persons
 * concerned (SUBJECT — e.g. the lead on a lead-removal ballot, R12, or a maintainer whose removal is decided,
 * R10) and less every member with a declared conflict of interest with a person concerned
 * (CONFLICT_OF_INTEREST, R10). A recused member is out of both the electorate and the denominator; the
 * reason is recorded. Both lists are sorted, so the opening event is the same for the same roster.
 */
public final class Electorate {

    /** Who may vote, and who was recused with the reason. */
    public record Frozen(List<String> electorate, List<Recusal> recusals) {
    }

    private Electorate() {
    }

    public static Frozen freeze(BallotRequest request, BodySnapshot body) {
        Set<String> concerned = new TreeSet<>();
        request.personsConcerned().forEach(p -> concerned.add(PersonIds.canonical(p)));
        Set<String> members = new TreeSet<>();
        body.members().forEach(m -> members.add(PersonIds.canonical(m)));

        List<String> electorate = new ArrayList<>();
        List<Recusal> recusals = new ArrayList<>();
        for (String member : members) {
            if (concerned.contains(member)) {
                recusals.add(new Recusal(member, RecusalReason.SUBJECT, "The ballot concerns " + member + "."));
                continue;
            }
            String conflictedWith = conflictedWith(member, concerned, body);
            if (conflictedWith != null) {
                recusals.add(new Recusal(member, RecusalReason.CONFLICT_OF_INTEREST,
                        "Declared conflict of interest with " + conflictedWith + "."));
                continue;
            }
            electorate.add(member);
        }
        return new Frozen(List.copyOf(electorate), List.copyOf(recusals));
    }

    private static String conflictedWith(String member, Set<String> concerned, BodySnapshot body) {
        Set<String> with = new TreeSet<>();
        for (DeclaredConflict conflict : body.conflicts()) {
            String other = conflict.counterpartOf(member);
            if (other != null && concerned.contains(PersonIds.canonical(other))) {
                with.add(PersonIds.canonical(other));
            }
        }
        return with.isEmpty() ? null : String.join(", ", with);
    }
}
