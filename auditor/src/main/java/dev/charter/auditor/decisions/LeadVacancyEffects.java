package dev.charter.auditor.decisions;

import dev.charter.auditor.history.Decoded;
import dev.charter.auditor.report.Finding;
import dev.charter.contracts.EventStream;
import dev.charter.contracts.nominations.NominationEvent.ElectionOpened;
import dev.charter.contracts.nominations.NominationEvent.LeadElected;
import dev.charter.contracts.nominations.NominationEvent.LeadSeatVacated;
import dev.charter.contracts.nominations.NominationEvent.NominationConfirmed;
import dev.charter.contracts.nominations.NominationKind;
import dev.charter.contracts.registry.RegistryEvent;
import dev.charter.contracts.registry.Role;
import dev.charter.contracts.voting.BallotRequest;
import dev.charter.contracts.voting.DecisionMethod;
import dev.charter.contracts.voting.ThresholdBase;

import java.util.List;

/**
 * R12, R13: a carried removal of the lead (or the lead declared permanently unavailable) vacates the lead seat in
 * the registry and opens an election; the removal needed at least 75 % of the seated core maintainers other than
 * the lead; an elected lead takes the seat.
 */
class LeadVacancyEffects implements DecisionCheck {

    @Override
    public String describe() {
        return "R12, R13: a carried lead removal vacates the seat (75 % of the seated core) and opens an election; "
                + "the elected lead takes the seat";
    }

    @Override
    public void check(Governance governance, List<Finding> findings) {
        List<Decoded> nominations = governance.events(EventStream.NOMINATIONS);
        for (Decoded decoded : nominations) {
            if (decoded.event() instanceof NominationConfirmed e
                    && (e.kind() == NominationKind.LEAD_REMOVAL || e.kind() == NominationKind.LEAD_UNAVAILABLE)) {
                if (e.kind() == NominationKind.LEAD_REMOVAL && e.ballotId() != null) {
                    governance.opened(e.ballotId()).ifPresent(opened -> {
                        BallotRequest request = opened.request();
                        boolean twelve = request.method() == DecisionMethod.SUPERMAJORITY && request.threshold() != null
                                && request.threshold() >= 0.75 && request.base() != ThresholdBase.VOTES_CAST;
                        if (!twelve) {
                            findings.add(Finding.finding(CHECK, "LEAD_RULE", decoded, e.nominationId(),
                                    "the lead was removed on ballot " + e.ballotId() + " decided by " + request.method()
                                            + " " + request.threshold() + " of " + request.base()
                                            + ", not by 75 % of the seated core maintainers (R12)"));
                        }
                    });
                }
                Decoded vacated = nominations.stream().filter(d -> d.event() instanceof LeadSeatVacated v
                        && e.nominationId().equals(v.nominationId())).findFirst().orElse(null);
                if (vacated == null) {
                    findings.add(Finding.finding(CHECK, "VACANCY_MISSING", decoded, e.nominationId(),
                            "the lead's removal " + e.nominationId() + " was confirmed but the seat was never vacated"));
                    continue;
                }
                LeadSeatVacated vacancy = (LeadSeatVacated) vacated.event();
                boolean removed = governance.registryEffectsOf(vacated.id()).stream().anyMatch(effect ->
                        effect.event() instanceof RegistryEvent.MaintainerRemoved r && r.role() == Role.LEAD
                                && NominationEffects.same(r.personId(), vacancy.personId()));
                if (!removed) {
                    findings.add(Finding.finding(CHECK, "VACANCY_MISSING", vacated, vacancy.vacancyId(),
                            "the lead seat of " + vacancy.personId() + " was vacated (" + vacancy.vacancyId()
                                    + ") but the registry never removed them from it"));
                }
                boolean election = nominations.stream().anyMatch(d -> d.event() instanceof ElectionOpened o
                        && vacancy.vacancyId().equals(o.vacancyId()));
                if (!election) {
                    findings.add(Finding.finding(CHECK, "ELECTION_MISSING", vacated, vacancy.vacancyId(),
                            "no election of a new lead was opened after vacancy " + vacancy.vacancyId() + " (R13)"));
                }
            } else if (decoded.event() instanceof LeadElected e) {
                boolean seated = governance.registryEffectsOf(decoded.id()).stream().anyMatch(effect ->
                        effect.event() instanceof RegistryEvent.MaintainerAppointed a && a.role() == Role.LEAD
                                && NominationEffects.same(a.personId(), e.personId()));
                if (!seated) {
                    findings.add(Finding.finding(CHECK, "LEAD_NOT_SEATED", decoded, e.electionId(),
                            e.personId() + " was elected lead (" + e.electionId()
                                    + ") but the registry never seated them (R13)"));
                }
            }
        }
    }
}
