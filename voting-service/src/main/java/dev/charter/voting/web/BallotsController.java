package dev.charter.voting.web;

import dev.charter.platform.projection.ReadModel;
import dev.charter.voting.ballot.BallotProjection;
import dev.charter.api.voting.BallotsApi;
import dev.charter.api.voting.model.Ballot;
import dev.charter.api.voting.model.BallotBody;
import dev.charter.api.voting.model.BallotOutcome;
import dev.charter.api.voting.model.BallotPage;
import dev.charter.api.voting.model.BallotStatus;
import dev.charter.api.voting.model.LeadDecision;
import dev.charter.api.voting.model.LeadDecisionRequest;
import dev.charter.api.voting.model.MotionRequest;
import dev.charter.api.voting.model.Recusal;
import dev.charter.api.voting.model.RecusalRequest;
import dev.charter.api.voting.model.Vote;
import dev.charter.api.voting.model.VoteRequest;
import dev.charter.contracts.voting.Choice;
import dev.charter.contracts.voting.VotingEvent.BallotClosed;
import dev.charter.contracts.voting.VotingEvent.MemberRecused;
import dev.charter.contracts.voting.VotingEvent.VoteCast;
import dev.charter.platform.roster.ModuleIds;
import dev.charter.platform.security.Actors;
import dev.charter.platform.web.Cursors;
import dev.charter.platform.web.GovernanceException;
import dev.charter.platform.web.Text;
import dev.charter.voting.ballot.BallotCommands.CastVote;
import dev.charter.voting.ballot.BallotCommands.DecideAsLead;
import dev.charter.voting.ballot.BallotCommands.Opened;
import dev.charter.voting.ballot.BallotCommands.RecuseSelf;
import dev.charter.voting.ballot.BallotOpener;
import dev.charter.voting.ballot.BallotQueries;
import dev.charter.voting.ballot.BallotViews.BallotFilter;
import dev.charter.voting.ballot.BallotViews.BallotSummaryView;
import dev.charter.voting.ballot.Motions;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

@RestController
@ReadModel(BallotProjection.PROCESSING_GROUP)
public class BallotsController implements BallotsApi {

    private final CommandGateway commands;
    private final BallotQueries ballots;
    private final BallotOpener opener;
    private final Motions motions;
    private final Clock clock;

    public BallotsController(CommandGateway commands, BallotQueries ballots, BallotOpener opener, Motions motions,
                             Clock clock) {
        this.commands = commands;
        this.ballots = ballots;
        this.opener = opener;
        this.motions = motions;
        this.clock = clock;
    }

    @Override
    public ResponseEntity<BallotPage> listBallots(BallotStatus status, String subjectKind, String subjectId,
                                                  BallotBody body, String moduleId, String after, Integer limit) {
        int size = Cursors.limit(limit);
        BallotFilter filter = new BallotFilter(
                status == null ? null : dev.charter.voting.ballot.BallotStatus.valueOf(status.getValue()),
                Text.blankToNull(subjectKind), Text.blankToNull(subjectId),
                body == null ? null : dev.charter.contracts.voting.BallotBody.valueOf(body.getValue()),
                ModuleIds.canonical(moduleId));
        List<BallotSummaryView> rows = ballots.list(filter, Cursors.decodePosition(after), size + 1);
        BallotPage page = new BallotPage(rows.stream().limit(size).map(VotingMapping::summary).toList());
        page.next(Cursors.next(rows, size, BallotSummaryView::position));
        return ResponseEntity.ok(page);
    }

    /** A member of a body puts a motion to it. */
    @Override
    public ResponseEntity<Ballot> openMotion(MotionRequest motion, String idempotencyKey) {
        String actor = Actors.require();
        var request = motions.request(actor, new Motions.Motion(motion.getQuestion(),
                dev.charter.contracts.voting.BallotBody.valueOf(motion.getBody().getValue()), motion.getModuleId(),
                VotingMapping.rule(motion.getRule()),
                VotingMapping.list(motion.getOptions()), motion.getDeadline().toInstant(),
                VotingMapping.list(motion.getPersonsConcerned()), motion.getSubjectId()));
        Opened opened = opener.open(request);
        Ballot ballot = VotingMapping.ballot(BallotQueries.opened(opened.opened(), opened.status(), clock.instant()));
        return ResponseEntity.created(URI.create("/api/v1/ballots/" + ballot.getId())).body(ballot);
    }

    @Override
    public ResponseEntity<Ballot> getBallot(String ballotId) {
        return ResponseEntity.ok(ballots.ballot(ballotId).map(VotingMapping::ballot)
                .orElseThrow(() -> noSuchBallot(ballotId)));
    }

    /** One public vote per member, changeable until the ballot closes. */
    @Override
    public ResponseEntity<Vote> castVote(String ballotId, String voterId, VoteRequest vote, String idempotencyKey) {
        Instant at = clock.instant();
        VoteCast cast = send(ballotId, new CastVote(ballotId, voterId, VotingMapping.choice(vote.getChoice()),
                vote.getRanking(), vote.getComment(), Actors.require(), at));
        return ResponseEntity.ok(VotingMapping.vote(cast, at));
    }

    /** A member recuses themselves, with a reason. */
    @Override
    public ResponseEntity<Recusal> recuse(String ballotId, RecusalRequest recusal, String idempotencyKey) {
        MemberRecused recused = send(ballotId, new RecuseSelf(ballotId, Actors.require(), recusal.getReason(),
                clock.instant()));
        return ResponseEntity.status(HttpStatus.CREATED).body(VotingMapping.recusal(
                new dev.charter.contracts.voting.Recusal(recused.personId(), recused.reason(), recused.detail())));
    }

    /** The lead decides a tied core-maintainer ballot. */
    @Override
    public ResponseEntity<LeadDecision> decideAsLead(String ballotId, LeadDecisionRequest decision,
                                                     String idempotencyKey) {
        BallotClosed closed = send(ballotId, new DecideAsLead(ballotId, Actors.require(),
                Choice.valueOf(decision.getChoice().getValue()), decision.getReasoning()));
        return ResponseEntity.ok(new LeadDecision(closed.ballotId(), closed.decidedBy(),
                BallotOutcome.fromValue(closed.outcome().name()), closed.reasoning()));
    }

    private <R> R send(String ballotId, Object command) {
        try {
            return commands.sendAndWait(command);
        } catch (AggregateNotFoundException e) {
            throw noSuchBallot(ballotId);
        }
    }


    private static GovernanceException noSuchBallot(String ballotId) {
        return new GovernanceException.NotFound("no-such-ballot", "No ballot '" + ballotId + "'.");
    }

}
