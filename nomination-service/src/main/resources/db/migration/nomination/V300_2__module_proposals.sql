-- R15: module proposals.

-- Command-side directory (subscribing processor "nomination-directory", same transaction as the events): at most
-- one open proposal per module.
CREATE TABLE open_module_proposal (
    module_id   VARCHAR(64)  PRIMARY KEY,
    proposal_id VARCHAR(100) NOT NULL UNIQUE
);

-- Projection of module proposals (tracking processor "module-proposals", replayable: a reset empties the table).
CREATE TABLE module_proposal (
    seq                 BIGSERIAL    UNIQUE,
    proposal_id         VARCHAR(100) PRIMARY KEY,
    action              VARCHAR(10)  NOT NULL,
    module_id           VARCHAR(64)  NOT NULL,
    name                VARCHAR(200),
    kind                VARCHAR(20),
    location            VARCHAR(300),
    description         TEXT,
    ground_work         TEXT         NOT NULL,
    settings            TEXT,
    initial_maintainers TEXT         NOT NULL,
    proposed_by         VARCHAR(39)  NOT NULL,
    status              VARCHAR(20)  NOT NULL,
    submitted_at        TIMESTAMPTZ  NOT NULL,
    ballot_request_id   VARCHAR(200),
    ballot_id           VARCHAR(120),
    reasoning           TEXT,
    decided_by          VARCHAR(39),
    decided_at          TIMESTAMPTZ,
    decision_tally      TEXT,
    rules_version       VARCHAR(100),
    withdrawn_by        VARCHAR(39),
    withdrawal_reason   TEXT,
    withdrawn_at        TIMESTAMPTZ
);
CREATE INDEX module_proposal_module ON module_proposal (module_id);
CREATE INDEX module_proposal_status ON module_proposal (status);
