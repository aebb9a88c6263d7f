-- The eligibility ladder's rules, in their order.
SELECT rule_id, target_form, source_form, recipient_kind, times, step_years, condition, source
FROM ladder_rules
ORDER BY sort_order
