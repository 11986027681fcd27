"""The builder's URLs and POST bodies, as its pages build them."""

from datetime import date

from django.urls import reverse

MONDAY = date(2026, 11, 30)
HTMX = {"HX-Request": "true"}


def week_url(athlete, monday=MONDAY):
    return reverse("training:week", args=[athlete.pk, monday.isoformat()])


def strength_post(plan, rows, **fields):
    """The editor's POST body: session fields plus the exercise formset."""
    data = {
        "version": plan.version,
        "type": "strength",
        "date": MONDAY.isoformat(),
        "focus": "Lower body",
        "estimated_duration": "60",
        "ex-TOTAL_FORMS": str(len(rows)),
        "ex-INITIAL_FORMS": "0",
        "q": "",
        "op": "",
        **fields,
    }
    for i, row in enumerate(rows):
        for key, value in row.items():
            data[f"ex-{i}-{key}"] = value
    return data


def row(exercise, **overrides):
    return {
        "exercise": str(exercise.pk),
        "sets": "5",
        "reps": "5",
        "intensity_type": "percent_1rm",
        "intensity_value": "75",
        "rest_seconds": "180",
        "tempo": "3010",
        **overrides,
    }


def new_session_url(plan, kind="strength"):
    return reverse("training:new_session", args=[plan.pk]) + f"?type={kind}"
