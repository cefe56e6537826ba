"""Documents rendered from read models (PDF, Word, Excel)."""

MIN_ROWS = 3  # a table split over pages keeps at least this many rows on each side of the break
