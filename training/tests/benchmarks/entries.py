"""The benchmark pages' addresses, a form entry as a person types it, and the messages the
pages answer with."""

from django.urls import reverse

ONE_RM_MESSAGE = "A 1RM benchmark needs its exercise."
VALUE_MESSAGE = "A benchmark's value must be greater than 0."
MY_URL = "/today/benchmarks/"


def url(athlete):
    return reverse("training:athlete_benchmarks", args=[athlete.pk])


def entry(metric_type, value, *, exercise=None, day="2025-03-01"):
    data = {"metric_type": metric_type, "value": value, "established_at": day}
    if exercise is not None:
        data["exercise"] = exercise.pk
    return data
