-- Badges awarded to helpers (Open Badges 2.0 assertions are built from these rows).
CREATE TABLE sn_badge (
    id           VARCHAR(128) PRIMARY KEY,
    member       VARCHAR(128) NOT NULL,
    badge        VARCHAR(64)  NOT NULL,
    issued_at    BIGINT       NOT NULL,
    doc          TEXT         NOT NULL,
    UNIQUE (member, badge)
);
