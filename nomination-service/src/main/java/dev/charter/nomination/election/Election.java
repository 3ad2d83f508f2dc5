package dev.charter.nomination.election;

import dev.charter.platform.axon.AggregateCache;
import dev.charter.contracts.nominations.NominationEvent.CandidacyAccepted;
import dev.charter.contracts.nominations.NominationEvent.CandidacyDeclared;
import dev.charter.contracts.nominations.NominationEvent.CandidacyDeclined;
import dev.charter.contracts.nominations.NominationEvent.CandidacyWindowReopened;
import dev.charter.contracts.nominations.NominationEvent.CandidateNominated;
import dev.charter.contracts.nominations.NominationEvent.ElectionInconclusive;
import dev.charter.contracts.nominations.NominationEvent.ElectionOpened;
import dev.charter.contracts.nominations.NominationEvent.LeadElected;
import dev.charter.contracts.nominations.NominationEvent.LeadElectionBallotRequested;
import dev.charter.contracts.nominations.NominationEvent;
import dev.charter.contracts.voting.BallotBody;
import dev.charter.contracts.voting.BallotRequest;
import dev.charter.contracts.voting.DecisionMethod;
import dev.charter.nomination.NominationSettings;
import dev.charter.nomination.election.ElectionCommands.AcceptCandidacy;
import dev.charter.nomination.election.ElectionCommands.DeclareCandidacy;
import dev.charter.nomination.election.ElectionCommands.DeclineCandidacy;
import dev.charter.nomination.election.ElectionCommands.OpenElection;
import dev.charter.nomination.election.ElectionCommands.RecordElectionBallotClosed;
import dev.charter.platform.roster.PersonStanding;
import dev.charter.platform.security.PersonIds;
import dev.charter.platform.web.GovernanceException;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.annotation.DeadlineHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * The election of a new lead after the seat was vacated (R13). First a candidacy window: core maintainers
 * stand, or are nominated by another core maintainer and accept. It closes at its deadline (durable), or as soon
 * as every eligible core maintainer has stood or declined. Then a ranked-choice ballot among the core
 * maintainers, the candidates being its options; a winner becomes lead in the registry. Without a candidate,
 * or when the ballot elects no one, the candidacy window opens again.
 */
@Aggregate(cache = AggregateCache.BEAN)
public class Election {

    static final String CANDIDACY_WINDOW = "candidacy-window";
    public static final String SUBJECT_KIND = "LEAD_ELECTION";
    private static final Logger log = LoggerFactory.getLogger(Election.class);

    public enum Phase {
        CANDIDACY, VOTING, ELECTED
    }

    public enum CandidateStatus {
        NOMINATED, STANDING, DECLINED
    }

    /** The payload of the candidacy-window deadline: which opening of the window it closes. */
    public record CandidacyWindow(int round) {
    }

    @AggregateIdentifier
    private String electionId;
    private String formerLeadId;
    private Set<String> eligible = Set.of();
    private final Map<String, CandidateStatus> candidates = new HashMap<>();
    private Phase phase;
    private int windowRound;
    private Instant candidacyClosesAt;
    private int ballots;
    private String ballotRequestId;

    public Election() {
    }

    public static String electionIdFor(String vacancyId) {
        return "election-" + UUID.nameUUIDFromBytes(("election:" + vacancyId).getBytes(StandardCharsets.UTF_8));
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(OpenElection command, NominationSettings settings, DeadlineManager deadlines) {
        if (electionId != null) {
            return; // the same vacancy again: its election is already open
        }
        Set<String> eligibleCandidates = new LinkedHashSet<>(command.coreMaintainers().stream().sorted().toList());
        eligibleCandidates.remove(command.formerLeadId());
        if (eligibleCandidates.isEmpty()) {
            log.warn("Election {}: no core maintainer other than {} can stand", command.electionId(),
                    command.formerLeadId());
        }
        Instant closesAt = command.openedAt().plus(settings.candidacyWindow());
        apply(new ElectionOpened(command.electionId(), command.vacancyId(), command.formerLeadId(), command.reason(),
                List.copyOf(eligibleCandidates), closesAt));
        deadlines.schedule(closesAt, CANDIDACY_WINDOW, new CandidacyWindow(windowRound));
    }

    /** R13: a core maintainer stands, or nominates another core maintainer. */
    @CommandHandler
    public NominationEvent handle(DeclareCandidacy command, NominationSettings settings, DeadlineManager deadlines) {
        requireCandidacyOpen();
        requireCoreMaintainer(command.declarant(), "stand or nominate a candidate");
        PersonStanding candidate = command.candidate();
        if (candidate.personId().equals(formerLeadId)) {
            throw new GovernanceException.RuleViolation("former-lead-cannot-stand", "R13",
                    formerLeadId + " was the lead whose seat this election fills; they do not stand in it.");
        }
        if (!candidate.coreMaintainer()) {
            throw new GovernanceException.RuleViolation("candidate-not-a-core-maintainer", "R13",
                    "The lead is one of the core maintainers (R1); " + candidate.personId() + " is not one.");
        }
        CandidateStatus status = candidates.get(candidate.personId());
        if (status == CandidateStatus.STANDING) {
            throw new GovernanceException.Conflict("already-standing", "R13",
                    candidate.personId() + " already stands in this election.");
        }
        NominationEvent declared;
        if (candidate.personId().equals(command.declarant().personId())) {
            declared = new CandidacyDeclared(electionId, candidate.personId());
        } else {
            if (status == CandidateStatus.NOMINATED) {
                throw new GovernanceException.Conflict("already-nominated", "R13",
                        candidate.personId() + " is already nominated and has not answered yet.");
            }
            declared = new CandidateNominated(electionId, candidate.personId(), command.declarant().personId());
        }
        apply(declared);
        closeEarlyWhenEveryoneAnswered(command.at(), settings, deadlines);
        return declared;
    }

    /** R13: a nominated core maintainer accepts to stand. */
    @CommandHandler
    public CandidacyAccepted handle(AcceptCandidacy command, NominationSettings settings, DeadlineManager deadlines) {
        PersonStanding person = requireSelf(command.personId(), command.answeredBy(), "accept a nomination");
        requireCandidacyOpen();
        requireCoreMaintainer(person, "stand");
        if (candidates.get(person.personId()) != CandidateStatus.NOMINATED) {
            throw new GovernanceException.Conflict("not-nominated", "R13",
                    person.personId() + " has no nomination to accept in this election.");
        }
        CandidacyAccepted accepted = new CandidacyAccepted(electionId, person.personId());
        apply(accepted);
        closeEarlyWhenEveryoneAnswered(command.at(), settings, deadlines);
        return accepted;
    }

    /** R13: a core maintainer declines to stand, or withdraws their candidacy. */
    @CommandHandler
    public CandidacyDeclined handle(DeclineCandidacy command, NominationSettings settings, DeadlineManager deadlines) {
        PersonStanding person = requireSelf(command.personId(), command.answeredBy(), "decline to stand");
        requireCandidacyOpen();
        requireCoreMaintainer(person, "decline to stand");
        if (candidates.get(person.personId()) == CandidateStatus.DECLINED) {
            throw new GovernanceException.Conflict("already-declined", "R13",
                    person.personId() + " has already declined to stand.");
        }
        CandidacyDeclined declined = new CandidacyDeclined(electionId, person.personId());
        apply(declined);
        closeEarlyWhenEveryoneAnswered(command.at(), settings, deadlines);
        return declined;
    }

    /** The candidacy window's deadline. A deadline of an earlier opening of the window changes nothing. */
    @DeadlineHandler(deadlineName = CANDIDACY_WINDOW)
    void on(CandidacyWindow window, NominationSettings settings, DeadlineManager deadlines) {
        if (phase != Phase.CANDIDACY || window.round() != windowRound) {
            return;
        }
        closeCandidacy(candidacyClosesAt, settings, deadlines, "the candidacy window ran out");
    }

    /** From the voting stream. Idempotent: only the current ballot of an election still voting counts, once. */
    @CommandHandler
    public void handle(RecordElectionBallotClosed command, NominationSettings settings, DeadlineManager deadlines) {
        if (phase != Phase.VOTING || !command.requestId().equals(ballotRequestId)) {
            log.info("Election {} ignores the closing of ballot {} (phase {})", electionId, command.ballotId(), phase);
            return;
        }
        if (command.winner() != null && command.winnerIsCoreMaintainer()) {
            apply(new LeadElected(electionId, command.winner(), command.ballotId(), command.rulesVersion()));
            return;
        }
        apply(new ElectionInconclusive(electionId, command.ballotId(), command.outcome()));
        reopenCandidacy(command.at(), settings, deadlines, command.winner() == null ? "the ballot elected no one"
                : "the winner, " + command.winner() + ", is no longer a core maintainer (R1)");
    }

    private void closeEarlyWhenEveryoneAnswered(Instant at, NominationSettings settings, DeadlineManager deadlines) {
        boolean everyoneAnswered = !eligible.isEmpty() && eligible.stream().allMatch(person -> {
            CandidateStatus status = candidates.get(person);
            return status == CandidateStatus.STANDING || status == CandidateStatus.DECLINED;
        });
        if (everyoneAnswered) {
            deadlines.cancelAllWithinScope(CANDIDACY_WINDOW);
            closeCandidacy(at, settings, deadlines, "every eligible core maintainer answered");
        }
    }

    private void closeCandidacy(Instant at, NominationSettings settings, DeadlineManager deadlines, String why) {
        List<String> standing = candidates.entrySet().stream()
                .filter(e -> e.getValue() == CandidateStatus.STANDING).map(Map.Entry::getKey).sorted().toList();
        if (standing.isEmpty()) {
            reopenCandidacy(at, settings, deadlines, "no candidate stood (" + why + ")");
            return;
        }
        log.info("Election {}: candidacy closed ({}); candidates {}", electionId, why, standing);
        BallotRequest request = new BallotRequest(requestId(electionId, ballots + 1), SUBJECT_KIND, electionId,
                "Rank the candidates for lead core maintainer (R13).", BallotBody.CORE_MAINTAINERS, null, List.of(),
                DecisionMethod.RANKED_CHOICE, null, null, null, standing, at.plus(settings.ballotDuration()),
                List.of(), settings.systemActor());
        apply(new LeadElectionBallotRequested(electionId, request));
    }

    private void reopenCandidacy(Instant at, NominationSettings settings, DeadlineManager deadlines, String why) {
        Instant closesAt = at.plus(settings.candidacyWindow());
        apply(new CandidacyWindowReopened(electionId, closesAt, why));
        deadlines.schedule(closesAt, CANDIDACY_WINDOW, new CandidacyWindow(windowRound));
    }

    /** One request per ballot of the election: voting-service derives the ballot id from it. */
    public static String requestId(String electionId, int ballot) {
        return "election:" + electionId + ":ballot:" + ballot;
    }

    private void requireCandidacyOpen() {
        if (phase != Phase.CANDIDACY) {
            throw new GovernanceException.Conflict("candidacy-closed", "R13",
                    "The candidacy window of this election is closed (it is " + phase + ").");
        }
    }

    /** R13: a core maintainer answers for their own candidacy only. */
    private static PersonStanding requireSelf(String personId, PersonStanding answeredBy, String what) {
        if (!answeredBy.personId().equals(PersonIds.canonical(personId))) {
            throw new GovernanceException.NotAllowed("not-the-candidate", "R13",
                    "Only " + personId + " may " + what + " for themselves.");
        }
        return answeredBy;
    }

    private static void requireCoreMaintainer(PersonStanding person, String what) {
        if (!person.coreMaintainer()) {
            throw new GovernanceException.NotAllowed("not-a-core-maintainer", "R13",
                    "Only core maintainers " + what + " in an election of the lead; " + person.personId()
                            + " is not one.");
        }
    }

    @EventSourcingHandler
    void on(ElectionOpened event) {
        electionId = event.electionId();
        formerLeadId = event.formerLeadId();
        eligible = Set.copyOf(event.eligibleCandidates());
        phase = Phase.CANDIDACY;
        windowRound = 1;
        candidacyClosesAt = event.candidacyClosesAt();
    }

    @EventSourcingHandler
    void on(CandidacyDeclared event) {
        candidates.put(event.personId(), CandidateStatus.STANDING);
    }

    @EventSourcingHandler
    void on(CandidateNominated event) {
        candidates.put(event.personId(), CandidateStatus.NOMINATED);
    }

    @EventSourcingHandler
    void on(CandidacyAccepted event) {
        candidates.put(event.personId(), CandidateStatus.STANDING);
    }

    @EventSourcingHandler
    void on(CandidacyDeclined event) {
        candidates.put(event.personId(), CandidateStatus.DECLINED);
    }

    @EventSourcingHandler
    void on(LeadElectionBallotRequested event) {
        phase = Phase.VOTING;
        ballots++;
        ballotRequestId = event.ballotRequest().requestId();
    }

    @EventSourcingHandler
    void on(CandidacyWindowReopened event) {
        phase = Phase.CANDIDACY;
        windowRound++;
        candidacyClosesAt = event.candidacyClosesAt();
        // everyone is asked again: who declined may answer anew; candidacies stand
        candidates.values().removeIf(status -> status == CandidateStatus.DECLINED);
    }

    @EventSourcingHandler
    void on(LeadElected event) {
        phase = Phase.ELECTED;
    }
}
