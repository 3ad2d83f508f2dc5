package dev.charter.voting.ballot;

import dev.charter.platform.axon.AggregateCache;
import dev.charter.contracts.voting.BallotBody;
import dev.charter.contracts.voting.BallotIds;
import dev.charter.contracts.voting.BallotOutcome;
import dev.charter.contracts.voting.BallotRequest;
import dev.charter.contracts.voting.Choice;
import dev.charter.contracts.voting.CloseReason;
import dev.charter.contracts.voting.DecisionMethod;
import dev.charter.contracts.voting.Recusal;
import dev.charter.contracts.voting.RecusalReason;
import dev.charter.contracts.voting.Tally;
import dev.charter.contracts.voting.VotingEvent.BallotCancelled;
import dev.charter.contracts.voting.VotingEvent.BallotClosed;
import dev.charter.contracts.voting.VotingEvent.BallotOpened;
import dev.charter.contracts.voting.VotingEvent.BallotReferredToLead;
import dev.charter.contracts.voting.VotingEvent.BallotVetoed;
import dev.charter.contracts.voting.VotingEvent.MemberRecused;
import dev.charter.contracts.voting.VotingEvent.VoteCast;
import dev.charter.platform.security.PersonIds;
import dev.charter.platform.web.GovernanceException;
import dev.charter.platform.web.Text;
import dev.charter.voting.ballot.BallotCommands.CancelBallot;
import dev.charter.voting.ballot.BallotCommands.CastVote;
import dev.charter.voting.ballot.BallotCommands.ClosingTime;
import dev.charter.voting.ballot.BallotCommands.DecideAsLead;
import dev.charter.voting.ballot.BallotCommands.OpenBallot;
import dev.charter.voting.ballot.BallotCommands.Opened;
import dev.charter.voting.ballot.BallotCommands.RecordVeto;
import dev.charter.voting.ballot.BallotCommands.RecuseSelf;
import dev.charter.voting.ballot.tally.Counted;
import dev.charter.voting.ballot.tally.CountedVote;
import dev.charter.voting.ballot.tally.CountingRule;
import dev.charter.voting.ballot.tally.Settlement;
import dev.charter.voting.ballot.tally.Tallies;
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

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A ballot of a governance body (DESIGN §1, §2). Its electorate is frozen when it opens; the persons
 * concerned and anyone with a declared conflict of interest with them are recused (R10). One public vote per
 * member, changeable while the ballot is open. It closes at its deadline (a durable deadline) or as soon as
 * the outcome can no longer change ({@link Settlement}); exactly once: every later close is a no-op, and two
 * replicas closing at once clash on the aggregate's sequence, so only one close is stored. A tied
 * core-maintainer ballot goes to the lead, whose deciding choice and reasoning close it (R8). The rules
 * version in force when it opened is the one it is decided under.
 */
@Aggregate(cache = AggregateCache.BEAN)
public class Ballot {

    /** The name of the ballot's closing deadline. */
    public static final String CLOSING = "ballot-closing";
    private static final Logger log = LoggerFactory.getLogger(Ballot.class);

    @AggregateIdentifier
    private String ballotId;
    private BallotRequest request;
    private CountingRule rule;
    private final Set<String> electorate = new LinkedHashSet<>();
    private final Map<String, Recusal> recused = new LinkedHashMap<>();
    private final Map<String, VoteCast> votes = new LinkedHashMap<>();
    private final Set<String> everVoted = new HashSet<>();
    private String lead;
    private long seed;
    private String rulesVersion;
    private BallotStatus status;
    private Tally referredTally;
    private String vetoId;

    public Ballot() {
    }

    /**
     * Opens the ballot. A request delivered twice maps to the same ballot id; the second finds the ballot
     * open and changes nothing.
     */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public Opened handle(OpenBallot command, DeadlineManager deadlines) {
        if (status != null) {
            return new Opened(null, status); // already opened by this request: nothing new
        }
        BallotRequest canonical = BallotRequests.canonical(command.request());
        if (!BallotIds.forRequest(canonical.requestId()).equals(command.ballotId())) {
            throw new GovernanceException.BadInput("invalid-ballot-id", "Ballot " + command.ballotId()
                    + " is not the ballot of request " + canonical.requestId() + ".");
        }
        Electorate.Frozen frozen = Electorate.freeze(canonical, command.body());
        String leadNow = PersonIds.canonical(command.body().lead());
        BallotOpened opened = new BallotOpened(command.ballotId(), canonical, frozen.electorate(),
                frozen.recusals(), leadNow, command.seed(), command.rulesVersion());
        apply(opened);
        deadlines.schedule(canonical.deadline(), CLOSING, new ClosingTime(command.ballotId()));
        closeIfSettled(deadlines);
        return new Opened(opened, status);
    }

    /** One vote per member of the frozen electorate, public, changeable while the ballot is open. */
    @CommandHandler
    public VoteCast handle(CastVote command, DeadlineManager deadlines) {
        String voter = person(command.voterId());
        if (!voter.equals(person(command.castBy()))) {
            throw new GovernanceException.NotAllowed("not-your-vote", null,
                    command.castBy() + " may cast only their own vote, not " + command.voterId() + "'s.");
        }
        requireOpen(command.at());
        requireMember(voter, "vote");
        VoteCast vote = vote(voter, command);
        VoteCast current = votes.get(voter);
        if (current != null && current.choice() == vote.choice() && current.ranking().equals(vote.ranking())
                && Objects.equals(current.comment(), vote.comment())) {
            return current; // the same vote again: already cast
        }
        apply(vote);
        closeIfSettled(deadlines);
        return vote;
    }

    /** R10: a member recuses themselves; they leave the electorate and the denominator, and their vote goes. */
    @CommandHandler
    public MemberRecused handle(RecuseSelf command, DeadlineManager deadlines) {
        requireOpen(command.at());
        String person = person(command.personId());
        Recusal already = recused.get(person);
        if (already != null) {
            return new MemberRecused(ballotId, person, already.reason(), already.detail()); // already recused
        }
        if (!electorate.contains(person)) {
            throw new GovernanceException.NotAllowed("not-in-electorate", "R10",
                    person + " is not in the electorate of ballot " + ballotId + ".");
        }
        if (command.reason() == null || command.reason().isBlank()) {
            throw new GovernanceException.BadInput("reason-required", "A recusal gives its reason.");
        }
        MemberRecused recusal = new MemberRecused(ballotId, person, RecusalReason.SELF, command.reason().trim());
        apply(recusal);
        closeIfSettled(deadlines);
        return recusal;
    }

    /** R8: the lead decides a tied core-maintainer ballot, with public reasoning. */
    @CommandHandler
    public BallotClosed handle(DecideAsLead command) {
        if (status != BallotStatus.AWAITING_LEAD) {
            throw new GovernanceException.Conflict("not-referred-to-lead", "R8", "Ballot " + ballotId
                    + " is " + status + "; the lead decides only a tied ballot referred to them.");
        }
        String person = person(command.personId());
        if (!person.equals(lead)) {
            throw new GovernanceException.NotAllowed("not-the-lead", "R8",
                    "Only the lead (" + lead + ") decides this tied ballot.");
        }
        if (command.reasoning() == null || command.reasoning().isBlank()) {
            throw new GovernanceException.RuleViolation("reasoning-required", "R8",
                    "The lead's decision carries public reasoning.");
        }
        BallotOutcome outcome = switch (command.choice() == null ? Choice.ABSTAIN : command.choice()) {
            case YES -> BallotOutcome.CARRIED;
            case NO -> BallotOutcome.REJECTED;
            case ABSTAIN -> throw new GovernanceException.BadInput("invalid-decision",
                    "The lead decides YES or NO.");
        };
        BallotClosed closed = closed(outcome, referredTally, CloseReason.DECIDED_BY_LEAD, lead,
                command.reasoning().trim());
        apply(closed);
        return closed;
    }

    /** The request became moot: an open (or referred) ballot is cancelled; a decided one stays decided. */
    @CommandHandler
    public boolean handle(CancelBallot command, DeadlineManager deadlines) {
        if (status == BallotStatus.CLOSED || status == BallotStatus.CANCELLED) {
            return false; // decided or cancelled already: nothing to cancel
        }
        String reason = Objects.requireNonNullElse(Text.blankToNull(command.reason()), "The request was withdrawn.");
        apply(new BallotCancelled(ballotId, request.requestId(), reason));
        deadlines.cancelAllWithinScope(CLOSING);
        return true;
    }

    /**
     * R7: the core maintainers vetoed what this ballot decided: it keeps its outcome and tally and is shown as
     * vetoed. Idempotent: a ballot vetoed already, or one that has not closed, changes nothing (only a closed
     * motion of a module's group is a decision that can be vetoed).
     */
    @CommandHandler
    public boolean handle(RecordVeto command) {
        if (status != BallotStatus.CLOSED || vetoId != null) {
            log.info("Ballot {} ignores veto {} (status {}, vetoed by {})", ballotId, command.vetoId(), status, vetoId);
            return false;
        }
        apply(new BallotVetoed(ballotId, command.vetoId(), command.reasoning(), command.decidedBy()));
        return true;
    }

    /**
     * The durable deadline: counts and closes an open ballot. Fires once (db-scheduler); a ballot closed
     * before (settled, decided, cancelled) ignores it. Acts as the service itself, in the opening's correlation:
     * the platform's deadline metadata interceptor stamped the deadline so, and what it applies copies it.
     */
    @DeadlineHandler(deadlineName = CLOSING)
    void closeAtDeadline(ClosingTime closing) {
        if (status != BallotStatus.OPEN) {
            return; // closed before the deadline: it closes once
        }
        conclude(count(), CloseReason.DEADLINE);
    }

    private void closeIfSettled(DeadlineManager deadlines) {
        Optional<Counted> settled = Settlement.settled(rule, electorate.size(), recused.size(), countedVotes(), seed);
        if (settled.isPresent()) {
            conclude(settled.get(), CloseReason.OUTCOME_SETTLED);
            deadlines.cancelAllWithinScope(CLOSING);
        }
    }

    /** Closes with the count, or hands a tie of a core-maintainer ballot to the lead (R8). */
    private void conclude(Counted counted, CloseReason reason) {
        if (counted.outcome() == BallotOutcome.TIED && tiesGoToLead()) {
            log.info("Ballot {} is tied ({}): referred to the lead {}", ballotId, reason, lead);
            apply(new BallotReferredToLead(ballotId, lead, counted.tally()));
            return;
        }
        log.info("Ballot {} closes: {} ({}), {} yes / {} no / {} abstain of {}", ballotId, counted.outcome(), reason,
                counted.tally().yes(), counted.tally().no(), counted.tally().abstain(), counted.tally().electorate());
        String decidedBy = null;
        String reasoning = null;
        if (rule.method() == DecisionMethod.SOLE_DECIDER && votes.containsKey(lead)) {
            decidedBy = lead;
            reasoning = votes.get(lead).comment();
        }
        apply(closed(counted.outcome(), counted.tally(), reason, decidedBy, reasoning));
    }

    /** R8: the lead decides ties of the core maintainers, unless the lead is recused from the ballot. */
    private boolean tiesGoToLead() {
        boolean coreBody = request.body() == BallotBody.CORE_MAINTAINERS
                || request.body() == BallotBody.CORE_AND_AFFECTED_MODULES;
        return coreBody && lead != null && !recused.containsKey(lead);
    }

    private BallotClosed closed(BallotOutcome outcome, Tally tally, CloseReason reason, String decidedBy,
                                String reasoning) {
        return new BallotClosed(ballotId, request.requestId(), request.subjectKind(), request.subjectId(),
                request.method(), outcome, tally, reason, decidedBy, reasoning, rulesVersion);
    }

    private Counted count() {
        return Tallies.count(rule, electorate.size(), recused.size(), countedVotes(), seed);
    }

    private List<CountedVote> countedVotes() {
        List<CountedVote> counted = new ArrayList<>(votes.size());
        votes.values().forEach(v -> counted.add(new CountedVote(v.choice(), v.ranking())));
        return counted;
    }

    private void requireOpen(Instant at) {
        switch (status) {
            case AWAITING_LEAD -> throw new GovernanceException.Conflict("ballot-referred-to-lead", "R8",
                    "Ballot " + ballotId + " is tied and waits for the lead's decision; voting is over.");
            case CLOSED -> throw new GovernanceException.Conflict("ballot-closed",
                    "Ballot " + ballotId + " is closed.");
            case CANCELLED -> throw new GovernanceException.Conflict("ballot-cancelled",
                    "Ballot " + ballotId + " was cancelled.");
            case OPEN -> {
                if (at != null && !at.isBefore(request.deadline())) {
                    throw new GovernanceException.Conflict("voting-ended", "Voting on ballot " + ballotId
                            + " ended at " + request.deadline() + "; it is being closed.");
                }
            }
        }
    }

    private void requireMember(String person, String what) {
        Recusal recusal = recused.get(person);
        if (recusal != null) {
            throw new GovernanceException.NotAllowed("recused", "R10", person + " is recused from ballot " + ballotId
                    + " (" + recusal.reason() + ") and may not " + what + ".");
        }
        if (!electorate.contains(person)) {
            throw new GovernanceException.NotAllowed("not-in-electorate", null, person
                    + " is not in the electorate of ballot " + ballotId + ", frozen when it opened.");
        }
    }

    private VoteCast vote(String voter, CastVote command) {
        String comment = Text.blankToNull(command.comment());
        if (rule.ranked()) {
            List<String> ranking = command.ranking() == null ? List.of() : command.ranking();
            if (command.choice() != null && command.choice() != Choice.ABSTAIN) {
                throw new GovernanceException.BadInput("invalid-vote",
                        "A ranked-choice ballot is answered with a ranking of its options, not " + command.choice() + ".");
            }
            Set<String> seen = new HashSet<>();
            for (String option : ranking) {
                if (!rule.options().contains(option)) {
                    throw new GovernanceException.BadInput("invalid-vote", "'" + option
                            + "' is not an option of ballot " + ballotId + "; the options are " + rule.options() + ".");
                }
                if (!seen.add(option)) {
                    throw new GovernanceException.BadInput("invalid-vote", "'" + option + "' is ranked twice.");
                }
            }
            return new VoteCast(ballotId, voter, ranking.isEmpty() ? Choice.ABSTAIN : null, List.copyOf(ranking),
                    comment, everVoted.contains(voter));
        }
        if (command.choice() == null) {
            throw new GovernanceException.BadInput("invalid-vote", "A vote on this ballot is YES, NO or ABSTAIN.");
        }
        if (command.ranking() != null && !command.ranking().isEmpty()) {
            throw new GovernanceException.BadInput("invalid-vote", "Only a ranked-choice ballot takes a ranking.");
        }
        if (rule.method() == DecisionMethod.SOLE_DECIDER) {
            if (command.choice() == Choice.ABSTAIN) {
                throw new GovernanceException.RuleViolation("lead-decides", "R8",
                        "The lead deciding alone decides YES or NO.");
            }
            if (comment == null) {
                throw new GovernanceException.RuleViolation("reasoning-required", "R8",
                        "The lead deciding alone gives public reasoning as the comment.");
            }
        }
        return new VoteCast(ballotId, voter, command.choice(), List.of(), comment, everVoted.contains(voter));
    }

    private static String person(String personId) {
        String id = PersonIds.canonical(personId);
        if (id == null) {
            throw new GovernanceException.BadInput("invalid-person", "A person id is required.");
        }
        return id;
    }

    @EventSourcingHandler
    void on(BallotOpened event) {
        ballotId = event.ballotId();
        request = event.request();
        rule = CountingRule.of(event.request());
        electorate.addAll(event.electorate());
        event.recusals().forEach(r -> recused.put(r.personId(), r));
        lead = event.lead();
        seed = event.seed();
        rulesVersion = event.rulesVersion();
        status = BallotStatus.OPEN;
    }

    @EventSourcingHandler
    void on(VoteCast event) {
        votes.put(event.voterId(), event);
        everVoted.add(event.voterId());
    }

    @EventSourcingHandler
    void on(MemberRecused event) {
        electorate.remove(event.personId());
        votes.remove(event.personId());
        recused.put(event.personId(), new Recusal(event.personId(), event.reason(), event.detail()));
    }

    @EventSourcingHandler
    void on(BallotReferredToLead event) {
        status = BallotStatus.AWAITING_LEAD;
        referredTally = event.tally();
    }

    @EventSourcingHandler
    void on(BallotClosed event) {
        status = BallotStatus.CLOSED;
    }

    @EventSourcingHandler
    void on(BallotCancelled event) {
        status = BallotStatus.CANCELLED;
    }

    @EventSourcingHandler
    void on(BallotVetoed event) {
        vetoId = event.vetoId();
    }
}
