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
import dev.charter.contracts.voting.DecisionRule;
import dev.charter.platform.security.Actors;
import dev.charter.platform.web.Cursors;
import dev.charter.platform.web.GovernanceException;
import dev.charter.registry.module.ModuleCommands.AddPublication;
import dev.charter.registry.module.ModuleCommands.ChangeModuleSettings;
import dev.charter.registry.module.ModuleRules;
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
    private final Permissions permissions;
    private final Clock clock;

    public ModulesController(CommandGateway commands, RosterQueries roster, Permissions permissions, Clock clock) {
        this.commands = commands;
        this.roster = roster;
        this.permissions = permissions;
        this.clock = clock;
    }

    @Override
    public ResponseEntity<ModulePage> listModules(OffsetDateTime asOf, Boolean includeRetired, String after,
                                                  Integer limit) {
        Instant at = AsOf.resolve(asOf, clock);
        int size = Cursors.limit(limit);
        List<RosterViews.ModuleView> rows = roster.modules(at, Boolean.TRUE.equals(includeRetired),
                Cursors.decode(after), size + 1);
        ModulePage page = new ModulePage(rows.stream().limit(size).map(RegistryMapping::module).toList())
                .asOf(RegistryMapping.time(at));
        page.next(Cursors.next(rows, size, row -> row.moduleId()));
        return ResponseEntity.ok(page);
    }

    @Override
    public ResponseEntity<Module> getModule(String moduleId, OffsetDateTime asOf) {
        Instant at = AsOf.resolve(asOf, clock);
        return ResponseEntity.ok(roster.module(known(moduleId), at).map(RegistryMapping::module)
                .orElseThrow(() -> new GovernanceException.NotFound("no-such-module",
                        "No module '" + moduleId + "'" + (asOf == null ? "." : " as of " + at + "."))));
    }

    /** R4: the group adopts its own decision rule (majority by default). */
    @Override
    public ResponseEntity<ModuleSettings> changeModuleSettings(String moduleId, ModuleSettings settings,
                                                               String idempotencyKey) {
        String id = known(moduleId);
        permissions.requireModuleMaintainerOrCore(Actors.require(), id, "R4", "change the module's settings");
        DecisionRule rule = ModuleRules.groupDecisionRule(RegistryMapping.rule(settings.getDecisionRule()));
        NominationProcess process = NominationProcess.valueOf(settings.getNominationProcess().getValue());
        commands.sendAndWait(new ChangeModuleSettings(id, rule, process, settings.getInactivityPeriodDays()));
        return ResponseEntity.ok(RegistryMapping.settings(rule, process, settings.getInactivityPeriodDays()));
    }

    @Override
    public ResponseEntity<List<Publication>> listPublications(String moduleId) {
        return ResponseEntity.ok(roster.publications(known(moduleId)).stream().map(RegistryMapping::publication)
                .toList());
    }

    /** R6: the group publishes its vision, roadmap, design docs and meeting notes. */
    @Override
    public ResponseEntity<Publication> addPublication(String moduleId, PublicationRequest request,
                                                      String idempotencyKey) {
        String id = known(moduleId);
        String actor = Actors.require();
        permissions.requireModuleMaintainerOrCore(actor, id, "R6", "publish for the module");
        String publicationId = UUID.randomUUID().toString();
        LocalDate publishedOn = request.getPublishedOn() != null ? request.getPublishedOn()
                : LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        PublicationKind kind = PublicationKind.valueOf(request.getKind().getValue());
        commands.sendAndWait(new AddPublication(id, publicationId, kind, request.getTitle(), request.getUrl(),
                publishedOn));
        return ResponseEntity.status(HttpStatus.CREATED).body(RegistryMapping.publication(
                new RosterViews.PublicationView(publicationId, id, kind, request.getTitle().trim(),
                        request.getUrl().trim(), publishedOn, actor)));
    }

    private String known(String moduleId) {
        String id;
        try {
            id = ModuleRules.moduleId(moduleId);
        } catch (GovernanceException.BadInput e) {
            id = null;
        }
        if (id == null || !roster.moduleExists(id)) {
            throw new GovernanceException.NotFound("no-such-module", "No module '" + moduleId + "'.");
        }
        return id;
    }
}
