"""The benchmarks an athlete's planned sessions need and the athlete lacks (a 1RM, FTP,
heart-rate zones, race paces), for many athletes in three queries: the benchmarks page names
them, where they are recorded, before the week starts."""

import json
from collections import defaultdict
from uuid import UUID

from django.db.models import StringAgg, TextField, Value
from django.db.models.functions import Cast, Coalesce, Concat

from training.models import BenchmarkMetric, SessionType, TrainingPlan, TrainingSession
from training.prescription import Prescription
from training.selectors import exercises_by_id
from training.targets import missing_benchmarks


def missing_benchmarks_of(athletes, mondays: list, *, published_only: bool) -> dict:
    """Athlete id → the benchmarks the weeks' prescriptions need that the athlete lacks, by
    training.targets' rule, in three queries. Each distinct prescription is read once with the
    athletes it is planned for (a coach's athletes mostly share them), and the rule is asked
    once per prescription and set of benchmarks an athlete has. Prescriptions are grouped by
    their text: grouping by the JSON column itself took longer on PostgreSQL. Neither week
    has ended, so no completed plan stands beside an active one: every standing plan of
    them is read, in a subquery rather than a list of two hundred ids."""
    plans = TrainingPlan.objects.standing().filter(
        athlete__in=athletes, week_start_date__in=mondays
    )
    if published_only:  # an athlete's own page: drafts are the coach's until published
        plans = plans.published()
    prescriptions = (
        TrainingSession.objects.filter(plan__in=plans)
        .order_by()
        .values("type", text=Cast("prescription", TextField()))
        .annotate(athletes=StringAgg(Cast("plan__athlete_id", TextField()), Value(",")))
    )
    planned = []
    needed = defaultdict(set)  # athlete id → indexes in `planned`
    ids = {}  # as the database writes an id → UUID, each parsed once
    for index, row in enumerate(prescriptions):
        planned.append((row["type"], Prescription.of(row["type"], json.loads(row["text"]))))
        for text in set(row["athletes"].split(",")):
            athlete_id = ids.get(text) or ids.setdefault(text, UUID(text))
            needed[athlete_id].add(index)
    names = _exercise_names(planned)
    present = _benchmarks_present(athletes)
    answers, result = {}, {}
    for athlete_id, indexes in needed.items():
        has = present[athlete_id]
        missing = set()
        for index in indexes:
            if (index, has) not in answers:
                answers[index, has] = missing_benchmarks(*planned[index], has, names)
            missing |= answers[index, has]
        result[athlete_id] = frozenset(missing)
    return result


def _exercise_names(prescriptions) -> dict[str, str]:
    """id (str) → name of the exercises the (type, prescription) pairs name (a missing 1RM
    names its exercise)."""
    ids = {
        exercise_id
        for session_type, plan in prescriptions
        if session_type == SessionType.STRENGTH
        for exercise_id in plan.exercise_ids
    }
    return {key: exercise.name for key, exercise in exercises_by_id(ids).items()}


def _benchmarks_present(athletes) -> dict:
    """Athlete id → frozenset of the (metric_type, exercise id or None) they have a benchmark
    of, read as one "metric exercise,…" string per athlete: a row per athlete, not per
    benchmark."""
    kind = Concat(
        "metric_type",
        Value(" "),
        Coalesce(Cast("exercise_id", TextField()), Value(""), output_field=TextField()),
        output_field=TextField(),
    )
    kinds = (
        BenchmarkMetric.objects.filter(athlete__in=athletes)
        .order_by()
        .values("athlete_id")
        .annotate(kinds=StringAgg(kind, delimiter=Value(",")))
        .values_list("athlete_id", "kinds")
    )
    present = defaultdict(frozenset)
    for athlete_id, listed in kinds:
        pairs = (pair.split(" ") for pair in listed.split(","))
        present[athlete_id] = frozenset((metric, exercise or None) for metric, exercise in pairs)
    return present
