-- Migration 5.
-- An award's type (loại hình) may be unknown: a decision list with no type column says
-- nothing of it. Before, such awards were stored as 'regular', so the ad-hoc share of
-- those years read 0 % where the truth is «chưa có dữ liệu». Awards already stored keep
-- their type (what a file said cannot be told apart now); re-importing a file without a
-- type column stores NULL.
ALTER TABLE award ALTER COLUMN award_type DROP NOT NULL;
