-- Establishment campaigns (concerns, workshops, experiments).
CREATE TABLE sn_campaign (
    id            VARCHAR(128) PRIMARY KEY,
    establishment VARCHAR(8)   NOT NULL,
    version       BIGINT       NOT NULL,
    doc           TEXT         NOT NULL
);
CREATE INDEX sn_campaign_establishment ON sn_campaign (establishment);
