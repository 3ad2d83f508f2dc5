package dev.charter.nomination.web;

import dev.charter.platform.projection.ReadModel;
import dev.charter.nomination.election.ElectionProjection;
import dev.charter.api.nominations.ElectionsApi;
import dev.charter.api.nominations.model.BallotStatus;
import dev.charter.api.nominations.model.CandidacyRequest;
import dev.charter.api.nominations.model.Candidate;
import dev.charter.api.nominations.model.Election;
import dev.charter.api.nominations.model.ElectionPage;
import dev.charter.contracts.nominations.NominationEvent.CandidacyAccepted;
import dev.charter.contracts.nominations.NominationEvent.CandidacyDeclined;
import dev.charter.contracts.nominations.NominationEvent;
import dev.charter.nomination.copy.BallotCopy;
import dev.charter.nomination.election.ElectionCommands.AcceptCandidacy;
import dev.charter.nomination.election.ElectionCommands.DeclareCandidacy;
import dev.charter.nomination.election.ElectionCommands.DeclineCandidacy;
import dev.charter.nomination.election.ElectionQueries;
import dev.charter.nomination.election.ElectionViews.ElectionView;
import dev.charter.platform.roster.PersonStanding;
import dev.charter.platform.roster.RosterReader;
import dev.charter.platform.security.Actors;
import dev.charter.platform.security.PersonIds;
import dev.charter.platform.web.Cursors;
import dev.charter.platform.web.GovernanceException;
import dev.charter.platform.web.Text;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;
import java.util.List;

/** Elections of a new lead: candidacies, and reads with every published round. */
@RestController
@ReadModel(ElectionProjection.PROCESSING_GROUP)
public class ElectionsController implements ElectionsApi {

    private static final Logger log = LoggerFactory.getLogger(ElectionsController.class);

    private final CommandGateway commands;
    private final ElectionQueries elections;
    private final BallotCopy ballots;
    private final RosterReader roster;
    private final Clock clock;

    public ElectionsController(CommandGateway commands, ElectionQueries elections, BallotCopy ballots, RosterReader roster,
                               Clock clock) {
        this.commands = commands;
        this.elections = elections;
        this.ballots = ballots;
        this.roster = roster;
        this.clock = clock;
    }

    @Override
    public ResponseEntity<ElectionPage> listElections(Boolean open, String after, Integer limit) {
        int size = Cursors.limit(limit);
        List<ElectionView> rows = elections.list(open, Cursors.decodePosition(after), size + 1);
        ElectionPage page = new ElectionPage(rows.stream().limit(size).map(NominationMapping::electionSummary)
                .toList());
        page.next(Cursors.next(rows, size, row -> row.seq()));
        return ResponseEntity.ok(page);
    }

    @Override
    public ResponseEntity<Election> getElection(String electionId) {
        ElectionView view = elections.find(electionId).orElseThrow(() -> new GovernanceException.NotFound(
                "no-such-election", "No election '" + electionId + "'."));
        List<BallotStatus> ballotStatuses = view.ballotIds().stream()
                .map(ballotId -> NominationMapping.ballot(ballotId, null, ballots.find(ballotId).orElse(null)))
                .toList();
        return ResponseEntity.ok(NominationMapping.election(view, ballotStatuses));
    }

    @Override
    public ResponseEntity<Candidate> declareCandidacy(String electionId, CandidacyRequest request,
                                                      String idempotencyKey) {
        String actor = Actors.require();
        String candidateId = Text.blankToNull(request.getPersonId()) == null ? actor
                : PersonIds.normalize(request.getPersonId());
        PersonStanding declarant = roster.standing(actor);
        PersonStanding candidate = candidateId.equals(actor) ? declarant : roster.standing(candidateId);
        NominationEvent declared = commands.sendAndWait(new DeclareCandidacy(electionId, declarant, candidate,
                clock.instant()));
        log.info("Election {}: {} {}", electionId, actor, candidateId.equals(actor) ? "stands" : "nominated " + candidateId);
        return ResponseEntity.status(HttpStatus.CREATED).body(NominationMapping.candidate(electionId, declared));
    }

    @Override
    public ResponseEntity<Candidate> acceptCandidacy(String electionId, String personId, String idempotencyKey) {
        CandidacyAccepted accepted = commands.sendAndWait(new AcceptCandidacy(electionId, personId,
                roster.standing(Actors.require()), clock.instant()));
        log.info("Election {}: {} accepted to stand", electionId, accepted.personId());
        return ResponseEntity.ok(NominationMapping.candidate(electionId, accepted));
    }

    @Override
    public ResponseEntity<Candidate> declineCandidacy(String electionId, String personId, String idempotencyKey) {
        CandidacyDeclined declined = commands.sendAndWait(new DeclineCandidacy(electionId, personId,
                roster.standing(Actors.require()), clock.instant()));
        log.info("Election {}: {} declined to stand", electionId, declined.personId());
        return ResponseEntity.ok(NominationMapping.candidate(electionId, declined));
    }
}
