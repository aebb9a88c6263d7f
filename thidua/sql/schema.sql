-- The warehouse. Tables are the importer's; the views at the end are the
-- documented, stable interface for analysts (README "SQL views").
-- The warehouse's own facts: the fingerprints of this schema and of the reference lists,
-- and whether the pre-aggregated tables are current (thidua/db.py).
CREATE TABLE IF NOT EXISTS meta (key VARCHAR PRIMARY KEY, value VARCHAR);
CREATE TABLE IF NOT EXISTS ref_award_form (
    code        VARCHAR PRIMARY KEY,
    name_vi     VARCHAR NOT NULL,
    name_en     VARCHAR NOT NULL,
    recipients  VARCHAR NOT NULL CHECK (recipients IN ('individual', 'collective', 'both')),
    level       VARCHAR NOT NULL CHECK (level IN ('state', 'province', 'unit')),
    sort_order  INTEGER NOT NULL
);
CREATE TABLE IF NOT EXISTS ref_award_type (
    code        VARCHAR PRIMARY KEY,
    name_vi     VARCHAR NOT NULL,
    sort_order  INTEGER NOT NULL
);
CREATE TABLE IF NOT EXISTS ref_recipient_kind (
    code        VARCHAR PRIMARY KEY,
    name_vi     VARCHAR NOT NULL
);
CREATE TABLE IF NOT EXISTS position_rules (
    rule_id     VARCHAR PRIMARY KEY,
    is_leader   BOOLEAN NOT NULL,
    pattern     VARCHAR NOT NULL,
    label       VARCHAR NOT NULL,
    sort_order  INTEGER NOT NULL
);
CREATE TABLE IF NOT EXISTS units (
    unit_code       VARCHAR PRIMARY KEY,
    name            VARCHAR COLLATE vi NOT NULL,
    kind            VARCHAR NOT NULL CHECK (kind IN ('department', 'district')),
    valid_from      DATE,
    valid_to        DATE,
    successor_code  VARCHAR
);
CREATE SEQUENCE IF NOT EXISTS batch_seq START 1;
CREATE TABLE IF NOT EXISTS import_batches (
    batch_id     INTEGER PRIMARY KEY,
    file_name    VARCHAR NOT NULL,
    sha256       VARCHAR NOT NULL,
    layout       VARCHAR NOT NULL,
    sheet        VARCHAR,
    encoding     VARCHAR,
    rows         INTEGER NOT NULL,
    imported_at  TIMESTAMP NOT NULL DEFAULT current_timestamp
);
-- Who and what became of each batch (history and undo); added to older warehouses in place.
ALTER TABLE import_batches ADD COLUMN IF NOT EXISTS imported_by VARCHAR;
ALTER TABLE import_batches ADD COLUMN IF NOT EXISTS status VARCHAR DEFAULT 'active';
ALTER TABLE import_batches ADD COLUMN IF NOT EXISTS replaced_by INTEGER;
ALTER TABLE import_batches ADD COLUMN IF NOT EXISTS undone_by VARCHAR;
ALTER TABLE import_batches ADD COLUMN IF NOT EXISTS undone_at TIMESTAMP;
CREATE TABLE IF NOT EXISTS blocs (
    year        INTEGER NOT NULL,
    bloc_name   VARCHAR COLLATE vi NOT NULL,
    bloc_kind   VARCHAR NOT NULL CHECK (bloc_kind IN ('bloc', 'cluster')),
    PRIMARY KEY (year, bloc_name)
);
CREATE TABLE IF NOT EXISTS bloc_members (
    year        INTEGER NOT NULL,
    bloc_name   VARCHAR COLLATE vi NOT NULL,
    unit_name   VARCHAR COLLATE vi NOT NULL,
    role        VARCHAR NOT NULL CHECK (role IN ('head', 'deputy', 'member')),
    batch_id    INTEGER NOT NULL,
    source_row  INTEGER NOT NULL,
    PRIMARY KEY (year, bloc_name, unit_name)
);
CREATE TABLE IF NOT EXISTS campaigns (
    campaign_code          VARCHAR PRIMARY KEY,
    issued_on              DATE,
    name                   VARCHAR NOT NULL,
    kind                   VARCHAR NOT NULL CHECK (kind IN ('regular', 'thematic', 'special')),
    start_date             DATE,
    end_date               DATE,
    registration_deadline  DATE,
    slogan                 VARCHAR,
    batch_id               INTEGER NOT NULL,
    source_row             INTEGER NOT NULL
);
CREATE SEQUENCE IF NOT EXISTS award_seq START 1;
-- award_id comes from award_seq only, so it is unique without an index: the primary key's
-- index cost an import of 100k rows 30-100 ms and nothing looks an award up by its id.
-- (Warehouses made before keep the key; both work.)
CREATE TABLE IF NOT EXISTS award (
    award_id          BIGINT NOT NULL,
    batch_id          INTEGER NOT NULL,
    source_row        INTEGER NOT NULL,
    year              INTEGER NOT NULL,
    decision_no       VARCHAR,
    decision_date     DATE,
    form_code         VARCHAR NOT NULL,
    form_text         VARCHAR NOT NULL,
    form_detail       VARCHAR,
    award_type        VARCHAR NOT NULL,
    recipient_kind    VARCHAR NOT NULL CHECK (recipient_kind IN ('individual', 'collective', 'household')),
    recipient_name    VARCHAR NOT NULL,
    position          VARCHAR,
    is_leader         BOOLEAN,
    leader_rule       VARCHAR,
    gender            VARCHAR CHECK (gender IN ('F', 'M')),
    unit_name         VARCHAR COLLATE vi,
    achievement_year  INTEGER,
    campaign_code     VARCHAR
);
CREATE TABLE IF NOT EXISTS bloc_scores (
    year         INTEGER NOT NULL,
    bloc_name    VARCHAR COLLATE vi NOT NULL,
    unit_name    VARCHAR COLLATE vi NOT NULL,
    self_score   DOUBLE,
    bloc_score   DOUBLE,
    bonus        DOUBLE,
    penalty      DOUBLE,
    total_score  DOUBLE NOT NULL,
    rank         INTEGER NOT NULL,
    batch_id     INTEGER NOT NULL,
    source_row   INTEGER NOT NULL,
    PRIMARY KEY (year, bloc_name, unit_name)
);

CREATE OR REPLACE VIEW awards AS
SELECT
    a.award_id, a.year, a.decision_no, a.decision_date,
    a.form_code, f.name_vi AS form_name, f.level AS form_level, a.form_detail, a.form_text,
    a.award_type, a.recipient_kind, a.recipient_name, a.position, a.is_leader, a.leader_rule,
    a.gender, a.unit_name, a.achievement_year, a.campaign_code,
    b.file_name AS source_file, a.source_row, a.batch_id
FROM award AS a
JOIN ref_award_form AS f ON f.code = a.form_code
JOIN import_batches AS b ON b.batch_id = a.batch_id;

CREATE OR REPLACE VIEW bloc_results AS
SELECT
    s.year, s.bloc_name, coalesce(g.bloc_kind, CASE WHEN s.bloc_name ILIKE 'Cụm%' THEN 'cluster' ELSE 'bloc' END) AS bloc_kind,
    s.unit_name, m.role, s.self_score, s.bloc_score, s.bonus, s.penalty, s.total_score, s.rank,
    s.batch_id
FROM bloc_scores AS s
LEFT JOIN blocs AS g ON g.year = s.year AND g.bloc_name = s.bloc_name
LEFT JOIN bloc_members AS m
    ON m.year = s.year AND m.bloc_name = s.bloc_name AND m.unit_name = s.unit_name;

-- What an analyst said a sheet's columns hold, remembered for the same header set (the
-- folded header texts): the next file laid out the same way is read the same way, and
-- the upload page says so. Written with the import that used it.
CREATE TABLE IF NOT EXISTS column_mappings (
    header_key  VARCHAR PRIMARY KEY,
    mapping     VARCHAR NOT NULL,  -- JSON: grid column -> field ("" leaves it out)
    saved_by    VARCHAR,
    saved_at    TIMESTAMP NOT NULL DEFAULT current_timestamp
);
CREATE TABLE IF NOT EXISTS unit_aliases (
    alias       VARCHAR PRIMARY KEY,
    unit_name   VARCHAR COLLATE vi NOT NULL,
    created_by  VARCHAR,
    created_at  TIMESTAMP NOT NULL DEFAULT current_timestamp
);
