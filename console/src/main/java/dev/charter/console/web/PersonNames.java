package dev.charter.console.web;

import dev.charter.client.registry.model.PersonPage;
import dev.charter.client.registry.model.PersonSummary;
import dev.charter.console.api.ApiCallException;
import dev.charter.console.api.Calls;
import dev.charter.console.api.ServiceApis;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The registered persons' display names, to show names beside the ids of ballots and dossiers. Kept for a
 * short while (the console's only cache); when the registry does not answer, pages show ids alone.
 */
@Component
public class PersonNames {

    static final Duration FRESH = Duration.ofSeconds(30);
    private static final int PAGE = 200;
    private static final int MOST_PAGES = 50;

    private final ServiceApis apis;
    private final Clock clock;
    private volatile Map<String, String> names = Map.of();
    private volatile List<PersonSummary> persons = List.of();
    private volatile Instant readAt = Instant.MIN;

    public PersonNames(ServiceApis apis, Clock clock) {
        this.apis = apis;
        this.clock = clock;
    }

    /** Person id to display name. */
    public Map<String, String> names() {
        refresh();
        return names;
    }

    /** Every registered person, ordered by id. */
    public List<PersonSummary> persons() {
        refresh();
        return persons;
    }

    private void refresh() {
        Instant now = clock.instant();
        if (Duration.between(readAt, now).compareTo(FRESH) < 0) {
            return;
        }
        synchronized (this) {
            if (Duration.between(readAt, now).compareTo(FRESH) < 0) {
                return;
            }
            try {
                Map<String, String> read = new LinkedHashMap<>();
                String after = null;
                for (int page = 0; page < MOST_PAGES; page++) {
                    String cursor = after;
                    PersonPage persons = Calls.call(ServiceApis.REGISTRY, () -> apis.persons().listPersons(cursor, PAGE));
                    persons.getItems().forEach(person -> read.put(person.getId(), person.getDisplayName()));
                    after = persons.getNext();
                    if (after == null) {
                        break;
                    }
                }
                this.persons = read.entrySet().stream()
                        .map(entry -> new PersonSummary().id(entry.getKey()).displayName(entry.getValue())).toList();
                this.names = java.util.Collections.unmodifiableMap(new java.util.HashMap<>(read));
                this.readAt = now;
            } catch (ApiCallException unavailable) {
                // keep what was read before; try again on the next page
            }
        }
    }
}
