package dev.charter.registry.activity;

import dev.charter.platform.security.PersonIds;
import dev.charter.platform.web.GovernanceException;
import dev.charter.platform.web.Problems;
import dev.charter.registry.RegistryProperties;
import dev.charter.registry.roster.RosterQueries;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Activity that other systems report (R14): only the configured reporters may report it (any authenticated person
 * when none is configured), and a batch counts only as a whole — every activity in a module the registry knows,
 * none in the future. What passes is counted by the {@link ActivityRecorder}.
 */
@Component
public class ActivityReports {

    private final ActivityRecorder recorder;
    private final RosterQueries roster;
    private final RegistryProperties properties;
    private final Clock clock;

    public ActivityReports(ActivityRecorder recorder, RosterQueries roster, RegistryProperties properties,
                           Clock clock) {
        this.recorder = recorder;
        this.roster = roster;
        this.properties = properties;
        this.clock = clock;
    }

    /** Checks and counts a batch reported by {@code reporter}; refused whole when one activity cannot count. */
    public ActivityRecorder.Recorded report(String reporter, List<Activity> activities) {
        List<String> reporters = properties.activity().reporters();
        if (!reporters.isEmpty() && reporters.stream().map(PersonIds::canonical).noneMatch(reporter::equals)) {
            throw new GovernanceException.NotAllowed("not-a-reporter", "R14",
                    "Only the configured activity reporters (charter.registry.activity.reporters) report activity.");
        }
        Instant now = clock.instant();
        List<Map<String, String>> violations = new ArrayList<>();
        for (int i = 0; i < activities.size(); i++) {
            Activity activity = activities.get(i);
            if (activity.moduleId() != null && !roster.moduleExists(activity.moduleId())) {
                violations.add(Problems.violation("items[" + i + "].moduleId", "no such module"));
            }
            if (activity.occurredAt().isAfter(now)) {
                violations.add(Problems.violation("items[" + i + "].occurredAt", "must not be in the future"));
            }
        }
        if (!violations.isEmpty()) {
            throw new GovernanceException.BadInput("invalid-activity", "Some activities cannot be counted.")
                    .withViolations(violations);
        }
        return recorder.record(activities);
    }
}
