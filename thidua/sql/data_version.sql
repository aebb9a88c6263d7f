SELECT count(*) AS batches, max(imported_at) AS last_import, sum(rows) AS rows FROM import_batches
