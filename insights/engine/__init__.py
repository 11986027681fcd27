"""The weekly analysis engine: plain data in (`inputs`), `analysis.analyse()` out.

Pure on purpose: no database, no ORM, no clock. The weekly job loads an athlete-week into
`inputs.Week`; the same input always gives the same analysis, so a coach can trust that a
number in a suggestion can be recomputed by hand (insights-reference.md has the formulas).
"""
