package dev.charter.registry.web;

import dev.charter.api.registry.ActivityApi;
import dev.charter.api.registry.model.ActivityBatch;
import dev.charter.api.registry.model.ActivityItem;
import dev.charter.api.registry.model.ActivityReport;
import dev.charter.api.registry.model.PersonActivity;
import dev.charter.platform.roster.ModuleIds;
import dev.charter.platform.security.Actors;
import dev.charter.platform.security.PersonIds;
import dev.charter.platform.web.GovernanceException;
import dev.charter.platform.web.Problems;
import dev.charter.registry.RegistryProperties;
import dev.charter.registry.activity.Activity;
import dev.charter.registry.activity.ActivityKind;
import dev.charter.registry.activity.ActivityRecorder;
import dev.charter.registry.activity.ActivityStore;
import dev.charter.registry.lifecycle.LifecycleDirectory;
import dev.charter.registry.person.PersonDirectory;
import dev.charter.registry.roster.RosterQueries;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Activity reported by other systems, and a person's activity and inactivity notices (R14). */
@RestController
public class ActivityController implements ActivityApi {

    private final ActivityRecorder recorder;
    private final ActivityStore activity;
    private final LifecycleDirectory lifecycle;
    private final PersonDirectory persons;
    private final RosterQueries roster;
    private final RegistryProperties properties;
    private final Clock clock;

    public ActivityController(ActivityRecorder recorder, ActivityStore activity, LifecycleDirectory lifecycle,
                              PersonDirectory persons, RosterQueries roster, RegistryProperties properties,
                              Clock clock) {
        this.recorder = recorder;
        this.activity = activity;
        this.lifecycle = lifecycle;
        this.persons = persons;
        this.roster = roster;
        this.properties = properties;
        this.clock = clock;
    }

    @Override
    public ResponseEntity<ActivityReport> reportActivity(ActivityBatch batch, String idempotencyKey) {
        String reporter = Actors.require();
        List<String> reporters = properties.activity().reporters();
        if (!reporters.isEmpty() && reporters.stream().map(PersonIds::canonical).noneMatch(reporter::equals)) {
            throw new GovernanceException.NotAllowed("not-a-reporter", "R14",
                    "Only the configured activity reporters (charter.registry.activity.reporters) report activity.");
        }
        Instant now = clock.instant();
        List<Activity> activities = new ArrayList<>();
        List<Map<String, String>> violations = new ArrayList<>();
        for (int i = 0; i < batch.getItems().size(); i++) {
            ActivityItem item = batch.getItems().get(i);
            String moduleId = ModuleIds.canonical(item.getModuleId());
            if (moduleId != null && !roster.moduleExists(moduleId)) {
                violations.add(Problems.violation("items[" + i + "].moduleId", "no such module"));
            }
            Instant at = item.getOccurredAt().toInstant();
            if (at.isAfter(now)) {
                violations.add(Problems.violation("items[" + i + "].occurredAt", "must not be in the future"));
            }
            activities.add(new Activity(PersonIds.canonical(item.getPersonId()), moduleId,
                    ActivityKind.valueOf(item.getKind().getValue()), at, item.getUrl().trim()));
        }
        if (!violations.isEmpty()) {
            throw new GovernanceException.BadInput("invalid-activity", "Some activities cannot be counted.")
                    .withViolations(violations);
        }
        ActivityRecorder.Recorded recorded = recorder.record(activities);
        return ResponseEntity.ok(new ActivityReport(recorded.recorded(), recorded.duplicates(),
                recorded.unknownPersons()));
    }

    @Override
    public ResponseEntity<PersonActivity> getPersonActivity(String personId) {
        String id = PersonIds.canonical(personId);
        if (id == null || !persons.isRegistered(id)) {
            throw new GovernanceException.NotFound("no-such-person", "No person '" + personId + "' is registered.");
        }
        return ResponseEntity.ok(new PersonActivity(id,
                activity.ofPerson(id).stream().map(RegistryMapping::moduleActivity).toList(),
                lifecycle.openNotices(id).stream().map(RegistryMapping::notice).toList()));
    }
}
