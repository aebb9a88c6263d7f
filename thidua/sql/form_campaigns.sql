-- Form 0601: the province's campaign plans launched in the year (the plan's date, else its start).
SELECT campaign_code, name, kind, start_date, end_date
FROM campaigns
WHERE year(coalesce(issued_on, start_date)) = $year
ORDER BY campaign_code
