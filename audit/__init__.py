"""The audit trail. `audit.record(...)` is the one way to write an entry."""


def record(action, user, entity=None, request=None, **metadata):
    """Append an audit entry; see audit.services.record_entry."""
    # Imported here: this package is imported before Django's app registry is ready.
    from audit.services import record_entry

    return record_entry(action, user, entity=entity, request=request, **metadata)


def pseudonymise(*, user_id, email):
    """Erase a deleted person from the trail, keeping a pseudonym; see audit.services."""
    from audit.services import pseudonymise as pseudonymise_entries

    return pseudonymise_entries(user_id=user_id, email=email)
