-- The Government and provincial emulation flags decided in a year.
SELECT a.form_code, a.recipient_name, a.unit_name
FROM award AS a
WHERE a.year = $year AND a.form_code IN ('CO_CP', 'CO_TINH')
ORDER BY a.form_code, a.recipient_name COLLATE vi
