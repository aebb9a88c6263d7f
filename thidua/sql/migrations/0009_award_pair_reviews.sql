-- Migration 9.
-- Double awards (issue 23): a pair of awards that look like the same award to the same
-- recipient for the same achievement, which an analyst looked at and said are two different
-- people (or collectives). pair_key names the pair by what the two rows say (folded name,
-- unit, award, decisions, years), not by their ids, so it outlives an undo and re-import.
CREATE TABLE IF NOT EXISTS award_pair_reviews (
    pair_key     VARCHAR PRIMARY KEY,
    unit_name    VARCHAR COLLATE vi,
    verdict      VARCHAR NOT NULL CHECK (verdict IN ('different')),
    note         VARCHAR,
    reviewed_by  VARCHAR NOT NULL,
    reviewed_at  TIMESTAMP NOT NULL DEFAULT current_timestamp
);
