"""The athlete's availability page: the minutes they can train on each weekday and whether they
have a gym. Their coach is warned where a plan falls outside it (training/availability.py)."""

from django import forms
from django.contrib import messages
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods

import audit
from accounts.models import WEEKDAYS, Availability
from accounts.permissions import athlete_required
from hybridpeaks.core.json_validation import number_rules
from training.availability import availability_of

# The schema's bounds of a day's minutes, so the form says what the model would.
DAY = number_rules("accounts:availability")["*"]


class AvailabilityForm(forms.Form):
    """A minutes field per weekday (blank or 0: no training that day) and the gym."""

    has_gym = forms.BooleanField(required=False, label="I can train in a gym (bars and plates)")

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for index, day in enumerate(WEEKDAYS):
            self.fields[f"day_{index}"] = forms.IntegerField(
                required=False,
                min_value=DAY["min"],
                max_value=DAY["max"],
                label=day,
                error_messages={
                    "invalid": f"{day}: {DAY['says']}.",
                    "min_value": f"{day}: {DAY['says']}.",
                    "max_value": f"{day}: {DAY['says']}.",
                },
                widget=forms.NumberInput(attrs={"inputmode": "numeric", "step": 5}),
            )
        self.order_fields([f"day_{index}" for index in range(7)] + ["has_gym"])

    @classmethod
    def of(cls, availability, data=None):
        initial = {"has_gym": True}
        if availability is not None:
            initial = {"has_gym": availability.has_gym}
            initial.update(
                (f"day_{i}", m or None) for i, m in enumerate(availability.minutes_by_weekday)
            )
        return cls(data, initial=initial)

    def minutes(self) -> list[int]:
        return [self.cleaned_data[f"day_{index}"] or 0 for index in range(7)]


@athlete_required
@require_http_methods(["GET", "POST"])
def availability(request):
    athlete = request.user.athlete
    stated = availability_of(athlete)
    form = AvailabilityForm.of(stated, request.POST if request.method == "POST" else None)
    if form.is_bound and form.is_valid():
        stated = stated or Availability(athlete=athlete)
        stated.minutes_by_weekday, stated.has_gym = form.minutes(), form.cleaned_data["has_gym"]
        stated.full_clean()
        stated.save()
        audit.record("update_availability", request.user, entity=stated, request=request)
        messages.success(request, "Availability saved: your coach sees it when planning.")
        return redirect("logging_app:availability")
    status = 422 if form.is_bound else 200
    return render(request, "logging_app/availability.html", {"form": form}, status=status)
