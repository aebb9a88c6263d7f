-- Migration 7.
-- A membership list replaces its years' blocs (their names and kinds) as well as their
-- members; the blocs it displaced are kept aside like the members (migration 6), so that
-- undoing the list brings back the blocs as they were, not only their members.
CREATE TABLE IF NOT EXISTS shelved_blocs AS SELECT NULL::BIGINT AS shelved_by, * FROM blocs LIMIT 0;
