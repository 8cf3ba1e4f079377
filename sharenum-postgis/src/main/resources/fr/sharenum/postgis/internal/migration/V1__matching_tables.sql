-- The PostGIS matching engine's tables. Every name is qualified: the engine never relies on the
-- connection's search_path, so a pooled connection set up for something else still works.
--
-- Members are located at their establishment, so positions live in a small table of sites (an
-- establishment at a position, ~60,000 for France) with the GiST index; skills and follows carry
-- their member's site id and are indexed by (tool or topic, site). A query walks the sites in the
-- search boxes (GiST) and probes each one's skills (B-tree, index-only): cost ~ sites in the boxes
-- plus hits, never the members of the area who lack the tool.

-- Sites are append-only: a row is never updated nor deleted, so a site id read by one transaction
-- stays valid for every other (an establishment that moves gets a new site; the old one stays, unused).
CREATE TABLE ${sn_schema}.sn_match_site (
    id   integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    uai  text COLLATE "C" NOT NULL,
    lat  double precision NOT NULL,
    lon  double precision NOT NULL,
    pos  ${sn_postgis}.geometry(Point, 4326) NOT NULL,
    CONSTRAINT sn_match_site_key UNIQUE (uai, lat, lon)
);
CREATE INDEX sn_match_site_pos ON ${sn_schema}.sn_match_site USING gist (pos);

-- One row per member given to the engine. fingerprint: SHA-256 of the candidate's canonical encoding,
-- so an upsert that changes nothing is recognised with one indexed read and writes nothing.
CREATE TABLE ${sn_schema}.sn_match_member (
    member_id   text COLLATE "C" PRIMARY KEY,
    site_id     integer NOT NULL REFERENCES ${sn_schema}.sn_match_site (id),
    fingerprint bytea NOT NULL
);

-- level: CompetenceLevel ordinal (0 novice, 1 intermediate, 2 experienced).
CREATE TABLE ${sn_schema}.sn_match_skill (
    member_id text COLLATE "C" NOT NULL,
    tool      text COLLATE "C" NOT NULL,
    level     smallint NOT NULL CHECK (level BETWEEN 0 AND 2),
    site_id   integer NOT NULL,
    PRIMARY KEY (member_id, tool)
);
CREATE INDEX sn_match_skill_by_tool ON ${sn_schema}.sn_match_skill (tool, site_id, level) INCLUDE (member_id);

-- topic: 'tool:<tool id>' or 'theme:<theme>' (slugs never hold ':').
CREATE TABLE ${sn_schema}.sn_match_follow (
    member_id text COLLATE "C" NOT NULL,
    topic     text COLLATE "C" NOT NULL,
    site_id   integer NOT NULL,
    PRIMARY KEY (member_id, topic)
);
CREATE INDEX sn_match_follow_by_topic ON ${sn_schema}.sn_match_follow (topic, site_id) INCLUDE (member_id);

-- One candidate, one round trip, one transaction. Returns 0 when nothing was written (the stored
-- candidate already had this fingerprint, possibly written a moment ago by another instance), 1 otherwise.
-- Needs READ COMMITTED (PostgreSQL's default): each statement sees what concurrent writers committed.
CREATE FUNCTION ${sn_schema}.sn_match_upsert(p_member text, p_uai text, p_lat double precision,
        p_lon double precision, p_fingerprint bytea, p_tools text[], p_levels smallint[], p_topics text[])
    RETURNS integer LANGUAGE plpgsql AS $$
DECLARE
    v_site integer;
    v_fingerprint bytea;
BEGIN
    SELECT fingerprint INTO v_fingerprint FROM ${sn_schema}.sn_match_member WHERE member_id = p_member;
    IF v_fingerprint = p_fingerprint THEN
        RETURN 0;
    END IF;
    SELECT id INTO v_site FROM ${sn_schema}.sn_match_site WHERE uai = p_uai AND lat = p_lat AND lon = p_lon;
    IF v_site IS NULL THEN
        INSERT INTO ${sn_schema}.sn_match_site (uai, lat, lon, pos)
            VALUES (p_uai, p_lat, p_lon, ${sn_postgis}.ST_SetSRID(${sn_postgis}.ST_MakePoint(p_lon, p_lat), 4326))
            ON CONFLICT (uai, lat, lon) DO NOTHING
            RETURNING id INTO v_site;
        IF v_site IS NULL THEN -- a concurrent writer inserted it first: this statement sees its commit
            SELECT id INTO v_site FROM ${sn_schema}.sn_match_site WHERE uai = p_uai AND lat = p_lat AND lon = p_lon;
        END IF;
        IF v_site IS NULL THEN
            RAISE EXCEPTION 'site % (%, %) is not visible: the PostGIS matching engine needs READ COMMITTED', p_uai, p_lat, p_lon;
        END IF;
    END IF;
    INSERT INTO ${sn_schema}.sn_match_member AS m (member_id, site_id, fingerprint)
        VALUES (p_member, v_site, p_fingerprint)
        ON CONFLICT (member_id) DO UPDATE SET site_id = EXCLUDED.site_id, fingerprint = EXCLUDED.fingerprint
        WHERE m.fingerprint <> EXCLUDED.fingerprint;
    IF NOT FOUND THEN
        RETURN 0;
    END IF;
    DELETE FROM ${sn_schema}.sn_match_skill WHERE member_id = p_member;
    INSERT INTO ${sn_schema}.sn_match_skill (member_id, tool, level, site_id)
        SELECT p_member, t, l, v_site FROM unnest(p_tools, p_levels) AS u(t, l);
    DELETE FROM ${sn_schema}.sn_match_follow WHERE member_id = p_member;
    INSERT INTO ${sn_schema}.sn_match_follow (member_id, topic, site_id)
        SELECT p_member, t, v_site FROM unnest(p_topics) AS u(t);
    RETURN 1;
END
$$;
