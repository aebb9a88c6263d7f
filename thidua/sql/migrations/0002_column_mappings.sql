-- Migration 2.
-- What an analyst said a sheet's columns hold, remembered for the same header set (the
-- folded header texts): the next file laid out the same way is read the same way, and
-- the upload page says so. Written with the import that used it.
CREATE TABLE IF NOT EXISTS column_mappings (
    header_key  VARCHAR PRIMARY KEY,
    mapping     VARCHAR NOT NULL,  -- JSON: grid column -> field ("" leaves it out)
    saved_by    VARCHAR,
    saved_at    TIMESTAMP NOT NULL DEFAULT current_timestamp
);
