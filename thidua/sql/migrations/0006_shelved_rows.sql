-- Migration 6.
-- Rows a later import takes the place of are kept aside, not deleted: a corrected scoring
-- sheet (same bloc and year) or a corrected decision list displaces the earlier rows, and
-- undoing the correction brings them back with their batch «đang dùng» again. Each shelf
-- holds its table's columns after `shelved_by`, the batch that displaced them; a migration
-- that changes one of these tables changes its shelf the same way.
CREATE TABLE IF NOT EXISTS shelved_award AS SELECT NULL::BIGINT AS shelved_by, * FROM award LIMIT 0;
CREATE TABLE IF NOT EXISTS shelved_bloc_scores AS SELECT NULL::BIGINT AS shelved_by, * FROM bloc_scores LIMIT 0;
CREATE TABLE IF NOT EXISTS shelved_bloc_members AS SELECT NULL::BIGINT AS shelved_by, * FROM bloc_members LIMIT 0;
CREATE TABLE IF NOT EXISTS shelved_campaigns AS SELECT NULL::BIGINT AS shelved_by, * FROM campaigns LIMIT 0;
