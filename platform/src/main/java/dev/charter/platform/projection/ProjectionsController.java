package dev.charter.platform.projection;

import dev.charter.api.admin.ProjectionsApi;
import dev.charter.api.admin.model.ProjectionStatus;
import dev.charter.platform.config.CharterProperties;
import dev.charter.platform.security.Actors;
import dev.charter.platform.security.Operators;
import dev.charter.platform.web.GovernanceException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

/** The operations API of every service (api-contracts admin.yaml): its read models and their rebuild. */
@RestController
public class ProjectionsController implements ProjectionsApi {

    private final ProjectionRebuilds rebuilds;
    private final CharterProperties properties;

    public ProjectionsController(ProjectionRebuilds rebuilds, CharterProperties properties) {
        this.rebuilds = rebuilds;
        this.properties = properties;
    }

    @Override
    public ResponseEntity<List<ProjectionStatus>> listProjections() {
        requireOperator();
        return ResponseEntity.ok(rebuilds.list().stream().map(ProjectionsController::status).toList());
    }

    @Override
    public ResponseEntity<ProjectionStatus> getProjection(String name) {
        requireOperator();
        return ResponseEntity.ok(status(rebuilds.status(name)));
    }

    @Override
    public ResponseEntity<ProjectionStatus> rebuildProjection(String name) {
        requireOperator();
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(status(rebuilds.rebuild(name)));
    }

    /** Only operators ({@link Operators}, charter.operators). */
    private void requireOperator() {
        String actor = Actors.require();
        if (!Operators.isOperator(properties, actor)) {
            throw new GovernanceException.NotAllowed("not-an-operator", null, actor
                    + " is not an operator of this service (charter.operators).");
        }
    }

    static ProjectionStatus status(ProjectionRebuilds.Status s) {
        return new ProjectionStatus(s.name(), s.streaming() ? ProjectionStatus.ModeEnum.STREAMING
                : ProjectionStatus.ModeEnum.SUBSCRIBING, ProjectionStatus.StateEnum.fromValue(s.state().name()))
                .position(s.position()).target(s.target()).progress(s.progress())
                .startedAt(time(s.startedAt())).finishedAt(time(s.finishedAt()))
                .elapsedMillis(s.elapsed() == null ? null : s.elapsed().toMillis()).events(s.events()).error(s.error());
    }

    private static OffsetDateTime time(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }
}
