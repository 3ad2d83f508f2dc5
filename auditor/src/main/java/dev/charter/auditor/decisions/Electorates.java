package dev.charter.auditor.decisions;

import dev.charter.auditor.history.Decoded;
import dev.charter.auditor.report.Finding;
import dev.charter.auditor.roster.Roster;
import dev.charter.auditor.roster.RosterHistory;
import dev.charter.contracts.EventStream;
import dev.charter.contracts.voting.BallotRequest;
import dev.charter.contracts.voting.Recusal;
import dev.charter.contracts.voting.VotingEvent.BallotOpened;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * R10, R12: every ballot's electorate is the roster of its body when it opened, minus the recusals the rules demand —
 * the persons concerned, and every member with a declared conflict of interest with one of them — and those are
 * exactly the recusals it lists. voting-service freezes the electorate from its own copy of the registry, which may
 * trail the registry by a moment: an electorate that matches the roster of a little earlier (within {@link #LAG})
 * is noted, not reported.
 */
class Electorates implements DecisionCheck {

    static final Duration LAG = Duration.ofSeconds(60);

    @Override
    public String describe() {
        return "R10, R12: each ballot's electorate is its body at opening minus the recusals the rules demand";
    }

    @Override
    public void check(Governance governance, List<Finding> findings) {
        RosterHistory history = governance.roster();
        RosterHistory.Cursor cursor = history.cursor();
        List<Decoded> opened = new ArrayList<>(governance.all(EventStream.VOTING, BallotOpened.class));
        opened.sort((a, b) -> a.time().compareTo(b.time()));
        for (Decoded decoded : opened) {
            BallotOpened ballot = (BallotOpened) decoded.event();
            Expected expected = expected(ballot.request(), cursor.at(decoded.time()));
            if (expected.matches(ballot)) {
                continue;
            }
            Instant matchedAt = earlierMatch(governance, history, ballot, decoded.time());
            if (matchedAt != null) {
                findings.add(Finding.note(CHECK, "ROSTER_COPY_LAG", decoded.stream(), decoded.chainSequence(),
                        ballot.ballotId(), "ballot " + ballot.ballotId() + " froze the roster as of " + matchedAt
                                + ", " + Duration.between(matchedAt, decoded.time()).toMillis()
                                + " ms before it opened (voting's copy of the registry trailed)"));
                continue;
            }
            Set<String> electorate = lower(ballot.electorate());
            Set<String> recused = lower(ballot.recusals().stream().map(Recusal::personId).toList());
            if (!electorate.equals(expected.electorate)) {
                findings.add(Finding.finding(CHECK, "ELECTORATE_MISMATCH", decoded, ballot.ballotId(),
                        "ballot " + ballot.ballotId() + " (" + ballot.request().body() + ") froze " + diff(electorate,
                                expected.electorate) + " against the roster at its opening (R10, R12)"));
            }
            if (!recused.equals(expected.recused)) {
                findings.add(Finding.finding(CHECK, "RECUSAL_MISMATCH", decoded, ballot.ballotId(),
                        "ballot " + ballot.ballotId() + " recused " + diff(recused, expected.recused)
                                + " against the persons concerned and declared conflicts (R10)"));
            }
        }
    }

    private static Instant earlierMatch(Governance governance, RosterHistory history, BallotOpened ballot,
                                        Instant openedAt) {
        Instant from = openedAt.minus(LAG);
        List<Instant> changes = new ArrayList<>();
        for (Decoded registry : governance.events(EventStream.REGISTRY)) {
            if (registry.time().isAfter(from) && !registry.time().isAfter(openedAt)) {
                changes.add(registry.time());
            }
        }
        for (int i = changes.size() - 1; i >= 0; i--) {
            Instant before = changes.get(i).minusNanos(1);
            if (expected(ballot.request(), history.at(before)).matches(ballot)) {
                return before;
            }
        }
        return null;
    }

    private record Expected(Set<String> electorate, Set<String> recused) {
        boolean matches(BallotOpened ballot) {
            return lower(ballot.electorate()).equals(electorate)
                    && lower(ballot.recusals().stream().map(Recusal::personId).toList()).equals(recused);
        }
    }

    private static Expected expected(BallotRequest request, Roster roster) {
        Set<String> body = new TreeSet<>();
        switch (request.body()) {
            case CORE_MAINTAINERS -> body.addAll(roster.coreMaintainers());
            case MODULE_MAINTAINERS -> body.addAll(roster.maintainers(request.moduleId()));
            case LEAD -> {
                if (roster.lead() != null) {
                    body.add(roster.lead());
                }
            }
            case CORE_AND_AFFECTED_MODULES -> {
                body.addAll(roster.coreMaintainers());
                if (request.affectedModules() != null) {
                    request.affectedModules().forEach(m -> body.addAll(roster.maintainers(m)));
                }
            }
        }
        Set<String> concerned = lower(request.personsConcerned() == null ? List.of() : request.personsConcerned());
        Set<String> recused = new TreeSet<>();
        Set<String> electorate = new TreeSet<>();
        for (String member : body) {
            boolean conflicted = roster.conflictedWith(member).stream().anyMatch(concerned::contains);
            if (concerned.contains(member) || conflicted) {
                recused.add(member);
            } else {
                electorate.add(member);
            }
        }
        return new Expected(electorate, recused);
    }

    private static Set<String> lower(List<String> ids) {
        Set<String> result = new TreeSet<>();
        ids.forEach(id -> result.add(id.trim().toLowerCase(Locale.ROOT)));
        return result;
    }

    private static String diff(Set<String> actual, Set<String> expected) {
        Set<String> extra = new TreeSet<>(actual);
        extra.removeAll(expected);
        Set<String> missing = new TreeSet<>(expected);
        missing.removeAll(actual);
        return (extra.isEmpty() ? "" : "+" + extra) + (missing.isEmpty() ? "" : " -" + missing);
    }
}
