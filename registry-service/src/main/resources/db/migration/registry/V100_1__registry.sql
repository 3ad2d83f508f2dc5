-- registry-service: its projections. The event store and platform tables come from the platform's migrations.

-- Registered persons, maintained in the same transaction as the events (subscribing processor) for
-- command-side checks (R2: only registered individuals hold seats).
CREATE TABLE person_directory (
    person_id    VARCHAR(39)  PRIMARY KEY,
    display_name VARCHAR(200) NOT NULL
);

-- The roster projection (tracking processor "roster", replayable). Every row that changes over time has a
-- validity interval [valid_from, valid_to) so any query can be answered as of a past instant.
CREATE TABLE person (
    person_id     VARCHAR(39)  PRIMARY KEY,
    display_name  VARCHAR(200) NOT NULL,
    affiliation   VARCHAR(200),
    registered_at TIMESTAMPTZ  NOT NULL
);

CREATE TABLE affiliation_period (
    person_id   VARCHAR(39)  NOT NULL,
    affiliation VARCHAR(200),
    valid_from  TIMESTAMPTZ  NOT NULL,
    valid_to    TIMESTAMPTZ
);
CREATE INDEX affiliation_period_person ON affiliation_period (person_id, valid_from);

CREATE TABLE conflict_of_interest (
    conflict_id       VARCHAR(100) PRIMARY KEY,
    person_id         VARCHAR(39)  NOT NULL,
    other_person_id   VARCHAR(39)  NOT NULL,
    kind              VARCHAR(20)  NOT NULL,
    description       TEXT,
    declared_at       TIMESTAMPTZ  NOT NULL,
    withdrawn_at      TIMESTAMPTZ,
    withdrawal_reason TEXT
);
CREATE INDEX conflict_person ON conflict_of_interest (person_id);
CREATE INDEX conflict_other_person ON conflict_of_interest (other_person_id);

CREATE TABLE module_version (
    module_id              VARCHAR(64)  NOT NULL,
    valid_from             TIMESTAMPTZ  NOT NULL,
    valid_to               TIMESTAMPTZ,
    name                   VARCHAR(200) NOT NULL,
    kind                   VARCHAR(20)  NOT NULL,
    location               VARCHAR(300) NOT NULL,
    description            TEXT,
    status                 VARCHAR(10)  NOT NULL,
    decision_method        VARCHAR(20)  NOT NULL,
    decision_threshold     DOUBLE PRECISION,
    decision_base          VARCHAR(20),
    decision_quorum        DOUBLE PRECISION,
    nomination_process     VARCHAR(20)  NOT NULL,
    inactivity_period_days INTEGER      NOT NULL,
    PRIMARY KEY (module_id, valid_from)
);

CREATE TABLE publication (
    publication_id VARCHAR(100)  PRIMARY KEY,
    module_id      VARCHAR(64)   NOT NULL,
    kind           VARCHAR(30)   NOT NULL,
    title          VARCHAR(300)  NOT NULL,
    url            VARCHAR(2000) NOT NULL,
    published_on   DATE          NOT NULL,
    added_by       VARCHAR(100),
    added_at       TIMESTAMPTZ   NOT NULL
);
CREATE INDEX publication_module ON publication (module_id, published_on DESC);

-- A seat held (status HELD) or emeritus status (status EMERITUS) over an interval, with the decisions that
-- began and ended it. module_id is '' for the core maintainers and the lead.
CREATE TABLE seat (
    seat_id          BIGSERIAL    PRIMARY KEY,
    person_id        VARCHAR(39)  NOT NULL,
    role             VARCHAR(20)  NOT NULL,
    module_id        VARCHAR(64)  NOT NULL DEFAULT '',
    status           VARCHAR(10)  NOT NULL,
    valid_from       TIMESTAMPTZ  NOT NULL,
    valid_to         TIMESTAMPTZ,
    start_source     VARCHAR(100),
    start_event_type VARCHAR(100),
    start_event_id   VARCHAR(100),
    start_reference  VARCHAR(200),
    end_source       VARCHAR(100),
    end_event_type   VARCHAR(100),
    end_event_id     VARCHAR(100),
    end_reference    VARCHAR(200),
    end_reason       VARCHAR(30)
);
CREATE INDEX seat_person ON seat (person_id, valid_from);
CREATE INDEX seat_role ON seat (role, module_id, valid_from);
