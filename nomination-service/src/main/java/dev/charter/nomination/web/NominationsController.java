package dev.charter.nomination.web;

import dev.charter.platform.projection.ReadModel;
import dev.charter.nomination.nomination.NominationProjection;
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
import dev.charter.contracts.nominations.RemovalGrounds;
import dev.charter.contracts.nominations.TestimonialStance;
import dev.charter.contracts.registry.Role;
import dev.charter.nomination.NominationSettings;
import dev.charter.nomination.ballot.BallotCopy;
import dev.charter.nomination.nomination.Eligibility;
import dev.charter.nomination.nomination.NominationCommands.AddEvidence;
import dev.charter.nomination.nomination.NominationCommands.AddLetterOfSupport;
import dev.charter.nomination.nomination.NominationCommands.AddTestimonial;
import dev.charter.nomination.nomination.NominationCommands.PublishDecision;
import dev.charter.nomination.nomination.NominationCommands.SubmitNomination;
import dev.charter.nomination.nomination.NominationCommands.WithdrawNomination;
import dev.charter.nomination.nomination.NominationQueries;
import dev.charter.nomination.nomination.NominationViews.DecisionView;
import dev.charter.nomination.nomination.NominationViews.DossierEntryView;
import dev.charter.nomination.nomination.NominationViews.EntryType;
import dev.charter.nomination.nomination.NominationViews.NominationFilter;
import dev.charter.nomination.nomination.NominationViews.NominationView;
import dev.charter.nomination.nomination.ReviewPlan;
import dev.charter.nomination.nomination.RosterFacts;
import dev.charter.nomination.nomination.Verdict;
import dev.charter.nomination.roster.ModuleFacts;
import dev.charter.nomination.roster.PersonStanding;
import dev.charter.nomination.roster.Roster;
import dev.charter.platform.config.CharterProperties;
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
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/** Nominations (R9–R13): submission, dossier, withdrawal, the decision's reasoning, and reads. */
@RestController
@ReadModel(NominationProjection.PROCESSING_GROUP)
public class NominationsController implements NominationsApi {

    private static final Logger log = LoggerFactory.getLogger(NominationsController.class);

    private final CommandGateway commands;
    private final NominationQueries nominations;
    private final BallotCopy ballots;
    private final Roster roster;
    private final NominationSettings settings;
    private final String rulesVersion;
    private final Clock clock;

    public NominationsController(CommandGateway commands, NominationQueries nominations, BallotCopy ballots,
                                 Roster roster, NominationSettings settings, CharterProperties properties,
                                 Clock clock) {
        this.commands = commands;
        this.nominations = nominations;
        this.ballots = ballots;
        this.roster = roster;
        this.settings = settings;
        this.rulesVersion = properties.getRulesVersion();
        this.clock = clock;
    }

    @Override
    public ResponseEntity<NominationPage> listNominations(Boolean open, NominationStatus status, NominationKind kind,
                                                          String moduleId, String personId, String cycleId,
                                                          String after, Integer limit) {
        int size = Cursors.limit(limit);
        NominationFilter filter = new NominationFilter(open,
                status == null ? null : dev.charter.nomination.nomination.Nomination.Status.valueOf(status.getValue()),
                kind == null ? null : dev.charter.contracts.nominations.NominationKind.valueOf(kind.getValue()),
                moduleId(moduleId), personId == null ? null : personId.trim().toLowerCase(Locale.ROOT),
                cycleId == null || cycleId.isBlank() ? null : cycleId.trim());
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
        String moduleId = moduleId(request.getModuleId());
        String lead = roster.lead().orElse(null);
        String personId = subject(request, kind, lead);
        ModuleFacts module = moduleId == null ? null : roster.module(moduleId).orElse(null);
        RosterFacts facts = new RosterFacts(roster.standing(actor), roster.standing(personId), lead, module);
        String nominationId = UUID.randomUUID().toString();
        Instant now = clock.instant();
        commands.sendAndWait(new SubmitNomination(nominationId, kind, personId, role, moduleId,
                request.getStatement(), contributions(request.getContributions()), grounds(request.getGrounds()), now,
                facts));
        ReviewPlan plan = ReviewPlan.of(kind, module);
        log.info("{} nominated {} ({}{}): nomination {}", actor, personId, kind,
                moduleId == null ? "" : " of " + moduleId, nominationId);
        return ResponseEntity.status(HttpStatus.CREATED).body(NominationMapping.submitted(nominationId, kind, personId,
                Eligibility.seatOf(kind, role), moduleId, actor, now, plan, settings.cycles().cycleFor(now)));
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
        PersonStanding author = roster.standing(Actors.require());
        String entryId = UUID.randomUUID().toString();
        TestimonialStance stance = TestimonialStance.valueOf(request.getStance().getValue());
        commands.sendAndWait(new AddTestimonial(nominationId, entryId, author, stance, request.getText()));
        return ResponseEntity.status(HttpStatus.CREATED).body(NominationMapping.testimonial(
                entry(entryId, EntryType.TESTIMONIAL, author, stance.name(), request.getText(), List.of())));
    }

    @Override
    public ResponseEntity<Letter> addLetterOfSupport(String nominationId, LetterRequest request,
                                                     String idempotencyKey) {
        PersonStanding author = roster.standing(Actors.require());
        String entryId = UUID.randomUUID().toString();
        commands.sendAndWait(new AddLetterOfSupport(nominationId, entryId, author, request.getText()));
        String kind = author.maintainer() ? "MAINTAINER" : "STAKEHOLDER";
        return ResponseEntity.status(HttpStatus.CREATED).body(NominationMapping.letter(
                entry(entryId, EntryType.LETTER, author, kind, request.getText(), List.of())));
    }

    @Override
    public ResponseEntity<Evidence> addEvidence(String nominationId, EvidenceRequest request, String idempotencyKey) {
        PersonStanding author = roster.standing(Actors.require());
        String entryId = UUID.randomUUID().toString();
        EvidenceCategory category = EvidenceCategory.valueOf(request.getCategory().getValue());
        commands.sendAndWait(new AddEvidence(nominationId, entryId, author, category, request.getSummary(),
                request.getLinks()));
        return ResponseEntity.status(HttpStatus.CREATED).body(NominationMapping.evidence(
                entry(entryId, EntryType.EVIDENCE, author, category.name(), request.getSummary(),
                        Eligibility.links(request.getLinks()))));
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

    /** The nominee or subject: for LEAD_REMOVAL and LEAD_UNAVAILABLE the lead when none is named. */
    private static String subject(NominationRequest request, dev.charter.contracts.nominations.NominationKind kind,
                                  String lead) {
        if (request.getPersonId() != null && !request.getPersonId().isBlank()) {
            return PersonIds.normalize(request.getPersonId());
        }
        return switch (kind) {
            case LEAD_REMOVAL, LEAD_UNAVAILABLE -> {
                if (lead == null) {
                    throw new GovernanceException.Conflict("lead-seat-vacant", Eligibility.ruleOf(kind),
                            "The lead seat is vacant.");
                }
                yield lead;
            }
            default -> throw new GovernanceException.BadInput("person-required",
                    "A " + kind + " nomination names the person (personId).")
                    .withViolations(List.of(dev.charter.platform.web.Problems.violation("personId",
                            "must not be blank")));
        };
    }

    private DossierEntryView entry(String entryId, EntryType type, PersonStanding author, String label, String text,
                                   List<String> links) {
        return new DossierEntryView(entryId, type, author.asAuthor(), label, text == null ? null : text.trim(), links,
                clock.instant());
    }

    private static Contributions contributions(ContributionsInput input) {
        return input == null ? null : new Contributions(input.getSummary(), input.getLinks());
    }

    private static RemovalGrounds grounds(GroundsInput input) {
        return input == null ? null : new RemovalGrounds(input.getActivity(), input.getChangedDirection(),
                input.getUnfitness(), input.getConflictsOfInterest());
    }

    static String moduleId(String moduleId) {
        return moduleId == null || moduleId.isBlank() ? null : moduleId.trim().toLowerCase(Locale.ROOT);
    }

    private static GovernanceException notFound(String nominationId) {
        return new GovernanceException.NotFound("no-such-nomination", "No nomination '" + nominationId + "'.");
    }
}
