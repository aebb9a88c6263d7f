-- Migration 1: the warehouse as it stood when migrations were numbered (every statement
-- idempotent, so a warehouse made before then takes it as it is). Tables are the
-- importer's; the documented, stable interface for analysts is views.sql (README "SQL views").
-- The warehouse's own facts: its schema version (thidua/migrations.py), the fingerprints of
-- the views and the reference lists, whether the pre-aggregated tables are current.
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
CREATE TABLE IF NOT EXISTS unit_aliases (
    alias       VARCHAR PRIMARY KEY,
    unit_name   VARCHAR COLLATE vi NOT NULL,
    created_by  VARCHAR,
    created_at  TIMESTAMP NOT NULL DEFAULT current_timestamp
);
