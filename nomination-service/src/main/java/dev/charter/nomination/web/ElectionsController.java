package dev.charter.nomination.web;

import dev.charter.platform.projection.ReadModel;
import dev.charter.nomination.election.ElectionProjection;
import dev.charter.api.nominations.ElectionsApi;
import dev.charter.api.nominations.model.BallotStatus;
import dev.charter.api.nominations.model.CandidacyRequest;
import dev.charter.api.nominations.model.Candidate;
import dev.charter.api.nominations.model.Election;
import dev.charter.api.nominations.model.ElectionPage;
import dev.charter.nomination.ballot.BallotCopy;
import dev.charter.nomination.election.Election.CandidateStatus;
import dev.charter.nomination.election.ElectionCommands.AcceptCandidacy;
import dev.charter.nomination.election.ElectionCommands.DeclareCandidacy;
import dev.charter.nomination.election.ElectionCommands.DeclineCandidacy;
import dev.charter.nomination.election.ElectionQueries;
import dev.charter.nomination.election.ElectionViews.CandidateView;
import dev.charter.nomination.election.ElectionViews.ElectionView;
import dev.charter.nomination.roster.PersonStanding;
import dev.charter.nomination.roster.Roster;
import dev.charter.platform.security.Actors;
import dev.charter.platform.security.PersonIds;
import dev.charter.platform.web.Cursors;
import dev.charter.platform.web.GovernanceException;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;
import java.util.List;

/** Elections of a new lead (R13): candidacies, and reads with every published round. */
@RestController
@ReadModel(ElectionProjection.PROCESSING_GROUP)
public class ElectionsController implements ElectionsApi {

    private static final Logger log = LoggerFactory.getLogger(ElectionsController.class);

    private final CommandGateway commands;
    private final ElectionQueries elections;
    private final BallotCopy ballots;
    private final Roster roster;
    private final Clock clock;

    public ElectionsController(CommandGateway commands, ElectionQueries elections, BallotCopy ballots, Roster roster,
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
        String candidateId = request.getPersonId() == null || request.getPersonId().isBlank() ? actor
                : PersonIds.normalize(request.getPersonId());
        PersonStanding declarant = roster.standing(actor);
        PersonStanding candidate = candidateId.equals(actor) ? declarant : roster.standing(candidateId);
        commands.sendAndWait(new DeclareCandidacy(electionId, declarant, candidate, clock.instant()));
        boolean self = candidateId.equals(actor);
        log.info("Election {}: {} {}", electionId, actor, self ? "stands" : "nominated " + candidateId);
        return ResponseEntity.status(HttpStatus.CREATED).body(NominationMapping.candidate(electionId,
                new CandidateView(candidateId, self ? CandidateStatus.STANDING : CandidateStatus.NOMINATED,
                        self ? null : actor)));
    }

    @Override
    public ResponseEntity<Candidate> acceptCandidacy(String electionId, String personId, String idempotencyKey) {
        PersonStanding person = self(personId, "accept a nomination");
        commands.sendAndWait(new AcceptCandidacy(electionId, person, clock.instant()));
        log.info("Election {}: {} accepted to stand", electionId, person.personId());
        return ResponseEntity.ok(NominationMapping.candidate(electionId,
                new CandidateView(person.personId(), CandidateStatus.STANDING, null)));
    }

    @Override
    public ResponseEntity<Candidate> declineCandidacy(String electionId, String personId, String idempotencyKey) {
        PersonStanding person = self(personId, "decline to stand");
        commands.sendAndWait(new DeclineCandidacy(electionId, person, clock.instant()));
        log.info("Election {}: {} declined to stand", electionId, person.personId());
        return ResponseEntity.ok(NominationMapping.candidate(electionId,
                new CandidateView(person.personId(), CandidateStatus.DECLINED, null)));
    }

    /** Only the person themselves answers for their candidacy. */
    private PersonStanding self(String personId, String what) {
        String actor = Actors.require();
        if (!actor.equalsIgnoreCase(personId == null ? "" : personId.trim())) {
            throw new GovernanceException.NotAllowed("not-the-candidate", "R13",
                    "Only " + personId + " may " + what + " for themselves.");
        }
        return roster.standing(actor);
    }
}
