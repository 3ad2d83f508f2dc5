package dev.charter.registry.web;

import dev.charter.platform.projection.ReadModel;
import dev.charter.registry.roster.RosterProjection;
import dev.charter.api.registry.ModulesApi;
import dev.charter.api.registry.model.Module;
import dev.charter.api.registry.model.ModulePage;
import dev.charter.api.registry.model.ModuleSettings;
import dev.charter.api.registry.model.Publication;
import dev.charter.api.registry.model.PublicationRequest;
import dev.charter.contracts.registry.NominationProcess;
import dev.charter.contracts.registry.PublicationKind;
import dev.charter.contracts.registry.RegistryEvent.PublicationAdded;
import dev.charter.platform.roster.ModuleIds;
import dev.charter.platform.security.Actors;
import dev.charter.platform.web.Cursors;
import dev.charter.platform.web.GovernanceException;
import dev.charter.registry.disputes.DisputeLog;
import dev.charter.registry.module.ModuleCommands.AddPublication;
import dev.charter.registry.module.ModuleCommands.ChangeModuleSettings;
import dev.charter.registry.module.ModuleCommands;
import dev.charter.registry.roster.RosterQueries;
import dev.charter.registry.roster.RosterViews;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

@RestController
@ReadModel(RosterProjection.PROCESSING_GROUP)
public class ModulesController implements ModulesApi {

    private final CommandGateway commands;
    private final RosterQueries roster;
    private final DisputeLog disputes;
    private final Clock clock;

    public ModulesController(CommandGateway commands, RosterQueries roster, DisputeLog disputes, Clock clock) {
        this.commands = commands;
        this.roster = roster;
        this.disputes = disputes;
        this.clock = clock;
    }

    @Override
    public ResponseEntity<ModulePage> listModules(OffsetDateTime asOf, Boolean includeRetired, String after,
                                                  Integer limit) {
        Instant at = AsOf.resolve(asOf, clock);
        int size = Cursors.limit(limit);
        List<RosterViews.ModuleView> rows = roster.modules(at, Boolean.TRUE.equals(includeRetired),
                Cursors.decode(after), size + 1);
        ModulePage page = new ModulePage(rows.stream().limit(size).map(row -> withDisputes(row, at)).toList())
                .asOf(RegistryMapping.time(at));
        page.next(Cursors.next(rows, size, row -> row.moduleId()));
        return ResponseEntity.ok(page);
    }

    @Override
    public ResponseEntity<Module> getModule(String moduleId, OffsetDateTime asOf) {
        Instant at = AsOf.resolve(asOf, clock);
        return ResponseEntity.ok(roster.module(known(moduleId), at).map(view -> withDisputes(view, at))
                .orElseThrow(() -> new GovernanceException.NotFound("no-such-module",
                        "No module '" + moduleId + "'" + (asOf == null ? "." : " as of " + at + "."))));
    }

    /** The module with its group's disputes and the vetoes of its decisions opened by then (R6, R7). */
    private Module withDisputes(RosterViews.ModuleView view, Instant at) {
        return RegistryMapping.module(view)
                .disputes(disputes.disputesOf(view.moduleId()).stream().filter(d -> !d.openedAt().isAfter(at))
                        .map(RegistryMapping::dispute).toList())
                .vetoes(disputes.vetoesOf(view.moduleId()).stream().filter(v -> !v.proposedAt().isAfter(at))
                        .map(RegistryMapping::veto).toList());
    }

    @Override
    public ResponseEntity<ModuleSettings> changeModuleSettings(String moduleId, ModuleSettings settings,
                                                               String idempotencyKey) {
        ModuleCommands.Settings changed = commands.sendAndWait(new ChangeModuleSettings(known(moduleId),
                RegistryMapping.rule(settings.getDecisionRule()),
                NominationProcess.valueOf(settings.getNominationProcess().getValue()),
                settings.getInactivityPeriodDays(), Actors.require()));
        return ResponseEntity.ok(RegistryMapping.settings(changed.decisionRule(), changed.nominationProcess(),
                changed.inactivityPeriodDays()));
    }

    @Override
    public ResponseEntity<List<Publication>> listPublications(String moduleId) {
        return ResponseEntity.ok(roster.publications(known(moduleId)).stream().map(RegistryMapping::publication)
                .toList());
    }

    @Override
    public ResponseEntity<Publication> addPublication(String moduleId, PublicationRequest request,
                                                      String idempotencyKey) {
        String actor = Actors.require();
        LocalDate publishedOn = request.getPublishedOn() != null ? request.getPublishedOn()
                : LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        PublicationAdded added = commands.sendAndWait(new AddPublication(known(moduleId),
                UUID.randomUUID().toString(), PublicationKind.valueOf(request.getKind().getValue()), request.getTitle(),
                request.getUrl(), publishedOn, actor));
        return ResponseEntity.status(HttpStatus.CREATED).body(RegistryMapping.publication(
                new RosterViews.PublicationView(added.publicationId(), added.moduleId(), added.kind(), added.title(),
                        added.url(), added.publishedOn(), actor)));
    }

    private String known(String moduleId) {
        String id;
        try {
            id = ModuleIds.normalize(moduleId);
        } catch (GovernanceException.BadInput e) {
            id = null;
        }
        if (id == null || !roster.moduleExists(id)) {
            throw new GovernanceException.NotFound("no-such-module", "No module '" + moduleId + "'.");
        }
        return id;
    }
}
