package dev.charter.registry.web;

import dev.charter.platform.projection.ReadModel;
import dev.charter.registry.roster.RosterProjection;
import dev.charter.api.registry.ModulesApi;
import dev.charter.api.registry.model.CoreSettingsChange;
import dev.charter.api.registry.model.MaintainerActivity;
import dev.charter.api.registry.model.SettingsMotion;
import dev.charter.api.registry.model.SettingsMotionRequest;
import dev.charter.api.registry.model.WithdrawalRequest;
import dev.charter.contracts.registry.RegistryEvent.SettingsMotionProposed;
import dev.charter.registry.RegistryProperties;
import dev.charter.registry.activity.ActivityStore;
import dev.charter.registry.inactivity.Inactivity;
import dev.charter.registry.lifecycle.LifecycleDirectory;
import dev.charter.registry.module.ModuleCommands.ProposeSettingsMotion;
import dev.charter.registry.module.ModuleCommands.WithdrawSettingsMotion;
import dev.charter.registry.policy.BallotPolicy;
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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

@RestController
@ReadModel(RosterProjection.PROCESSING_GROUP)
public class ModulesController implements ModulesApi {

    private final CommandGateway commands;
    private final RosterQueries roster;
    private final DisputeLog disputes;
    private final LifecycleDirectory lifecycle;
    private final ActivityStore activity;
    private final BallotPolicy ballots;
    private final RegistryProperties properties;
    private final Clock clock;

    public ModulesController(CommandGateway commands, RosterQueries roster, DisputeLog disputes,
                             LifecycleDirectory lifecycle, ActivityStore activity, BallotPolicy ballots,
                             RegistryProperties properties, Clock clock) {
        this.commands = commands;
        this.roster = roster;
        this.disputes = disputes;
        this.lifecycle = lifecycle;
        this.activity = activity;
        this.ballots = ballots;
        this.properties = properties;
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

    /**
     * The module with its group's disputes and the vetoes of its decisions opened by then (R6, R7), and each
     * maintainer's last activity and notice in force now (R14).
     */
    private Module withDisputes(RosterViews.ModuleView view, Instant at) {
        Map<String, Instant> last = activity.lastInModule(view.moduleId());
        Map<String, LifecycleDirectory.NoticeView> notices = new HashMap<>();
        lifecycle.openNotices().stream().filter(n -> view.moduleId().equals(n.moduleId()))
                .forEach(n -> notices.put(n.personId(), n));
        return RegistryMapping.module(view)
                .disputes(disputes.disputesOf(view.moduleId()).stream().filter(d -> !d.openedAt().isAfter(at))
                        .map(RegistryMapping::dispute).toList())
                .vetoes(disputes.vetoesOf(view.moduleId()).stream().filter(v -> !v.proposedAt().isAfter(at))
                        .map(RegistryMapping::veto).toList())
                .activity(view.maintainers().stream().map(member -> {
                    Instant lastActivity = last.get(member.personId());
                    LifecycleDirectory.NoticeView notice = notices.get(member.personId());
                    return new MaintainerActivity(member.personId(), RegistryMapping.time(
                            Inactivity.inactiveSince(lastActivity, member.since())))
                            .lastActivityAt(RegistryMapping.time(lastActivity))
                            .notice(notice == null ? null : RegistryMapping.notice(notice));
                }).toList());
    }

    /** R4: a core maintainer applies a carried decision of the core maintainers to the group's settings. */
    @Override
    public ResponseEntity<ModuleSettings> changeModuleSettings(String moduleId, CoreSettingsChange change,
                                                               String idempotencyKey) {
        ModuleSettings settings = change.getSettings();
        String ballotId = change.getBallotId().trim();
        ModuleCommands.Settings changed = commands.sendAndWait(new ChangeModuleSettings(known(moduleId),
                RegistryMapping.rule(settings.getDecisionRule()),
                NominationProcess.valueOf(settings.getNominationProcess().getValue()),
                settings.getInactivityPeriodDays(), Actors.require(), ballotId,
                ballots.decision(ballotId).orElse(null)));
        return ResponseEntity.ok(RegistryMapping.settings(changed.decisionRule(), changed.nominationProcess(),
                changed.inactivityPeriodDays()));
    }

    @Override
    public ResponseEntity<List<SettingsMotion>> listSettingsMotions(String moduleId) {
        return ResponseEntity.ok(lifecycle.motions(known(moduleId)).stream().map(RegistryMapping::motion).toList());
    }

    @Override
    public ResponseEntity<SettingsMotion> getSettingsMotion(String moduleId, String motionId) {
        return ResponseEntity.ok(lifecycle.motion(known(moduleId), motionId).map(RegistryMapping::motion)
                .orElseThrow(() -> noSuchMotion(moduleId, motionId)));
    }

    /** R4: a maintainer puts a motion to the group; the group's ballot is requested at once. */
    @Override
    public ResponseEntity<SettingsMotion> proposeSettingsMotion(String moduleId, SettingsMotionRequest request,
                                                                String idempotencyKey) {
        String id = known(moduleId);
        ModuleSettings settings = request.getSettings();
        SettingsMotionProposed proposed = commands.sendAndWait(new ProposeSettingsMotion(id,
                UUID.randomUUID().toString(), Actors.require(), RegistryMapping.rule(settings.getDecisionRule()),
                NominationProcess.valueOf(settings.getNominationProcess().getValue()),
                settings.getInactivityPeriodDays(), request.getStatement(),
                clock.instant().plus(properties.ballotDuration())));
        return ResponseEntity.status(HttpStatus.CREATED).body(lifecycle.motion(id, proposed.motionId())
                .map(RegistryMapping::motion).orElseThrow());
    }

    @Override
    public ResponseEntity<Void> withdrawSettingsMotion(String moduleId, String motionId, WithdrawalRequest request,
                                                       String idempotencyKey) {
        String id = known(moduleId);
        if (lifecycle.motion(id, motionId).isEmpty()) {
            throw noSuchMotion(moduleId, motionId);
        }
        commands.sendAndWait(new WithdrawSettingsMotion(id, motionId, Actors.require(), request.getReason()));
        return ResponseEntity.noContent().build();
    }

    @Override
    public ResponseEntity<List<Publication>> listPublications(String moduleId, OffsetDateTime asOf) {
        Instant at = AsOf.resolve(asOf, clock);
        return ResponseEntity.ok(roster.publications(known(moduleId), at).stream().map(RegistryMapping::publication)
                .toList());
    }

    private static GovernanceException noSuchMotion(String moduleId, String motionId) {
        return new GovernanceException.NotFound("no-such-motion", "Module " + moduleId + " has no settings motion '"
                + motionId + "'.");
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
