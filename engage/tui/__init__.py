"""The engage app (Textual): one mode per area, modal forms, workers for slow work.

Only this package imports textual; everything it shows comes from the library in engage.db,
engage.papers and engage.theming.
"""
