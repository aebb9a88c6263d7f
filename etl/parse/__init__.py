"""Parse: a recognised sheet's rows to the columns of its warehouse table, each value from
its cell or from what the layout says around it (title, sections, headings). What cannot be
read is a Problem for the check stage to report, never a guess."""
