package dev.charter.nomination.seat;

import dev.charter.platform.roster.ModuleFacts;
import dev.charter.platform.roster.PersonStanding;
import dev.charter.platform.roster.RosterReader;

/**
 * What the roster said when a nomination was submitted, as far as its eligibility and its deciding body depend
 * on it (read from this service's roster copy and carried by the command).
 *
 * @param nominator the person submitting
 * @param subject   the person named as nominee or subject, or null when none is named
 * @param lead      the lead now, or null when the seat is vacant
 * @param module    the module named by the nomination, or null when none is named or it is unknown
 */
public record RosterFacts(PersonStanding nominator, PersonStanding subject, PersonStanding lead, ModuleFacts module) {

    /** The facts as the roster copy has them now. */
    public static RosterFacts read(RosterReader roster, String nominatorId, String subjectId, String moduleId) {
        return new RosterFacts(roster.standing(nominatorId), subjectId == null ? null : roster.standing(subjectId),
                roster.lead().map(roster::standing).orElse(null),
                moduleId == null ? null : roster.module(moduleId).orElse(null));
    }
}
