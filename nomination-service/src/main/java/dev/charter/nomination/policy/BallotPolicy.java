package dev.charter.nomination.policy;

import dev.charter.contracts.voting.Recusal;
import dev.charter.contracts.voting.Tally;
import dev.charter.contracts.voting.TallySummary;
import dev.charter.contracts.voting.VotingEvent.BallotClosed;
import dev.charter.contracts.voting.VotingEvent.BallotOpened;
import dev.charter.nomination.election.Election;
import dev.charter.nomination.election.ElectionCommands.RecordElectionBallotClosed;
import dev.charter.nomination.proposal.ModuleProposal;
import dev.charter.nomination.proposal.ModuleProposalCommands.RecordProposalBallotClosed;
import dev.charter.nomination.proposal.ModuleProposalCommands.RecordProposalBallotOpened;
import dev.charter.nomination.seat.Nomination;
import dev.charter.nomination.seat.NominationCommands.RecordReviewBallotClosed;
import dev.charter.nomination.seat.NominationCommands.RecordReviewBallotOpened;
import dev.charter.platform.config.CharterProperties;
import dev.charter.platform.consume.InboundEventHandler;
import dev.charter.platform.roster.RosterReader;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * The ballots this service requested, as voting-service holds them: an opened review ballot fixes who may publish
 * the decision's reasoning; a closed one moves the nomination or module proposal (R15) to awaiting reasoning, or
 * elects the lead (R13) if the winner is still a core maintainer (R1).
 * Ballots of other services are none of its business. Idempotent: the platform skips a re-delivered event id,
 * and each aggregate ignores a ballot it has already recorded or that is not its current one.
 */
@Component
public class BallotPolicy {

    private static final Logger log = LoggerFactory.getLogger(BallotPolicy.class);

    private final CommandGateway commands;
    private final RosterReader roster;
    private final String rulesVersion;
    private final Clock clock;

    public BallotPolicy(CommandGateway commands, RosterReader roster, CharterProperties properties, Clock clock) {
        this.commands = commands;
        this.roster = roster;
        this.rulesVersion = properties.getRulesVersion();
        this.clock = clock;
    }

    @InboundEventHandler
    public void on(BallotOpened event) {
        commandFor(event).ifPresent(this::send);
    }

    @InboundEventHandler
    public void on(BallotClosed event) {
        commandFor(event, winner -> roster.standing(winner).coreMaintainer(), rulesVersion, clock.instant())
                .ifPresent(this::send);
    }

    /**
     * The command an opened ballot leads to: only the review ballots of nominations and of module proposals (R15)
     * need their electorate.
     */
    static Optional<Object> commandFor(BallotOpened event) {
        String subjectKind = event.request().subjectKind();
        String subjectId = event.request().subjectId();
        String requestId = event.request().requestId();
        List<String> electorate = event.electorate() == null ? List.of() : event.electorate();
        List<Recusal> recusals = event.recusals() == null ? List.of() : event.recusals();
        if (Nomination.SUBJECT_KIND.equals(subjectKind)) {
            return Optional.of(new RecordReviewBallotOpened(subjectId, event.ballotId(), requestId, electorate,
                    recusals));
        }
        if (ModuleProposal.SUBJECT_KIND.equals(subjectKind)) {
            return Optional.of(new RecordProposalBallotOpened(subjectId, event.ballotId(), requestId, electorate,
                    recusals));
        }
        return Optional.empty();
    }

    /** The command a closed ballot leads to, if it is one of this service's. */
    static Optional<Object> commandFor(BallotClosed event, Predicate<String> coreMaintainer, String rulesVersion,
                                       Instant at) {
        if (Nomination.SUBJECT_KIND.equals(event.subjectKind())) {
            return Optional.of(new RecordReviewBallotClosed(event.subjectId(), event.ballotId(), event.requestId(),
                    summary(event), event.closeReason(), event.decidedBy()));
        }
        if (ModuleProposal.SUBJECT_KIND.equals(event.subjectKind())) {
            return Optional.of(new RecordProposalBallotClosed(event.subjectId(), event.ballotId(), event.requestId(),
                    summary(event), event.closeReason(), event.decidedBy()));
        }
        if (Election.SUBJECT_KIND.equals(event.subjectKind())) {
            String winner = event.tally() == null ? null : event.tally().winner();
            return Optional.of(new RecordElectionBallotClosed(event.subjectId(), event.ballotId(), event.requestId(),
                    event.outcome(), winner, winner != null && coreMaintainer.test(winner), rulesVersion, at));
        }
        return Optional.empty();
    }

    /** The short account of a tally that decision events carry. */
    static TallySummary summary(BallotClosed event) {
        Tally tally = event.tally();
        if (tally == null) {
            return new TallySummary(0, 0, 0, 0, 0, event.outcome());
        }
        return new TallySummary(tally.electorate(), tally.recused(), tally.yes(), tally.no(), tally.abstain(),
                event.outcome());
    }

    private void send(Object command) {
        log.info("Ballot result: {}", command.getClass().getSimpleName());
        commands.sendAndWait(command);
    }
}
