-- Search indexes for the queries people use (issue 16): events by place, period, topics, format, status and
-- participant; tickets by place, status, tools and helper. Places are kept as latitude, longitude and the
-- GeoGrid cell (0.5 degree squares): a query reads the cells covering its circle within its bounding box, then
-- keeps the rows at most the radius away by the exact great-circle distance. Rows stored before this version are
-- indexed by JdbcStore when it starts (search_indexed = FALSE until then).

ALTER TABLE sn_event ADD COLUMN status VARCHAR(16);
ALTER TABLE sn_event ADD COLUMN lat DOUBLE PRECISION;
ALTER TABLE sn_event ADD COLUMN lon DOUBLE PRECISION;
ALTER TABLE sn_event ADD COLUMN geo_cell INT;
ALTER TABLE sn_event ADD COLUMN online BOOLEAN DEFAULT FALSE NOT NULL;
ALTER TABLE sn_event ADD COLUMN on_bus BOOLEAN DEFAULT FALSE NOT NULL;
ALTER TABLE sn_event ADD COLUMN audience_academie VARCHAR(16);
ALTER TABLE sn_event ADD COLUMN audience_departement VARCHAR(3);
ALTER TABLE sn_event ADD COLUMN search_indexed BOOLEAN DEFAULT FALSE NOT NULL;
CREATE INDEX sn_event_cell ON sn_event (geo_cell, start_at);
CREATE INDEX sn_event_online ON sn_event (online, start_at);
CREATE INDEX sn_event_unindexed ON sn_event (search_indexed);

-- tools ("t:<id>") and themes ("h:<slug>") of each event
CREATE TABLE sn_event_topic (
    event        VARCHAR(128) NOT NULL,
    topic        VARCHAR(130) NOT NULL,
    PRIMARY KEY (event, topic)
);
CREATE INDEX sn_event_topic_topic ON sn_event_topic (topic, event);

-- organisers (O), registrants (R) and waiting members (W) of each event, with its start for "my events"
CREATE TABLE sn_event_member (
    event        VARCHAR(128) NOT NULL,
    member       VARCHAR(128) NOT NULL,
    role         CHAR(1)      NOT NULL,
    start_at     BIGINT       NOT NULL,
    PRIMARY KEY (event, member)
);
CREATE INDEX sn_event_member_member ON sn_event_member (member, start_at, event);

ALTER TABLE sn_ticket ADD COLUMN status VARCHAR(24);
ALTER TABLE sn_ticket ADD COLUMN lat DOUBLE PRECISION;
ALTER TABLE sn_ticket ADD COLUMN lon DOUBLE PRECISION;
ALTER TABLE sn_ticket ADD COLUMN geo_cell INT;
ALTER TABLE sn_ticket ADD COLUMN search_indexed BOOLEAN DEFAULT FALSE NOT NULL;
CREATE INDEX sn_ticket_cell ON sn_ticket (geo_cell, awaiting, opened_at);
CREATE INDEX sn_ticket_opened ON sn_ticket (opened_at);
CREATE INDEX sn_ticket_unindexed ON sn_ticket (search_indexed);

-- tools ("t:<id>") and themes ("h:<slug>") of each ticket
CREATE TABLE sn_ticket_topic (
    ticket       VARCHAR(128) NOT NULL,
    topic        VARCHAR(130) NOT NULL,
    PRIMARY KEY (ticket, topic)
);
CREATE INDEX sn_ticket_topic_topic ON sn_ticket_topic (topic, ticket);

-- helpers who offered help on each ticket, with its opening time for "my offers"
CREATE TABLE sn_ticket_helper (
    ticket       VARCHAR(128) NOT NULL,
    helper       VARCHAR(128) NOT NULL,
    opened_at    BIGINT       NOT NULL,
    PRIMARY KEY (ticket, helper)
);
CREATE INDEX sn_ticket_helper_helper ON sn_ticket_helper (helper, opened_at, ticket);
