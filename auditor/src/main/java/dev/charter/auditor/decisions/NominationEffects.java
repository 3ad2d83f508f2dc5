package dev.charter.auditor.decisions;

import dev.charter.auditor.history.Decoded;
import dev.charter.auditor.report.Finding;
import dev.charter.contracts.EventStream;
import dev.charter.contracts.nominations.NominationEvent.NominationConfirmed;
import dev.charter.contracts.nominations.NominationEvent.NominationDeclined;
import dev.charter.contracts.nominations.NominationKind;
import dev.charter.contracts.registry.RegistryEvent;
import dev.charter.contracts.registry.Role;
import dev.charter.contracts.voting.BallotOutcome;
import dev.charter.contracts.voting.VotingEvent;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * R9, R10, R11: a confirmed nomination is followed by the registry's appointment or removal naming it; a declined
 * one changes no seat; each decision states its ballot's outcome and is published by a member of the deciding
 * body (the ballot's electorate).
 */
class NominationEffects implements DecisionCheck {

    @Override
    public String describe() {
        return "R9, R10, R11: confirmed nominations take effect in the registry, declined ones do not; "
                + "each decision follows its ballot";
    }

    @Override
    public void check(Governance governance, List<Finding> findings) {
        for (Decoded decoded : governance.events(EventStream.NOMINATIONS)) {
            if (decoded.event() instanceof NominationConfirmed e) {
                ballot(governance, findings, decoded, e.nominationId(), e.ballotId(), e.decidedBy(), true);
                if (e.kind() == NominationKind.LEAD_REMOVAL || e.kind() == NominationKind.LEAD_UNAVAILABLE) {
                    continue; // the lead seat: see LeadVacancyEffects
                }
                boolean appoint = e.kind() != NominationKind.REMOVAL;
                boolean found = governance.registryEffectsOf(decoded.id()).stream().anyMatch(effect ->
                        appoint ? effect.event() instanceof RegistryEvent.MaintainerAppointed a
                                && same(a.personId(), e.personId()) && a.role() == e.role()
                                && Objects.equals(module(a.role(), a.moduleId()), module(e.role(), e.moduleId()))
                                : effect.event() instanceof RegistryEvent.MaintainerRemoved r
                                && same(r.personId(), e.personId()) && r.role() == e.role());
                if (!found) {
                    findings.add(Finding.finding(CHECK, "EFFECT_MISSING", decoded, e.nominationId(),
                            "nomination " + e.nominationId() + " (" + e.kind() + " of " + e.personId()
                                    + (e.moduleId() == null ? "" : " in " + e.moduleId()) + ") was confirmed, but no "
                                    + (appoint ? "appointment" : "removal") + " in the registry names its decision"));
                }
            } else if (decoded.event() instanceof NominationDeclined e) {
                ballot(governance, findings, decoded, e.nominationId(), e.ballotId(), e.decidedBy(), false);
                if (!governance.registryEffectsOf(decoded.id()).isEmpty()) {
                    findings.add(Finding.finding(CHECK, "EFFECT_UNEXPECTED", decoded, e.nominationId(),
                            "nomination " + e.nominationId() + " was declined, yet the registry changed a seat by it"));
                }
            }
        }
    }

    private static void ballot(Governance governance, List<Finding> findings, Decoded decoded, String nominationId,
                               String ballotId, String decidedBy, boolean confirmed) {
        if (ballotId == null) {
            return;
        }
        Optional<VotingEvent.BallotClosed> closed = governance.closed(ballotId);
        if (closed.isEmpty()) {
            findings.add(Finding.finding(CHECK, "DECISION_AGAINST_BALLOT", decoded, nominationId,
                    "nomination " + nominationId + " was decided on ballot " + ballotId + ", which never closed"));
            return;
        }
        boolean carried = closed.get().outcome() == BallotOutcome.CARRIED;
        if (carried != confirmed) {
            findings.add(Finding.finding(CHECK, "DECISION_AGAINST_BALLOT", decoded, nominationId,
                    "nomination " + nominationId + " was " + (confirmed ? "confirmed" : "declined")
                            + " but its ballot " + ballotId + " closed " + closed.get().outcome()));
        }
        governance.opened(ballotId).ifPresent(opened -> {
            if (decidedBy != null && opened.electorate().stream().noneMatch(m -> same(m, decidedBy))) {
                findings.add(Finding.finding(CHECK, "DECIDER_NOT_IN_BODY", decoded, nominationId,
                        "the decision on nomination " + nominationId + " was published by " + decidedBy
                                + ", who is not in the deciding body's electorate of ballot " + ballotId));
            }
        });
    }

    static boolean same(String a, String b) {
        return a != null && b != null && a.trim().toLowerCase(Locale.ROOT).equals(b.trim().toLowerCase(Locale.ROOT));
    }

    private static String module(Role role, String moduleId) {
        return role == Role.MODULE_MAINTAINER ? moduleId : null;
    }
}
