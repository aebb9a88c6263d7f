-- The reviews of double awards (etl/doubles.py): a pair said to be two different recipients.

-- name: drop_review
DELETE FROM award_pair_reviews WHERE pair_key = ?;

-- name: add_review
INSERT INTO award_pair_reviews (pair_key, unit_name, verdict, note, reviewed_by, reviewed_at)
VALUES (?, ?, 'different', ?, ?, timezone('UTC', current_timestamp));
