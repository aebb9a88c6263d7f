-- Migration 8.
-- The dossier register of the one-stop desk (issue 24): one row per submission of a
-- proposal dossier. A dossier returned for more documents and submitted again keeps its
-- number; each submission has its own received and appointment dates (submission 1, 2…).
-- form_codes: the award codes proposed, comma-separated (ref_award_form.code).
CREATE TABLE IF NOT EXISTS dossiers (
    dossier_no    VARCHAR NOT NULL,
    submission    INTEGER NOT NULL,
    unit_name     VARCHAR COLLATE vi NOT NULL,
    received_on   DATE NOT NULL,
    due_on        DATE NOT NULL,
    returned_on   DATE,
    status        VARCHAR NOT NULL
        CHECK (status IN ('received', 'appraising', 'submitted', 'decided', 'returned', 'rejected')),
    reason        VARCHAR,
    form_codes    VARCHAR,
    forms_text    VARCHAR,
    recipients    INTEGER,
    decision_no   VARCHAR,
    batch_id      INTEGER NOT NULL,
    source_row    INTEGER NOT NULL,
    PRIMARY KEY (dossier_no, submission)
);
CREATE TABLE IF NOT EXISTS shelved_dossiers AS SELECT NULL::BIGINT AS shelved_by, * FROM dossiers LIMIT 0;
-- The days off of the calendar that working days are counted on (public holidays and the
-- days the government moved), and the Saturdays worked in exchange: a reference list kept
-- in data/reference/calendar_days.csv and rewritten from it like the units (thidua.db).
CREATE TABLE IF NOT EXISTS calendar_days (
    day   DATE PRIMARY KEY,
    kind  VARCHAR NOT NULL CHECK (kind IN ('holiday', 'workday')),
    name  VARCHAR NOT NULL
);
