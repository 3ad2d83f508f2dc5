package dev.charter.contracts.disputes;

import dev.charter.contracts.DecisionRef;

import java.time.Instant;

/**
 * A module-level decision (DESIGN §7) as dispute-service found it in its own copies of the voting, nominations
 * and registry streams, or as it was given (an external decision). Disputes (R5) and vetoes (R7) name it; the
 * services that own what it decided react to a carried veto by what it says here.
 *
 * @param decisionId     Charter's id of the decision: {@code <kind>:<id on its stream>}, e.g.
 *                       {@code motion:<ballotId>}, {@code nomination:<nominationId>},
 *                       {@code settings:<registry event id>}, {@code publication:<publicationId>},
 *                       {@code external:<id derived from module and URL>}
 * @param moduleId       the module whose group took the decision (the respondent of a dispute)
 * @param decidedAt      when it was taken (the start of the veto window, R7)
 * @param ref            the event that recorded it (for EXTERNAL: source {@code external}, reference the URL)
 * @param summary        what was decided, in words
 * @param url            EXTERNAL: the https URL of the decision; PUBLICATION: the publication's URL
 * @param personId       MODULE_NOMINATION: the nominee
 * @param outcome        MOTION: the ballot's outcome (CARRIED, REJECTED); MODULE_NOMINATION: CONFIRMED or DECLINED
 * @param settingsBefore SETTINGS_CHANGE: the setting as it was before (what a carried veto restores)
 * @param settingsAfter  SETTINGS_CHANGE: the setting as the change left it
 */
public record ModuleDecision(String decisionId, DecisionKind kind, String moduleId, Instant decidedAt,
                             DecisionRef ref, String summary, String url, String personId, String outcome,
                             ModuleSettings settingsBefore, ModuleSettings settingsAfter) {
}
