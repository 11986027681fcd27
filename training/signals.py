"""Signals of the training app, for writes that bypass models' own save and delete signals.

`plans_changed(athlete_ids=[…])` is sent by writes made with `bulk_create` or
`QuerySet.update()` (a copied week, a published plan, a week written as text), which send no
post_save: readers that keep figures derived from plans (the roster's lines, in insights)
listen to both. Sent inside the write's transaction, like post_save.
"""

from django.dispatch import Signal

plans_changed = Signal()
