"""Award lists: flat registers, lists attached to a decision, department lists — one
recipient a row. The stages of one list, in the order they run:
preamble (the title block) → rows (which rows are awards; sections, unit headings, totals)
→ post_unit (a joined «Chức vụ, đơn vị» cell) → fields (the `award` columns), with the
checks in etl.check."""

from etl.parse.awards.fields import AWARD_COLUMNS, parse_awards
from etl.parse.awards.preamble import decision_numbers, normalise_decision_no

__all__ = ["AWARD_COLUMNS", "decision_numbers", "normalise_decision_no", "parse_awards"]
