CREATE TABLE member_name (
    member_id VARCHAR(100) PRIMARY KEY,
    name      VARCHAR(100) NOT NULL
);
