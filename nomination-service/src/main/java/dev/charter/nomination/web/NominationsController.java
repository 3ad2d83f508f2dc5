package dev.charter.nomination.web;

import dev.charter.platform.projection.ReadModel;
import dev.charter.nomination.seat.NominationProjection;
import dev.charter.api.nominations.NominationsApi;
import dev.charter.api.nominations.model.BallotStatus;
import dev.charter.api.nominations.model.ContributionsInput;
import dev.charter.api.nominations.model.Decision;
import dev.charter.api.nominations.model.DecisionRequest;
import dev.charter.api.nominations.model.Evidence;
import dev.charter.api.nominations.model.EvidenceRequest;
import dev.charter.api.nominations.model.GroundsInput;
import dev.charter.api.nominations.model.Letter;
import dev.charter.api.nominations.model.LetterRequest;
import dev.charter.api.nominations.model.Nomination;
import dev.charter.api.nominations.model.NominationKind;
import dev.charter.api.nominations.model.NominationPage;
import dev.charter.api.nominations.model.NominationRequest;
import dev.charter.api.nominations.model.NominationStatus;
import dev.charter.api.nominations.model.NominationSummary;
import dev.charter.api.nominations.model.Testimonial;
import dev.charter.api.nominations.model.TestimonialRequest;
import dev.charter.api.nominations.model.WithdrawalRequest;
import dev.charter.contracts.nominations.Contributions;
import dev.charter.contracts.nominations.EvidenceCategory;
import dev.charter.contracts.nominations.NominationEvent.EvidenceAdded;
import dev.charter.contracts.nominations.NominationEvent.LetterOfSupportAdded;
import dev.charter.contracts.nominations.NominationEvent.TestimonialAdded;
import dev.charter.contracts.nominations.RemovalGrounds;
import dev.charter.contracts.nominations.TestimonialStance;
import dev.charter.contracts.registry.Role;
import dev.charter.nomination.copy.BallotCopy;
import dev.charter.nomination.seat.NominationCommands.AddEvidence;
import dev.charter.nomination.seat.NominationCommands.AddLetterOfSupport;
import dev.charter.nomination.seat.NominationCommands.AddTestimonial;
import dev.charter.nomination.seat.NominationCommands.PublishDecision;
import dev.charter.nomination.seat.NominationCommands.SubmitNomination;
import dev.charter.nomination.seat.NominationCommands.Submitted;
import dev.charter.nomination.seat.NominationCommands.WithdrawNomination;
import dev.charter.nomination.seat.NominationQueries;
import dev.charter.nomination.seat.NominationViews.DecisionView;
import dev.charter.nomination.seat.NominationViews.NominationFilter;
import dev.charter.nomination.seat.NominationViews.NominationView;
import dev.charter.nomination.seat.RosterFacts;
import dev.charter.nomination.seat.Verdict;
import dev.charter.platform.config.CharterProperties;
import dev.charter.platform.roster.ModuleIds;
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
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Nominations: submission, dossier, withdrawal, the decision's reasoning, and reads. */
@RestController
@ReadModel(NominationProjection.PROCESSING_GROUP)
public class NominationsController implements NominationsApi {

    private static final Logger log = LoggerFactory.getLogger(NominationsController.class);

    private final CommandGateway commands;
    private final NominationQueries nominations;
    private final BallotCopy ballots;
    private final RosterReader roster;
    private final String rulesVersion;
    private final Clock clock;

    public NominationsController(CommandGateway commands, NominationQueries nominations, BallotCopy ballots,
                                 RosterReader roster, CharterProperties properties, Clock clock) {
        this.commands = commands;
        this.nominations = nominations;
        this.ballots = ballots;
        this.roster = roster;
        this.rulesVersion = properties.getRulesVersion();
        this.clock = clock;
    }

    @Override
    public ResponseEntity<NominationPage> listNominations(Boolean open, NominationStatus status, NominationKind kind,
                                                          String moduleId, String personId, String cycleId,
                                                          String after, Integer limit) {
        int size = Cursors.limit(limit);
        NominationFilter filter = new NominationFilter(open,
                status == null ? null : dev.charter.nomination.seat.Nomination.Status.valueOf(status.getValue()),
                kind == null ? null : dev.charter.contracts.nominations.NominationKind.valueOf(kind.getValue()),
                ModuleIds.canonical(moduleId), PersonIds.canonical(personId), Text.blankToNull(cycleId));
        List<NominationView> rows = nominations.list(filter, Cursors.decodePosition(after), size + 1);
        NominationPage page = new NominationPage(rows.stream().limit(size).map(NominationMapping::summary).toList());
        page.next(Cursors.next(rows, size, row -> row.seq()));
        return ResponseEntity.ok(page);
    }

    @Override
    public ResponseEntity<NominationSummary> submitNomination(NominationRequest request, String idempotencyKey) {
        String actor = Actors.require();
        var kind = dev.charter.contracts.nominations.NominationKind.valueOf(request.getKind().getValue());
        Role role = request.getRole() == null ? null : Role.valueOf(request.getRole().getValue());
        String personId = Text.blankToNull(request.getPersonId()) == null ? null
                : PersonIds.normalize(request.getPersonId());
        String moduleId = ModuleIds.canonical(request.getModuleId());
        String nominationId = UUID.randomUUID().toString();
        Instant now = clock.instant();
        Submitted submitted = commands.sendAndWait(new SubmitNomination(nominationId, kind, personId, role, moduleId,
                request.getStatement(), contributions(request.getContributions()), grounds(request.getGrounds()), now,
                RosterFacts.read(roster, actor, personId, moduleId)));
        log.info("{} nominated {} ({}{}): nomination {}", actor, submitted.submitted().personId(), kind,
                moduleId == null ? "" : " of " + moduleId, nominationId);
        return ResponseEntity.status(HttpStatus.CREATED).body(NominationMapping.submitted(submitted, now));
    }

    @Override
    public ResponseEntity<Nomination> getNomination(String nominationId) {
        NominationView view = nominations.find(nominationId).orElseThrow(() -> notFound(nominationId));
        BallotStatus ballot = view.ballotId() == null ? null : NominationMapping.ballot(view.ballotId(),
                view.ballotRequestId(), ballots.find(view.ballotId()).orElse(null));
        return ResponseEntity.ok(NominationMapping.detail(view, nominations.dossier(nominationId), ballot));
    }

    @Override
    public ResponseEntity<Testimonial> addTestimonial(String nominationId, TestimonialRequest request,
                                                      String idempotencyKey) {
        TestimonialAdded added = commands.sendAndWait(new AddTestimonial(nominationId, UUID.randomUUID().toString(),
                roster.standing(Actors.require()), TestimonialStance.valueOf(request.getStance().getValue()),
                request.getText()));
        return ResponseEntity.status(HttpStatus.CREATED).body(NominationMapping.testimonial(added, clock.instant()));
    }

    @Override
    public ResponseEntity<Letter> addLetterOfSupport(String nominationId, LetterRequest request,
                                                     String idempotencyKey) {
        LetterOfSupportAdded added = commands.sendAndWait(new AddLetterOfSupport(nominationId,
                UUID.randomUUID().toString(), roster.standing(Actors.require()), request.getText()));
        return ResponseEntity.status(HttpStatus.CREATED).body(NominationMapping.letter(added, clock.instant()));
    }

    @Override
    public ResponseEntity<Evidence> addEvidence(String nominationId, EvidenceRequest request, String idempotencyKey) {
        EvidenceAdded added = commands.sendAndWait(new AddEvidence(nominationId, UUID.randomUUID().toString(),
                roster.standing(Actors.require()), EvidenceCategory.valueOf(request.getCategory().getValue()),
                request.getSummary(), request.getLinks()));
        return ResponseEntity.status(HttpStatus.CREATED).body(NominationMapping.evidence(added, clock.instant()));
    }

    @Override
    public ResponseEntity<Void> withdrawNomination(String nominationId, WithdrawalRequest request,
                                                   String idempotencyKey) {
        String actor = Actors.require();
        commands.sendAndWait(new WithdrawNomination(nominationId, actor, request.getReason()));
        log.info("{} withdrew nomination {}", actor, nominationId);
        return ResponseEntity.noContent().build();
    }

    @Override
    public ResponseEntity<Decision> publishDecision(String nominationId, DecisionRequest request,
                                                    String idempotencyKey) {
        String actor = Actors.require();
        DecisionView decision = commands.sendAndWait(new PublishDecision(nominationId, actor,
                Verdict.valueOf(request.getOutcome().getValue()), request.getReasoning(), rulesVersion,
                clock.instant()));
        log.info("{} published the decision on nomination {}: {}", actor, nominationId, decision.outcome());
        return ResponseEntity.ok(NominationMapping.decision(decision));
    }

    private static Contributions contributions(ContributionsInput input) {
        return input == null ? null : new Contributions(input.getSummary(), input.getLinks());
    }

    private static RemovalGrounds grounds(GroundsInput input) {
        return input == null ? null : new RemovalGrounds(input.getActivity(), input.getChangedDirection(),
                input.getUnfitness(), input.getConflictsOfInterest());
    }

    private static GovernanceException notFound(String nominationId) {
        return new GovernanceException.NotFound("no-such-nomination", "No nomination '" + nominationId + "'.");
    }
}
