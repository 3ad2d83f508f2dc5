package dev.charter.dispute.web;

import dev.charter.api.disputes.model.DecisionInput;
import dev.charter.dispute.decision.ModuleDecisions;
import dev.charter.platform.web.Text;

import java.time.OffsetDateTime;

/** Request parameters as the commands and queries take them: trimmed, absent as null. */
final class Params {

    private Params() {
    }

    static String text(String value) {
        return Text.blankToNull(value);
    }

    static ModuleDecisions.Named named(DecisionInput input) {
        if (input == null) {
            return null;
        }
        OffsetDateTime decidedAt = input.getDecidedAt();
        return new ModuleDecisions.Named(input.getDecisionId(), input.getUrl(), input.getModuleId(),
                decidedAt == null ? null : decidedAt.toInstant(), input.getSummary());
    }
}
