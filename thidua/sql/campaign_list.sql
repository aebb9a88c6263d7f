SELECT c.campaign_code, c.name, c.kind, c.issued_on, c.start_date, c.end_date,
       c.registration_deadline, c.slogan,
       (SELECT coalesce(sum(a.n), 0)::BIGINT FROM award_counts AS a
        WHERE a.campaign_code = c.campaign_code AND {filters}) AS awards
FROM campaigns AS c
ORDER BY c.start_date, c.campaign_code
