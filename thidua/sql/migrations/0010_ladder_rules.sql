-- Migration 10.
-- The eligibility ladder (issue 23): which award a run of earlier awards makes a recipient a
-- candidate for, with the article it comes from — a changed rule is a row, not code. Seeded
-- from data/reference/ladder_rules.csv into an empty table; after that the admins keep them
-- (Quản trị page, audited), like the position rules.
-- times × step_years: the run (3 × 1: three years running; 2 × 3: two terms of three years).
-- condition: what the warehouse cannot show and a person must check (initiative), or what
-- it checks besides (led_bloc: first of its bloc that year).
CREATE TABLE IF NOT EXISTS ladder_rules (
    rule_id         VARCHAR PRIMARY KEY,
    target_form     VARCHAR NOT NULL,
    source_form     VARCHAR NOT NULL,
    recipient_kind  VARCHAR NOT NULL CHECK (recipient_kind IN ('individual', 'collective')),
    times           INTEGER NOT NULL CHECK (times >= 1),
    step_years      INTEGER NOT NULL CHECK (step_years >= 1),
    condition       VARCHAR CHECK (condition IN ('initiative', 'led_bloc')),
    source          VARCHAR NOT NULL,
    sort_order      INTEGER NOT NULL
);
