package dev.charter.registry.web;

import dev.charter.api.registry.ActivityApi;
import dev.charter.api.registry.model.ActivityBatch;
import dev.charter.api.registry.model.ActivityReport;
import dev.charter.api.registry.model.PersonActivity;
import dev.charter.platform.roster.ModuleIds;
import dev.charter.platform.security.Actors;
import dev.charter.platform.security.PersonIds;
import dev.charter.platform.web.GovernanceException;
import dev.charter.registry.activity.Activity;
import dev.charter.registry.activity.ActivityKind;
import dev.charter.registry.activity.ActivityRecorder;
import dev.charter.registry.activity.ActivityReports;
import dev.charter.registry.activity.ActivityStore;
import dev.charter.registry.lifecycle.LifecycleDirectory;
import dev.charter.registry.person.PersonDirectory;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/** Activity reported by other systems, and a person's activity and inactivity notices (R14). */
@RestController
public class ActivityController implements ActivityApi {

    private final ActivityReports reports;
    private final ActivityStore activity;
    private final LifecycleDirectory lifecycle;
    private final PersonDirectory persons;

    public ActivityController(ActivityReports reports, ActivityStore activity, LifecycleDirectory lifecycle,
                              PersonDirectory persons) {
        this.reports = reports;
        this.activity = activity;
        this.lifecycle = lifecycle;
        this.persons = persons;
    }

    @Override
    public ResponseEntity<ActivityReport> reportActivity(ActivityBatch batch, String idempotencyKey) {
        List<Activity> activities = batch.getItems().stream()
                .map(item -> new Activity(PersonIds.canonical(item.getPersonId()),
                        ModuleIds.canonical(item.getModuleId()), ActivityKind.valueOf(item.getKind().getValue()),
                        item.getOccurredAt().toInstant(), item.getUrl().trim()))
                .toList();
        ActivityRecorder.Recorded recorded = reports.report(Actors.require(), activities);
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
