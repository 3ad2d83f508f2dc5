package dev.charter.registry.inactivity;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.Schedules;
import dev.charter.registry.RegistryProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * R14: the sweep runs as a db-scheduler recurring task: durable (its next run is a row of {@code scheduled_tasks},
 * which survives restarts) and run by one replica at a time (the row is locked while it runs).
 */
@Configuration(proxyBeanMethods = false)
public class InactivityConfiguration {

    public static final String TASK = "registry-inactivity-sweep";

    @Bean
    public RecurringTask<Void> inactivitySweepTask(InactivitySweep sweep, RegistryProperties properties) {
        return Tasks.recurring(TASK, Schedules.fixedDelay(properties.inactivity().sweepInterval()))
                .execute((instance, context) -> sweep.sweep());
    }
}
