-- One row per dossier of the register (its submissions taken together), with how and when
-- the office answered it, counted in working days (data/reference/calendar_days.csv:
-- Monday–Friday, less the days off, plus the Saturdays worked in exchange). The one
-- definition of on time (issue 24): a submission answered on or before its appointment
-- date — an appointment that falls on a day off moves to the next working day (Civil Code
-- art. 148) —; a dossier is late when any of its submissions was. $today: the day «open and
-- past its date» is judged on. Filters: the year the dossier was first received, its unit,
-- that unit's bloc that year, a proposed form ({dossier_filters}).
WITH bounds AS (
    SELECT least(min(received_on), CAST($today AS DATE)) AS first_day,
           greatest(max(due_on), max(returned_on), CAST($today AS DATE)) + 31 AS last_day
    FROM dossiers
),
calendar AS (
    SELECT d.day,
           CASE c.kind WHEN 'holiday' THEN FALSE WHEN 'workday' THEN TRUE
                ELSE isodow(d.day) <= 5 END AS working
    FROM (SELECT CAST(unnest(generate_series(first_day, last_day, INTERVAL 1 DAY)) AS DATE) AS day
          FROM bounds WHERE first_day IS NOT NULL) AS d
    LEFT JOIN calendar_days AS c ON c.day = d.day
),
numbered AS (
    -- n: working days up to and including the day; next_working: the day itself when it
    -- is a working day, else the first working day after it.
    SELECT day, working,
           sum(CAST(working AS INTEGER)) OVER (ORDER BY day) AS n,
           first_value(CASE WHEN working THEN day END IGNORE NULLS)
               OVER (ORDER BY day ROWS BETWEEN CURRENT ROW AND UNBOUNDED FOLLOWING) AS next_working
    FROM calendar
),
submission AS (
    SELECT s.dossier_no, s.submission, s.unit_name, s.received_on, s.due_on, s.returned_on,
           s.status, s.reason, s.form_codes, s.forms_text, s.recipients, s.decision_no,
           s.source_row, b.file_name,
           due.next_working AS effective_due,
           ret.n - rec.n AS working_days,
           CASE WHEN s.returned_on IS NULL THEN NULL
                WHEN s.returned_on < due.next_working THEN 'early'
                WHEN s.returned_on = due.next_working THEN 'on_time'
                ELSE 'late' END AS timeliness,
           CASE WHEN s.returned_on > due.next_working THEN greatest(ret.n - eff.n, 1) END AS late_days,
           CASE WHEN s.returned_on IS NULL AND CAST($today AS DATE) > due.next_working
                THEN greatest(today.n - eff.n, 1) END AS overdue_days
    FROM dossiers AS s
    JOIN import_batches AS b ON b.batch_id = s.batch_id
    JOIN numbered AS rec ON rec.day = s.received_on
    JOIN numbered AS due ON due.day = s.due_on
    JOIN numbered AS eff ON eff.day = due.next_working
    JOIN numbered AS today ON today.day = CAST($today AS DATE)
    LEFT JOIN numbered AS ret ON ret.day = s.returned_on
),
dossier AS (
    SELECT dossier_no,
           any_value(unit_name) AS unit_name,
           CAST(year(min(received_on)) AS INTEGER) AS year,
           min(received_on) AS first_received,
           CAST(count(*) AS INTEGER) AS submissions,
           arg_max(received_on, submission) AS received_on,
           arg_max(due_on, submission) AS due_on,
           arg_max(effective_due, submission) AS effective_due,
           arg_max(returned_on, submission) AS returned_on,
           arg_max(status, submission) AS status,
           arg_max(reason, submission) AS reason,
           string_agg(DISTINCT reason, '; ') FILTER (WHERE status = 'returned') AS returned_reasons,
           arg_max(form_codes, submission) AS form_codes,
           arg_max(forms_text, submission) AS forms_text,
           arg_max(recipients, submission) AS recipients,
           arg_max(decision_no, submission) AS decision_no,
           arg_max(file_name, submission) AS file_name,
           arg_max(source_row, submission) AS source_row,
           CAST(sum(working_days) AS INTEGER) AS working_days,
           CASE WHEN arg_max(returned_on, submission) IS NULL THEN NULL
                WHEN bool_or(timeliness = 'late') THEN 'late'
                WHEN bool_or(timeliness = 'on_time') THEN 'on_time'
                ELSE 'early' END AS timeliness,
           CAST(sum(late_days) AS INTEGER) AS late_days,
           CAST(arg_max(overdue_days, submission) AS INTEGER) AS overdue_days
    FROM submission
    GROUP BY dossier_no
),
matched AS (
    -- Awards of the decision given to the dossier's unit, and whether the decision is in
    -- the warehouse at all. Decision numbers start again each year: the decision is the one
    -- of that number made between the dossier's receipt and its answer. Read from the
    -- pre-aggregated decision_counts (per decision, date and unit: at 10M awards the awards
    -- themselves took 130 ms), by a join rather than a subquery per dossier.
    SELECT d.dossier_no, sum(a.n) FILTER (WHERE a.unit_name = d.unit_name) AS granted
    FROM dossier AS d
    JOIN decision_counts AS a ON a.decision_no = d.decision_no AND {same_decision}
    GROUP BY d.dossier_no
)
SELECT d.*,
       -- NULL: no decision named; 0 for a decision not in the warehouse yet too, which
       -- decision_known tells apart (the page counts it apart, never as 0 granted).
       CASE WHEN d.decision_no IS NOT NULL THEN CAST(coalesce(m.granted, 0) AS INTEGER) END
           AS granted,
       d.decision_no IS NOT NULL AND m.dossier_no IS NOT NULL AS decision_known
FROM dossier AS d
LEFT JOIN matched AS m ON m.dossier_no = d.dossier_no
WHERE {dossier_filters}
ORDER BY d.first_received, d.dossier_no
