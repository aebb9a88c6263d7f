-- `recipients` counted again, from every award of theirs, for the people a change touched
-- (touched_recipients: thidua.db.mark_touched) — after a replacement or an undo.
DELETE FROM recipients AS r
USING touched_recipients AS t
WHERE r.recipient_name = t.recipient_name AND r.unit_name IS NOT DISTINCT FROM t.unit_name;
INSERT INTO recipients {recipients};
DROP TABLE touched_recipients;
