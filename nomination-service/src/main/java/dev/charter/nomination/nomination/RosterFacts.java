package dev.charter.nomination.nomination;

import dev.charter.nomination.roster.ModuleFacts;
import dev.charter.nomination.roster.PersonStanding;

/**
 * What the roster said when a nomination was submitted, as far as its eligibility and its deciding body depend
 * on it (read from this service's copy of the registry and carried by the command).
 *
 * @param nominator the person submitting
 * @param subject   the nominee, or the person whose removal is asked
 * @param lead      the lead now, or null when the seat is vacant
 * @param module    the module named by the nomination, or null when none is named or it is unknown
 */
public record RosterFacts(PersonStanding nominator, PersonStanding subject, String lead, ModuleFacts module) {
}
