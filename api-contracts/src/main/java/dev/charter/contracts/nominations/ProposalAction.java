package dev.charter.contracts.nominations;

/** What a module proposal does (R15). */
public enum ProposalAction {
    ADD, RESCOPE, RETIRE
}
