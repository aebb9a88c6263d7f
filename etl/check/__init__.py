"""Check: every row parsed is checked before anything is written — each cell read (cells),
the counts a list states about itself (stated_counts), what only an award list can get
wrong (awards). A problem names the file, the Excel row, the column, the value and the fix."""
