"""Putting a model constraint's message where the person who typed the value will look."""

from django.core.exceptions import NON_FIELD_ERRORS


def place_constraint_error(form, *, constraint: str, field: str) -> None:
    """Django reports a failed model constraint (a check constraint, or a unique one on an
    expression such as LOWER(name)) to the whole form; move its message beside `field`."""
    rule = next(c for c in form._meta.model._meta.constraints if c.name == constraint)
    message = str(rule.violation_error_message)
    general = form.errors.pop(NON_FIELD_ERRORS, None)
    for error in general.as_data() if general else []:
        form.add_error(field if message in error.messages else None, error)
