($form_code IS NULL OR a.form_code = $form_code)
  AND ($form_level IS NULL
       OR a.form_code IN (SELECT lv.code FROM ref_award_form AS lv WHERE lv.level = $form_level))
  AND ($unit_name IS NULL OR a.unit_name = $unit_name)
  AND ($year IS NULL OR a.year = $year)
  AND ($campaign_code IS NULL OR a.campaign_code = $campaign_code)
  AND ($leader_class IS NULL OR coalesce(CAST(a.is_leader AS VARCHAR), 'null') = $leader_class)
