package dev.charter.nomination.web;

import dev.charter.api.nominations.ReviewCyclesApi;
import dev.charter.api.nominations.model.ReviewCycle;
import dev.charter.nomination.NominationSettings;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;

/** The core maintainers' quarterly review calendar. */
@RestController
public class ReviewCyclesController implements ReviewCyclesApi {

    private final NominationSettings settings;
    private final Clock clock;

    public ReviewCyclesController(NominationSettings settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
    }

    @Override
    public ResponseEntity<List<ReviewCycle>> listReviewCycles(OffsetDateTime from, Integer count) {
        return ResponseEntity.ok(settings.cycles().upcoming(from == null ? clock.instant() : from.toInstant(),
                count == null ? 4 : count).stream().map(NominationMapping::cycle).toList());
    }
}
