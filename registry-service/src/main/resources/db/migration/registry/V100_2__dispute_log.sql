-- The registry's copy of the disputes stream (charter.disputes.v1), as far as a module's page and the maintainers
-- page show it (R6): the disputes about each group's decisions and the vetoes of them, with where they stand.
CREATE TABLE module_dispute (
    dispute_id           VARCHAR(100) PRIMARY KEY,
    respondent_module_id VARCHAR(64)  NOT NULL,
    disputant_module_id  VARCHAR(64)  NOT NULL,
    disputed_by          VARCHAR(39)  NOT NULL,
    decision_summary     TEXT         NOT NULL,
    status               VARCHAR(20)  NOT NULL,
    opened_at            TIMESTAMPTZ  NOT NULL
);
CREATE INDEX module_dispute_respondent ON module_dispute (respondent_module_id, opened_at);
CREATE INDEX module_dispute_disputant ON module_dispute (disputant_module_id, opened_at);

CREATE TABLE module_veto (
    veto_id          VARCHAR(100) PRIMARY KEY,
    module_id        VARCHAR(64)  NOT NULL,
    decision_summary TEXT         NOT NULL,
    status           VARCHAR(20)  NOT NULL,
    proposed_at      TIMESTAMPTZ  NOT NULL
);
CREATE INDEX module_veto_module ON module_veto (module_id, proposed_at);
