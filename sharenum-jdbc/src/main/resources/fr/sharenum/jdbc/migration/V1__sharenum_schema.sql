-- ShareNum schema, version 1. Portable SQL for H2 2.x and PostgreSQL 12+.
-- Each table keeps the record as JSON in "doc" (written by sharenum-json) and, as columns, what the
-- workflows query on, with an index per query. Instants are epoch nanoseconds (BIGINT).

CREATE TABLE sn_establishment (
    uai          VARCHAR(8)   PRIMARY KEY,
    doc          TEXT         NOT NULL
);

CREATE TABLE sn_member (
    id            VARCHAR(128) PRIMARY KEY,
    email         VARCHAR(254) NOT NULL UNIQUE,
    establishment VARCHAR(8)   NOT NULL,
    version       BIGINT       NOT NULL,
    doc           TEXT         NOT NULL
);
CREATE INDEX sn_member_establishment ON sn_member (establishment);

CREATE TABLE sn_verification (
    member       VARCHAR(128) PRIMARY KEY,
    doc          TEXT         NOT NULL
);

CREATE TABLE sn_ticket (
    id           VARCHAR(128) PRIMARY KEY,
    requester    VARCHAR(128) NOT NULL,
    opened_at    BIGINT       NOT NULL,
    awaiting     BOOLEAN      NOT NULL,
    expires_at   BIGINT       NOT NULL,
    version      BIGINT       NOT NULL,
    doc          TEXT         NOT NULL
);
CREATE INDEX sn_ticket_requester ON sn_ticket (requester, opened_at);
CREATE INDEX sn_ticket_expiry ON sn_ticket (awaiting, expires_at);

CREATE TABLE sn_message (
    ticket       VARCHAR(128) NOT NULL,
    seq          BIGINT       NOT NULL,
    doc          TEXT         NOT NULL,
    PRIMARY KEY (ticket, seq)
);

CREATE TABLE sn_availability (
    member       VARCHAR(128) PRIMARY KEY,
    doc          TEXT         NOT NULL
);

CREATE TABLE sn_event (
    id           VARCHAR(128) PRIMARY KEY,
    start_at     BIGINT       NOT NULL,
    end_at       BIGINT       NOT NULL,
    version      BIGINT       NOT NULL,
    doc          TEXT         NOT NULL
);
CREATE INDEX sn_event_start ON sn_event (start_at);
CREATE INDEX sn_event_end ON sn_event (end_at);

CREATE TABLE sn_bus (
    id           VARCHAR(64)  PRIMARY KEY,
    version      BIGINT       NOT NULL,
    doc          TEXT         NOT NULL
);

CREATE TABLE sn_booking (
    event        VARCHAR(128) PRIMARY KEY,
    bus          VARCHAR(64)  NOT NULL REFERENCES sn_bus (id),
    start_at     BIGINT       NOT NULL,
    end_at       BIGINT       NOT NULL,
    doc          TEXT         NOT NULL
);
CREATE INDEX sn_booking_bus ON sn_booking (bus, start_at);
