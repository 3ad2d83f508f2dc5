package dev.charter.registry.web;

import dev.charter.platform.projection.ReadModel;
import dev.charter.registry.roster.RosterProjection;
import dev.charter.api.registry.PersonsApi;
import dev.charter.api.registry.model.AffiliationChange;
import dev.charter.api.registry.model.Conflict;
import dev.charter.api.registry.model.ConflictDeclaration;
import dev.charter.api.registry.model.ConflictWithdrawal;
import dev.charter.api.registry.model.Person;
import dev.charter.api.registry.model.PersonPage;
import dev.charter.api.registry.model.PersonRegistration;
import dev.charter.api.registry.model.PersonSummary;
import dev.charter.api.registry.model.Reinstatement;
import dev.charter.api.registry.model.ReinstatementRequest;
import dev.charter.api.registry.model.WithdrawalRequest;
import dev.charter.api.registry.model.Tenure;
import dev.charter.contracts.registry.ConflictKind;
import dev.charter.contracts.registry.RegistryEvent.AffiliationChanged;
import dev.charter.contracts.registry.RegistryEvent.ConflictOfInterestDeclared;
import dev.charter.contracts.registry.RegistryEvent.PersonRegistered;
import dev.charter.platform.roster.ModuleIds;
import dev.charter.platform.security.Actors;
import dev.charter.platform.security.PersonIds;
import dev.charter.platform.web.Cursors;
import dev.charter.platform.web.GovernanceException;
import dev.charter.registry.RegistryProperties;
import dev.charter.registry.core.CoreCommands.RequestCoreReinstatement;
import dev.charter.registry.core.CoreCommands.WithdrawCoreReinstatement;
import dev.charter.registry.lifecycle.LifecycleDirectory;
import dev.charter.registry.module.ModuleCommands.RequestReinstatement;
import dev.charter.registry.module.ModuleCommands.WithdrawReinstatement;
import dev.charter.registry.person.PersonCommands.ChangeAffiliation;
import dev.charter.registry.person.PersonCommands.DeclareConflict;
import dev.charter.registry.person.PersonCommands.RegisterPerson;
import dev.charter.registry.person.PersonCommands.WithdrawConflict;
import dev.charter.registry.person.PersonDirectory;
import dev.charter.registry.roster.RosterQueries;
import dev.charter.registry.roster.RosterViews;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

@RestController
@ReadModel(RosterProjection.PROCESSING_GROUP)
public class PersonsController implements PersonsApi {

    private final CommandGateway commands;
    private final PersonDirectory directory;
    private final RosterQueries roster;
    private final LifecycleDirectory lifecycle;
    private final RegistryProperties properties;
    private final Clock clock;

    public PersonsController(CommandGateway commands, PersonDirectory directory, RosterQueries roster,
                             LifecycleDirectory lifecycle, RegistryProperties properties, Clock clock) {
        this.commands = commands;
        this.directory = directory;
        this.roster = roster;
        this.lifecycle = lifecycle;
        this.properties = properties;
        this.clock = clock;
    }

    @Override
    public ResponseEntity<PersonPage> listPersons(String after, Integer limit) {
        int size = Cursors.limit(limit);
        List<RosterViews.PersonSummaryView> rows = roster.persons(Cursors.decode(after), size + 1);
        PersonPage page = new PersonPage(rows.stream().limit(size).map(RegistryMapping::summary).toList());
        page.next(Cursors.next(rows, size, row -> row.personId()));
        return ResponseEntity.ok(page);
    }

    @Override
    public ResponseEntity<PersonSummary> registerPerson(PersonRegistration registration, String idempotencyKey) {
        PersonRegistered registered = commands.sendAndWait(new RegisterPerson(
                PersonIds.normalize(registration.getId()), registration.getDisplayName(),
                registration.getAffiliation(), Actors.require()));
        return ResponseEntity.status(HttpStatus.CREATED).body(new PersonSummary(registered.personId(),
                registered.displayName()).affiliation(registered.affiliation()));
    }

    @Override
    public ResponseEntity<Person> getPerson(String personId, OffsetDateTime asOf) {
        Instant at = AsOf.resolve(asOf, clock);
        return ResponseEntity.ok(roster.person(existing(personId), at).map(view -> RegistryMapping.person(view, at))
                .orElseThrow(() -> notFound(personId)));
    }

    @Override
    public ResponseEntity<List<Reinstatement>> listReinstatements(String personId) {
        return ResponseEntity.ok(lifecycle.reinstatements(registered(personId)).stream()
                .map(RegistryMapping::reinstatement).toList());
    }

    /** R14: the emeritus person asks; the module's group (or, for a core emeritus, the lead) decides by ballot. */
    @Override
    public ResponseEntity<Reinstatement> requestReinstatement(String personId, ReinstatementRequest request,
                                                              String idempotencyKey) {
        String id = registered(personId);
        String actor = Actors.require();
        String reinstatementId = UUID.randomUUID().toString();
        Instant deadline = clock.instant().plus(properties.ballotDuration());
        String moduleId = ModuleIds.canonical(request.getModuleId());
        if (moduleId == null) {
            commands.sendAndWait(new RequestCoreReinstatement(reinstatementId, id, actor, request.getStatement(),
                    deadline));
        } else {
            if (!roster.moduleExists(moduleId)) {
                throw new GovernanceException.NotFound("no-such-module", "No module '" + request.getModuleId() + "'.");
            }
            commands.sendAndWait(new RequestReinstatement(moduleId, reinstatementId, id, actor,
                    request.getStatement(), deadline));
        }
        return ResponseEntity.status(HttpStatus.CREATED).body(lifecycle.reinstatement(id, reinstatementId)
                .map(RegistryMapping::reinstatement).orElseThrow());
    }

    @Override
    public ResponseEntity<Void> withdrawReinstatement(String personId, String reinstatementId,
                                                      WithdrawalRequest request, String idempotencyKey) {
        String id = registered(personId);
        LifecycleDirectory.ReinstatementView view = lifecycle.reinstatement(id, reinstatementId).orElseThrow(() ->
                new GovernanceException.NotFound("no-such-reinstatement", "No request '" + reinstatementId
                        + "' of " + id + "."));
        String actor = Actors.require();
        commands.sendAndWait(view.moduleId() == null
                ? new WithdrawCoreReinstatement(reinstatementId, actor, request.getReason())
                : new WithdrawReinstatement(view.moduleId(), reinstatementId, actor, request.getReason()));
        return ResponseEntity.noContent().build();
    }

    @Override
    public ResponseEntity<PersonSummary> changeAffiliation(String personId, AffiliationChange change,
                                                           String idempotencyKey) {
        String id = registered(personId);
        AffiliationChanged changed = commands.sendAndWait(new ChangeAffiliation(id, change.getAffiliation(),
                Actors.require()));
        return ResponseEntity.ok(new PersonSummary(id, directory.displayName(id).orElse(id))
                .affiliation(changed.affiliation()));
    }

    @Override
    public ResponseEntity<Conflict> declareConflict(String personId, ConflictDeclaration declaration,
                                                    String idempotencyKey) {
        ConflictOfInterestDeclared declared = commands.sendAndWait(new DeclareConflict(registered(personId),
                UUID.randomUUID().toString(), PersonIds.normalize(declaration.getOtherPersonId()),
                ConflictKind.valueOf(declaration.getKind().getValue()), declaration.getDescription(),
                Actors.require()));
        return ResponseEntity.status(HttpStatus.CREATED).body(RegistryMapping.conflict(new RosterViews.ConflictView(
                declared.conflictId(), declared.personId(), declared.otherPersonId(), declared.kind(),
                declared.description(), clock.instant())));
    }

    @Override
    public ResponseEntity<Void> withdrawConflict(String personId, String conflictId, ConflictWithdrawal withdrawal,
                                                 String idempotencyKey) {
        commands.sendAndWait(new WithdrawConflict(registered(personId), conflictId, withdrawal.getReason(),
                Actors.require()));
        return ResponseEntity.noContent().build();
    }

    @Override
    public ResponseEntity<Tenure> getTenure(String personId) {
        String id = existing(personId);
        if (!roster.personExists(id)) {
            throw notFound(personId);
        }
        return ResponseEntity.ok(new Tenure(id, roster.seats(id).stream().map(RegistryMapping::tenure).toList()));
    }

    private String registered(String personId) {
        String id = existing(personId);
        if (!directory.isRegistered(id)) {
            throw notFound(personId);
        }
        return id;
    }

    private static String existing(String personId) {
        try {
            return PersonIds.normalize(personId);
        } catch (GovernanceException.BadInput e) {
            throw notFound(personId);
        }
    }

    private static GovernanceException notFound(String personId) {
        return new GovernanceException.NotFound("no-such-person", "No person '" + personId + "' is registered.");
    }

}
