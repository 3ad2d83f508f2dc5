-- The test app's projection: one row per member, with the number of its events applied (exactly once each).
CREATE TABLE member_directory (
    member_id   VARCHAR(64) PRIMARY KEY,
    affiliation VARCHAR(200),
    events      INTEGER NOT NULL
);
