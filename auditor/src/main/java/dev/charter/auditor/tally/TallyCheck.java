package dev.charter.auditor.tally;

import dev.charter.auditor.events.EventSink;
import dev.charter.auditor.events.RecordedEvent;
import dev.charter.auditor.history.Decoded;
import dev.charter.auditor.history.Decoder;
import dev.charter.auditor.report.Finding;
import dev.charter.auditor.report.Report;
import dev.charter.contracts.EventStream;
import dev.charter.contracts.voting.BallotOutcome;
import dev.charter.contracts.voting.BallotRequest;
import dev.charter.contracts.voting.CloseReason;
import dev.charter.contracts.voting.Round;
import dev.charter.contracts.voting.Tally;
import dev.charter.contracts.voting.VotingEvent;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * {@code tallies}: every closed ballot re-counted from its opening event, its votes (the last vote of each member
 * counts), its recusals and the lead's decision, by the auditor's own {@link Count}, and compared field by field
 * with the published result, every round included. Streams the voting events: a ballot's state is dropped once it
 * is closed or cancelled.
 */
public class TallyCheck implements EventSink {

    public static final String CHECK = "tallies";
    private final String stream = EventStream.VOTING.streamName();
    private final Map<String, Ballot> open = new HashMap<>();
    private final Set<String> seen = new HashSet<>();
    private final List<Finding> findings = new ArrayList<>();
    private final Map<String, Integer> outcomes = new LinkedHashMap<>();
    private final List<List<Object>> rows = new ArrayList<>();
    private final boolean keepRows;
    private long recounted;

    public TallyCheck(boolean keepRows) {
        this.keepRows = keepRows;
    }

    private static final class Ballot {
        VotingEvent.BallotOpened opened;
        final Set<String> electorate = new LinkedHashSet<>();
        int recused;
        final Map<String, Count.Vote> votes = new LinkedHashMap<>();
        Tally referred;
    }

    @Override
    public void accept(RecordedEvent event) {
        if (!stream.equals(event.stream()) || event.parked() || !seen.add(event.id())) {
            return;
        }
        Decoded decoded;
        try {
            decoded = Decoder.decode(event).orElse(null);
        } catch (Decoder.Unreadable e) {
            return; // reported by the history
        }
        if (decoded == null) {
            return;
        }
        if (decoded.event() instanceof VotingEvent.BallotOpened e) {
            Ballot ballot = new Ballot();
            ballot.opened = e;
            ballot.electorate.addAll(e.electorate());
            ballot.recused = e.recusals().size();
            open.put(e.ballotId(), ballot);
        } else if (decoded.event() instanceof VotingEvent.VoteCast e) {
            Ballot ballot = ballot(e.ballotId(), decoded);
            if (ballot != null) {
                if (!ballot.electorate.contains(e.voterId())) {
                    add(Finding.finding(CHECK, "VOTE_OUTSIDE_ELECTORATE", decoded, e.ballotId(),
                            e.voterId() + " voted on ballot " + e.ballotId() + " without being in its electorate"));
                } else {
                    ballot.votes.put(e.voterId(), new Count.Vote(e.choice(), e.ranking()));
                }
            }
        } else if (decoded.event() instanceof VotingEvent.MemberRecused e) {
            Ballot ballot = ballot(e.ballotId(), decoded);
            if (ballot != null && ballot.electorate.remove(e.personId())) {
                ballot.votes.remove(e.personId());
                ballot.recused++;
            }
        } else if (decoded.event() instanceof VotingEvent.BallotReferredToLead e) {
            Ballot ballot = ballot(e.ballotId(), decoded);
            if (ballot != null) {
                Count.Result mine = count(ballot);
                ballot.referred = e.tally();
                if (mine.outcome() != BallotOutcome.TIED) {
                    add(Finding.finding(CHECK, "TALLY_MISMATCH", decoded, e.ballotId(), "ballot " + e.ballotId()
                            + " was referred to the lead as tied; the recount gives " + mine.outcome()));
                }
                compare(decoded, e.ballotId(), mine.tally(), e.tally());
            }
        } else if (decoded.event() instanceof VotingEvent.BallotClosed e) {
            Ballot ballot = ballot(e.ballotId(), decoded);
            if (ballot != null) {
                closed(decoded, e, ballot);
                open.remove(e.ballotId());
            }
        } else if (decoded.event() instanceof VotingEvent.BallotCancelled e) {
            open.remove(e.ballotId());
        }
    }

    private void closed(Decoded decoded, VotingEvent.BallotClosed e, Ballot ballot) {
        recounted++;
        Count.Result mine = count(ballot);
        BallotOutcome expected = mine.outcome();
        String note = "";
        if (e.closeReason() == CloseReason.DECIDED_BY_LEAD) {
            // R8: a tie decided by the lead at opening, with public reasoning
            if (mine.outcome() != BallotOutcome.TIED) {
                add(Finding.finding(CHECK, "TALLY_MISMATCH", decoded, e.ballotId(), "ballot " + e.ballotId()
                        + " was decided by the lead, but the recount gives " + mine.outcome() + ", not a tie (R8)"));
            }
            if (!Objects.equals(e.decidedBy(), ballot.opened.lead())) {
                add(Finding.finding(CHECK, "NOT_THE_LEAD", decoded, e.ballotId(), "ballot " + e.ballotId()
                        + " was decided by " + e.decidedBy() + ", not by the lead at opening, "
                        + ballot.opened.lead() + " (R8)"));
            }
            if (e.outcome() != BallotOutcome.CARRIED && e.outcome() != BallotOutcome.REJECTED) {
                add(Finding.finding(CHECK, "TALLY_MISMATCH", decoded, e.ballotId(),
                        "the lead's decision on ballot " + e.ballotId() + " is " + e.outcome()));
            }
            expected = e.outcome();
            note = " (tie decided by the lead)";
        } else if (e.outcome() != mine.outcome()) {
            add(Finding.finding(CHECK, "TALLY_MISMATCH", decoded, e.ballotId(), "ballot " + e.ballotId()
                    + " closed " + e.outcome() + "; the recount gives " + mine.outcome()));
        }
        compare(decoded, e.ballotId(), mine.tally(), e.tally());
        outcomes.merge(e.outcome().name(), 1, Integer::sum);
        if (keepRows) {
            rows.add(List.of(e.ballotId(), e.subjectKind() + " " + e.subjectId(), e.method().name(),
                    ballot.votes.size() + "/" + ballot.electorate.size(), e.outcome().name(),
                    expected == e.outcome() ? "agrees" + note : "DIFFERS"));
        }
    }

    private void compare(Decoded decoded, String ballotId, Tally mine, Tally published) {
        List<String> differences = new ArrayList<>();
        if (published == null) {
            differences.add("no tally published");
        } else {
            field(differences, "electorate", mine.electorate(), published.electorate());
            field(differences, "recused", mine.recused(), published.recused());
            field(differences, "cast", mine.cast(), published.cast());
            field(differences, "yes", mine.yes(), published.yes());
            field(differences, "no", mine.no(), published.no());
            field(differences, "abstain", mine.abstain(), published.abstain());
            field(differences, "required", mine.required(), published.required());
            field(differences, "quorumMet", mine.quorumMet(), published.quorumMet());
            field(differences, "winner", mine.winner(), published.winner());
            List<Round> a = mine.rounds();
            List<Round> b = published.rounds() == null ? List.of() : published.rounds();
            field(differences, "rounds", a.size(), b.size());
            for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
                if (!a.get(i).equals(b.get(i))) {
                    differences.add("round " + (i + 1) + ": recounted " + a.get(i) + ", published " + b.get(i));
                }
            }
        }
        if (!differences.isEmpty()) {
            add(Finding.finding(CHECK, "TALLY_MISMATCH", decoded, ballotId,
                    "ballot " + ballotId + ": " + String.join("; ", differences)));
        }
    }

    private static void field(List<String> differences, String name, Object mine, Object published) {
        if (!Objects.equals(mine, published)) {
            differences.add(name + " recounted " + mine + ", published " + published);
        }
    }

    private Count.Result count(Ballot ballot) {
        BallotRequest request = ballot.opened.request();
        return Count.of(new Count.Rule(request.method(), request.threshold(), request.base(), request.quorum(),
                        request.options()), ballot.electorate.size(), ballot.recused,
                new ArrayList<>(ballot.votes.values()), ballot.opened.seed());
    }

    private Ballot ballot(String ballotId, Decoded decoded) {
        Ballot ballot = open.get(ballotId);
        if (ballot == null) {
            add(Finding.finding(CHECK, "NO_OPENING", decoded, ballotId,
                    decoded.event().getClass().getSimpleName() + " of ballot " + ballotId
                            + " without an open ballot before it"));
        }
        return ballot;
    }

    private void add(Finding finding) {
        findings.add(finding);
    }

    public List<Finding> findings() {
        return List.copyOf(findings);
    }

    public long recounted() {
        return recounted;
    }

    public void reportTo(Report report) {
        report.addAll(findings);
        report.count("ballots recounted", recounted);
        report.count("ballots still open", open.size());
        outcomes.forEach((outcome, n) -> report.count("ballots " + outcome, n));
        if (keepRows) {
            report.section("tallies", new Report.Section("Closed ballots re-counted",
                    List.of("ballot", "subject", "method", "votes", "outcome", "recount"), rows));
        }
    }
}
