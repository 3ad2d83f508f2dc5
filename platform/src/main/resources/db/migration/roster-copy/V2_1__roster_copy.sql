-- A service's copy of the roster (platform roster.RosterCopy, fed from charter.registry.v1), for the services
-- that switch it on (charter.roster-copy.enabled). No foreign keys: the copy is filled from several Kafka
-- partitions, in no guaranteed order across them. Every write is an upsert or a delete of the current state.

CREATE TABLE roster_person (
    person_id    VARCHAR(39)  PRIMARY KEY,
    display_name VARCHAR(200) NOT NULL
);

-- Seats held now: MODULE_MAINTAINER (module_id set), CORE_MAINTAINER and LEAD (module_id '').
CREATE TABLE roster_seat (
    person_id VARCHAR(39) NOT NULL,
    role      VARCHAR(20) NOT NULL,
    module_id VARCHAR(64) NOT NULL DEFAULT '',
    PRIMARY KEY (person_id, role, module_id)
);
CREATE INDEX roster_seat_body ON roster_seat (role, module_id);

-- Modules with their nomination process (R9) and their group's decision rule (R4).
CREATE TABLE roster_module (
    module_id          VARCHAR(64)  PRIMARY KEY,
    name               VARCHAR(200) NOT NULL,
    status             VARCHAR(10)  NOT NULL,
    nomination_process VARCHAR(20)  NOT NULL,
    decision_method    VARCHAR(20)  NOT NULL,
    decision_threshold DOUBLE PRECISION,
    decision_base      VARCHAR(20),
    decision_quorum    DOUBLE PRECISION
);

-- Declared conflicts of interest in force (R10), either direction.
CREATE TABLE roster_conflict (
    conflict_id     VARCHAR(100) PRIMARY KEY,
    person_id       VARCHAR(39)  NOT NULL,
    other_person_id VARCHAR(39)  NOT NULL,
    kind            VARCHAR(20)  NOT NULL,
    description     TEXT
);
CREATE INDEX roster_conflict_person ON roster_conflict (person_id);
CREATE INDEX roster_conflict_other ON roster_conflict (other_person_id);
