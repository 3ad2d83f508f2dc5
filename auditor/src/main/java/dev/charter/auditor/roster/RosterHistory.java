package dev.charter.auditor.roster;

import dev.charter.auditor.history.Decoded;
import dev.charter.auditor.report.Report;
import dev.charter.contracts.registry.RegistryEvent;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code roster --at}: the roster at any moment, replayed from the registry stream (events in chain order, each
 * applied when its time is not after the moment asked).
 */
public class RosterHistory {

    private final List<Decoded> events;

    public RosterHistory(List<Decoded> registryEvents) {
        this.events = registryEvents;
    }

    public Roster at(Instant at) {
        Roster roster = new Roster();
        for (Decoded decoded : events) {
            if (decoded.time().isAfter(at)) {
                break;
            }
            roster.apply((RegistryEvent) decoded.event(), decoded.time());
        }
        return roster;
    }

    /** The roster after the last event. */
    public Roster latest() {
        return at(Instant.MAX);
    }

    /** A cursor that moves forward in time, for checks that need the roster at many increasing instants. */
    public Cursor cursor() {
        return new Cursor();
    }

    public final class Cursor {
        private final Roster roster = new Roster();
        private int next;

        public Roster at(Instant at) {
            while (next < events.size() && !events.get(next).time().isAfter(at)) {
                roster.apply((RegistryEvent) events.get(next).event(), events.get(next).time());
                next++;
            }
            return roster;
        }
    }

    public static void reportTo(Report report, Roster roster, Instant at) {
        List<List<Object>> rows = new ArrayList<>();
        rows.add(List.of("lead", "", roster.lead() == null ? "(vacant)" : roster.lead()));
        rows.add(List.of("core maintainers", "", String.join(" ", roster.coreMaintainers())));
        rows.add(List.of("core emeritus", "", String.join(" ", roster.coreEmeritus())));
        for (Roster.Module module : roster.activeModules()) {
            rows.add(List.of("module maintainers", module.id(), String.join(" ", roster.maintainers(module.id()))));
            List<String> emeritus = roster.moduleEmeritus(module.id());
            if (!emeritus.isEmpty()) {
                rows.add(List.of("module emeritus", module.id(), String.join(" ", emeritus)));
            }
        }
        report.section("roster", new Report.Section("Roster at " + at, List.of("seat", "module", "persons"), rows));
    }
}
