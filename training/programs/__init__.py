"""A coach's library of multi-week programs (issue 13, part 3): written as text or saved from
an athlete's weeks, applied to athletes from a start Monday as their weekly plans.

models.py (Program, ProgramSession), text.py (a program as text: `Week N` headers over the
week syntax of training.text), services.py (writes, audited), selectors.py (reads, and the
apply preview). A program holds copies: applying it copies its sessions into plans, and
saving it from an athlete's weeks copies theirs, so neither side changes the other later.
"""
