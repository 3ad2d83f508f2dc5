package dev.charter.registry.web;

import dev.charter.platform.projection.ReadModel;
import dev.charter.registry.roster.RosterProjection;
import dev.charter.api.registry.FilesApi;
import dev.charter.api.registry.RosterApi;
import dev.charter.api.registry.model.CodeownersCheck;
import dev.charter.api.registry.model.CodeownersCheckRequest;
import dev.charter.api.registry.model.Roster;
import dev.charter.platform.web.GovernanceException;
import dev.charter.registry.RegistryProperties;
import dev.charter.registry.disputes.DisputeLog;
import dev.charter.registry.roster.CodeownersFile;
import dev.charter.registry.roster.MaintainersPage;
import dev.charter.registry.roster.RosterQueries;
import dev.charter.registry.roster.RosterViews.RosterView;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;

/** The roster, now or as of a past instant, and the files generated from it (CODEOWNERS, the maintainers page). */
@RestController
@ReadModel(RosterProjection.PROCESSING_GROUP)
public class RosterController implements RosterApi, FilesApi {

    private static final MediaType TEXT = MediaType.parseMediaType("text/plain;charset=UTF-8");

    private final RosterQueries roster;
    private final DisputeLog disputes;
    private final RegistryProperties properties;
    private final Clock clock;

    public RosterController(RosterQueries roster, DisputeLog disputes, RegistryProperties properties, Clock clock) {
        this.roster = roster;
        this.disputes = disputes;
        this.properties = properties;
        this.clock = clock;
    }

    @Override
    public ResponseEntity<Roster> getRoster(OffsetDateTime asOf) {
        return ResponseEntity.ok(RegistryMapping.roster(roster.roster(AsOf.resolve(asOf, clock))));
    }

    @Override
    public ResponseEntity<String> getCodeowners(String repository, OffsetDateTime asOf) {
        RosterView view = roster.roster(AsOf.resolve(asOf, clock));
        String file;
        if (repository == null || repository.isBlank() || repository.equalsIgnoreCase(properties.coreRepository())) {
            file = CodeownersFile.forCoreRepository(view, properties.coreRepository());
        } else {
            file = CodeownersFile.forRepository(view, repository.trim()).orElseThrow(() ->
                    noSuchRepository(repository));
        }
        return ResponseEntity.ok().contentType(TEXT).body(file);
    }

    /** R16: the repository's CODEOWNERS as it is, compared with the roster now. */
    @Override
    public ResponseEntity<CodeownersCheck> checkCodeowners(CodeownersCheckRequest request) {
        Instant now = clock.instant();
        RosterView view = roster.roster(now);
        String repository = request.getRepository() == null || request.getRepository().isBlank()
                ? properties.coreRepository() : request.getRepository().trim();
        List<CodeownersFile.Rule> expected = repository.equalsIgnoreCase(properties.coreRepository())
                ? CodeownersFile.coreRules(view)
                : CodeownersFile.repositoryRules(view, repository).orElseThrow(() -> noSuchRepository(repository));
        return ResponseEntity.ok(RegistryMapping.codeownersCheck(repository, now,
                dev.charter.registry.roster.CodeownersCheck.compare(expected, request.getContent())));
    }

    @Override
    public ResponseEntity<String> getMaintainersPage(OffsetDateTime asOf) {
        return ResponseEntity.ok().contentType(TEXT)
                .body(MaintainersPage.render(roster.roster(AsOf.resolve(asOf, clock)), disputes.openDisputes()));
    }

    private static GovernanceException noSuchRepository(String repository) {
        return new GovernanceException.NotFound("no-such-repository", "'" + repository
                + "' is neither the core repository nor a repository module.");
    }
}
