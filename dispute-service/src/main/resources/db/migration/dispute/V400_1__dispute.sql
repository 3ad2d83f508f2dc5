-- dispute-service: its copies of the voting, nominations and registry streams (the module-level decisions it can
-- name), and its projections. The event store, the deadlines' scheduled_tasks, the platform tables and the roster
-- copy (roster_*) come from the platform's migrations. No foreign keys: the copies are filled from several Kafka
-- partitions, in no guaranteed order across them.

-- Every ballot of the voting stream, as far as this service needs it: what it asked of which body, and how it
-- ended. A closed motion of a module's group is a module-level decision (R4); the ballots this service requested
-- are found here by id when voting-service refers a tie to the lead (R8).
CREATE TABLE voting_ballot (
    ballot_id    VARCHAR(120) PRIMARY KEY,
    request_id   VARCHAR(300) NOT NULL,
    subject_kind VARCHAR(100) NOT NULL,
    subject_id   VARCHAR(300) NOT NULL,
    body         VARCHAR(40)  NOT NULL,
    module_id    VARCHAR(64),
    question     TEXT         NOT NULL,
    status       VARCHAR(20)  NOT NULL,
    outcome      VARCHAR(20)
);

-- Nominations of the nominations stream with their deciding body: one decided by a module's own group (R9) is a
-- module-level decision.
CREATE TABLE nomination_body (
    nomination_id VARCHAR(100) PRIMARY KEY,
    kind          VARCHAR(20)  NOT NULL,
    person_id     VARCHAR(39)  NOT NULL,
    module_id     VARCHAR(64),
    body          VARCHAR(40)  NOT NULL
);

-- Each module's group settings as the registry last published them, so that a change's previous value is known.
CREATE TABLE module_settings (
    module_id              VARCHAR(64) PRIMARY KEY,
    decision_rule          TEXT        NOT NULL,
    nomination_process     VARCHAR(20) NOT NULL,
    inactivity_period_days INTEGER     NOT NULL
);

-- The module-level decisions a dispute (R5) or a veto (R7) may name (DESIGN §7), in the order they were taken.
CREATE TABLE module_decision (
    seq             BIGSERIAL     UNIQUE,
    decision_id     VARCHAR(200)  PRIMARY KEY,
    kind            VARCHAR(30)   NOT NULL,
    module_id       VARCHAR(64)   NOT NULL,
    decided_at      TIMESTAMPTZ   NOT NULL,
    source          VARCHAR(100)  NOT NULL,
    event_type      VARCHAR(100),
    event_id        VARCHAR(255),
    reference       VARCHAR(2000),
    summary         TEXT          NOT NULL,
    url             VARCHAR(2000),
    person_id       VARCHAR(39),
    outcome         VARCHAR(20),
    settings_before TEXT,
    settings_after  TEXT
);
CREATE INDEX module_decision_module ON module_decision (module_id, seq);

-- Projection of disputes (tracking processor "disputes", replayable: a reset empties the table).
CREATE TABLE dispute (
    seq                  BIGSERIAL     UNIQUE,
    dispute_id           VARCHAR(100)  PRIMARY KEY,
    decision_id          VARCHAR(200)  NOT NULL,
    decision             TEXT          NOT NULL,
    respondent_module_id VARCHAR(64)   NOT NULL,
    disputant_module_id  VARCHAR(64)   NOT NULL,
    disputed_by          VARCHAR(39)   NOT NULL,
    statement            TEXT          NOT NULL,
    links                TEXT          NOT NULL,
    status               VARCHAR(20)   NOT NULL,
    opened_at            TIMESTAMPTZ   NOT NULL,
    response_window      VARCHAR(40)   NOT NULL,
    response_due_at      TIMESTAMPTZ   NOT NULL,
    rules_version        VARCHAR(200),
    answered_by          VARCHAR(39),
    explanation          TEXT,
    arguments            TEXT,
    resolution           TEXT,
    answered_at          TIMESTAMPTZ,
    accepted_by          VARCHAR(39),
    resolved_at          TIMESTAMPTZ,
    escalated_by         VARCHAR(100),
    escalation_reason    TEXT,
    escalated_by_itself  BOOLEAN,
    escalated_at         TIMESTAMPTZ,
    ballot               TEXT,
    ruling_outcome       VARCHAR(20),
    ruling_reasoning     TEXT,
    ruled_by             VARCHAR(39),
    ruled_at             TIMESTAMPTZ,
    ruling_rules_version VARCHAR(200),
    withdrawn_by         VARCHAR(39),
    withdrawal_reason    TEXT,
    withdrawn_at         TIMESTAMPTZ
);
CREATE INDEX dispute_respondent ON dispute (respondent_module_id, seq);
CREATE INDEX dispute_disputant ON dispute (disputant_module_id, seq);
CREATE INDEX dispute_decision ON dispute (decision_id);
CREATE INDEX dispute_status ON dispute (status, seq);

-- Projection of vetoes (tracking processor "vetoes", replayable).
CREATE TABLE veto (
    seq                BIGSERIAL     UNIQUE,
    veto_id            VARCHAR(100)  PRIMARY KEY,
    decision_id        VARCHAR(200)  NOT NULL,
    decision           TEXT          NOT NULL,
    module_id          VARCHAR(64)   NOT NULL,
    proposed_by        VARCHAR(39)   NOT NULL,
    proposal_reasoning TEXT          NOT NULL,
    veto_window        VARCHAR(40)   NOT NULL,
    window_ends_at     TIMESTAMPTZ   NOT NULL,
    proposed_at        TIMESTAMPTZ   NOT NULL,
    status             VARCHAR(20)   NOT NULL,
    ballot             TEXT          NOT NULL,
    outcome            VARCHAR(20),
    reasoning          TEXT,
    decided_by         VARCHAR(39),
    decided_at         TIMESTAMPTZ,
    rules_version      VARCHAR(200)
);
CREATE INDEX veto_module ON veto (module_id, seq);
CREATE INDEX veto_decision ON veto (decision_id);
CREATE INDEX veto_status ON veto (status, seq);

-- Projection of controversial-change proposals (tracking processor "change-proposals", replayable), with one row
-- per affected module for filtering.
CREATE TABLE change_proposal (
    seq               BIGSERIAL     UNIQUE,
    proposal_id       VARCHAR(100)  PRIMARY KEY,
    kind              VARCHAR(40)   NOT NULL,
    title             TEXT          NOT NULL,
    summary           TEXT          NOT NULL,
    affected_modules  TEXT          NOT NULL,
    discussion_issue  VARCHAR(2000) NOT NULL,
    proposed_by       VARCHAR(39)   NOT NULL,
    proposed_at       TIMESTAMPTZ   NOT NULL,
    status            VARCHAR(20)   NOT NULL,
    rules_version     VARCHAR(200),
    approvals         TEXT          NOT NULL,
    verdict           VARCHAR(20),
    reasoning         TEXT,
    decided_by        VARCHAR(39),
    decided_at        TIMESTAMPTZ,
    result_rules_version VARCHAR(200),
    withdrawn_by      VARCHAR(39),
    withdrawal_reason TEXT,
    withdrawn_at      TIMESTAMPTZ
);
CREATE INDEX change_proposal_status ON change_proposal (status, seq);

CREATE TABLE change_proposal_module (
    proposal_id VARCHAR(100) NOT NULL,
    module_id   VARCHAR(64)  NOT NULL,
    PRIMARY KEY (proposal_id, module_id)
);
CREATE INDEX change_proposal_module_module ON change_proposal_module (module_id);
