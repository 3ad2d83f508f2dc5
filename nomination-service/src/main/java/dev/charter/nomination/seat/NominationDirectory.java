package dev.charter.nomination.seat;

import dev.charter.contracts.nominations.NominationEvent.LeadSeatVacated;
import dev.charter.contracts.nominations.NominationEvent.ModuleProposalAccepted;
import dev.charter.contracts.nominations.NominationEvent.ModuleProposalDeclined;
import dev.charter.contracts.nominations.NominationEvent.ModuleProposalSubmitted;
import dev.charter.contracts.nominations.NominationEvent.ModuleProposalWithdrawn;
import dev.charter.contracts.nominations.NominationEvent.NominationConfirmed;
import dev.charter.contracts.nominations.NominationEvent.NominationDeclined;
import dev.charter.contracts.nominations.NominationEvent.NominationSubmitted;
import dev.charter.contracts.nominations.NominationEvent.NominationWithdrawn;
import dev.charter.contracts.nominations.VacancyReason;
import dev.charter.platform.web.GovernanceException;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.util.Optional;

/**
 * Facts across nominations that commands must see at once, kept in the same transaction as the events (a
 * subscribing processor whose errors fail the command): at most one open nomination per person and role (and
 * module) — a second submission is refused, also when two race — at most one open module proposal per module
 * (R15), and the lead-seat vacancies this service decided, with their reason (R12, R13).
 */
@Component
@ProcessingGroup(NominationDirectory.PROCESSING_GROUP)
public class NominationDirectory {

    public static final String PROCESSING_GROUP = "nomination-directory";
    private final JdbcClient jdbc;

    public NominationDirectory(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(NominationSubmitted event) {
        String module = event.moduleId() == null ? "" : event.moduleId();
        int inserted = jdbc.sql("""
                        INSERT INTO open_nomination (person_id, role, module_id, nomination_id) VALUES (?, ?, ?, ?)
                        ON CONFLICT DO NOTHING""")
                .params(event.personId(), event.role().name(), module, event.nominationId()).update();
        if (inserted == 0) {
            String open = jdbc.sql("SELECT nomination_id FROM open_nomination WHERE person_id = ? AND role = ? "
                            + "AND module_id = ?")
                    .params(event.personId(), event.role().name(), module).query(String.class).optional()
                    .orElse(event.nominationId());
            if (!open.equals(event.nominationId())) {
                throw new GovernanceException.Conflict("open-nomination-exists", Eligibility.ruleOf(event.kind()),
                        "Nomination " + open + " about " + event.personId() + " and the seat " + event.role()
                                + (module.isEmpty() ? "" : " of module " + module) + " is still open.");
            }
        }
    }

    @EventHandler
    void on(NominationConfirmed event) {
        close(event.nominationId());
    }

    @EventHandler
    void on(NominationDeclined event) {
        close(event.nominationId());
    }

    @EventHandler
    void on(NominationWithdrawn event) {
        close(event.nominationId());
    }

    @EventHandler
    void on(LeadSeatVacated event) {
        jdbc.sql("""
                        INSERT INTO lead_vacancy (vacancy_id, person_id, reason, nomination_id) VALUES (?, ?, ?, ?)
                        ON CONFLICT DO NOTHING""")
                .params(event.vacancyId(), event.personId(), event.reason().name(), event.nominationId()).update();
    }

    /** R15: one open proposal per module; a second is refused (409), also when two race. */
    @EventHandler
    void on(ModuleProposalSubmitted event) {
        int inserted = jdbc.sql("""
                        INSERT INTO open_module_proposal (module_id, proposal_id) VALUES (?, ?)
                        ON CONFLICT DO NOTHING""")
                .params(event.moduleId(), event.proposalId()).update();
        if (inserted == 0) {
            String open = jdbc.sql("SELECT proposal_id FROM open_module_proposal WHERE module_id = ?")
                    .param(event.moduleId()).query(String.class).optional().orElse(event.proposalId());
            if (!open.equals(event.proposalId())) {
                throw new GovernanceException.Conflict("open-proposal-exists", "R15",
                        "Proposal " + open + " about module " + event.moduleId() + " is still open.");
            }
        }
    }

    @EventHandler
    void on(ModuleProposalAccepted event) {
        closeProposal(event.proposalId());
    }

    @EventHandler
    void on(ModuleProposalDeclined event) {
        closeProposal(event.proposalId());
    }

    @EventHandler
    void on(ModuleProposalWithdrawn event) {
        closeProposal(event.proposalId());
    }

    @ResetHandler
    void reset() {
        jdbc.sql("TRUNCATE open_nomination, lead_vacancy, open_module_proposal").update();
    }

    /** The open nomination about this person and seat, if any. */
    public Optional<String> openNomination(String personId, String role, String moduleId) {
        return jdbc.sql("SELECT nomination_id FROM open_nomination WHERE person_id = ? AND role = ? AND module_id = ?")
                .params(personId, role, moduleId == null ? "" : moduleId).query(String.class).optional();
    }

    /** Why this service vacated the lead seat, for a vacancy it decided. */
    public Optional<VacancyReason> vacancyReason(String vacancyId) {
        return jdbc.sql("SELECT reason FROM lead_vacancy WHERE vacancy_id = ?").param(vacancyId)
                .query(String.class).optional().map(VacancyReason::valueOf);
    }

    private void closeProposal(String proposalId) {
        jdbc.sql("DELETE FROM open_module_proposal WHERE proposal_id = ?").param(proposalId).update();
    }

    private void close(String nominationId) {
        jdbc.sql("DELETE FROM open_nomination WHERE nomination_id = ?").param(nominationId).update();
    }
}
