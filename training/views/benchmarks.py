"""An athlete's benchmarks: current values, each metric's progression, a form to add one.

The coach (for an athlete on their roster) and the athlete (for themself) use one page and one
implementation, `_benchmarks_page`; the two entry points differ only in who may come in and
how the athlete is found. Benchmarks are only ever added (record_benchmark): the history is
the progression.
"""

from dataclasses import dataclass
from datetime import timedelta
from functools import partial

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.text import slugify
from django.views.decorators.http import require_http_methods

from accounts.models import Athlete
from accounts.permissions import athlete_required, athletes_visible_to, coach_required
from hybridpeaks.core import formatting
from training.benchmark_gaps import missing_benchmarks_of
from training.catalog_forms import BenchmarkForm
from training.charts import LineChart, date_label, line_chart, plain_number
from training.models import BenchmarkMetric, MetricType
from training.selectors import benchmarks_of, exercises_visible_to, monday_of
from training.services import record_benchmark

TEMPLATE = "training/benchmarks.html"
PACE_UNIT = "s/km"
VALUE_CONSTRAINT = "benchmark_value_positive"
METRIC_ORDER = {metric: index for index, metric in enumerate(MetricType.values)}


def value_text(value, unit: str) -> str:
    """How a benchmark reads: "142.5 kg", "250 W", and paces as "4:30 /km"."""
    if unit == PACE_UNIT:
        return f"{formatting.format_pace(value)} /km"
    return f"{plain_number(value)} {unit}"


def metric_name(metric_type: str, exercise=None) -> str:
    if metric_type == MetricType.ONE_RM:
        return f"1RM · {exercise}"
    name = MetricType(metric_type).label
    return f"{name} (upper bound)" if metric_type.startswith("HR_zone") else name


@dataclass(frozen=True)
class MetricHistory:
    """One metric's benchmarks (for 1RM: one exercise's), newest first, and its chart: a
    progression needs two points, so a single benchmark has none (it is in the table)."""

    metric_type: str
    name: str
    unit: str
    entries: list[tuple[BenchmarkMetric, str]]  # (benchmark, its value as read)
    chart: LineChart | None

    @property
    def latest(self) -> str:
        return self.entries[0][1]

    @property
    def anchor(self) -> str:
        """A readable, unique fragment for links to the chart: "1rm-back-squat"."""
        return slugify(self.name)

    @property
    def latest_date(self):
        return self.entries[0][0].established_at

    @property
    def description(self) -> str:
        """The chart's <desc>: what a sighted reader gets from the line."""
        newest, oldest = self.entries[0], self.entries[-1]
        return (
            f"{len(self.entries)} benchmarks, from {oldest[1]} on "
            f"{date_label(oldest[0].established_at)} to {newest[1]} on "
            f"{date_label(newest[0].established_at)}."
        )

    @property
    def lower_is_better(self) -> bool:
        return self.unit == PACE_UNIT


def histories(benchmarks) -> list[MetricHistory]:
    """Group a newest-first history per metric (and exercise), in one pass over one query."""
    groups: dict[tuple, list[BenchmarkMetric]] = {}
    for benchmark in benchmarks:
        groups.setdefault((benchmark.metric_type, benchmark.exercise_id), []).append(benchmark)
    result = []
    for (metric_type, _), group in groups.items():
        unit = BenchmarkMetric.UNITS.get(metric_type, group[0].unit)
        # Paces read as m:ss on the axis too; the others as number and unit (the default).
        label = partial(value_text, unit=unit) if unit == PACE_UNIT else None
        points = [(b.established_at, b.value) for b in reversed(group)]
        result.append(
            MetricHistory(
                metric_type=metric_type,
                name=metric_name(metric_type, group[0].exercise),
                unit=unit,
                entries=[(b, value_text(b.value, unit)) for b in group],
                chart=line_chart(points, unit=unit, value_label=label) if len(points) > 1 else None,
            )
        )
    return sorted(result, key=lambda h: (METRIC_ORDER.get(h.metric_type, 99), h.name.casefold()))


def _benchmarks_page(request, athlete: Athlete, *, own: bool):
    """The page for `athlete`, whoever found them; the exercises are their coach's catalog."""
    exercises = exercises_visible_to(athlete.coach).order_by("name")
    # The athlete's date, not the viewer's: a coach in another zone records the athlete's day.
    today = timezone.localdate(timezone=athlete.user.zoneinfo)
    form = BenchmarkForm(
        request.POST if request.method == "POST" else None,
        instance=BenchmarkMetric(athlete=athlete),
        exercises=exercises,
        today=today,
        initial={"established_at": today},
    )
    if form.is_bound and form.is_valid():
        fields = {name: form.cleaned_data[name] for name in BenchmarkForm.Meta.fields}
        try:
            benchmark = record_benchmark(
                athlete=athlete, by=request.user, fields=fields, request=request
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            name = metric_name(benchmark.metric_type, benchmark.exercise)
            messages.success(
                request,
                f"Recorded {name}: {value_text(benchmark.value, benchmark.unit)} on "
                f"{date_label(benchmark.established_at)}.",
            )
            return redirect(request.path)
    every = histories(benchmarks_of(athlete))
    this_week = monday_of(today)
    gaps = missing_benchmarks_of(
        [athlete.pk], [this_week, this_week + timedelta(days=7)], published_only=own
    )
    context = {
        "missing": sorted(gaps.get(athlete.pk, ())),
        "athlete": athlete,
        "own": own,
        "form": form,
        "histories": every,
        "charted": [history for history in every if history.chart],
    }
    return render(request, TEMPLATE, context, status=422 if form.is_bound else 200)


@coach_required
@require_http_methods(["GET", "POST"])
def athlete_benchmarks(request, athlete_id):
    """A coach's view of one of their athletes; anyone else's athlete is a 404."""
    athletes = athletes_visible_to(request.user).select_related("coach", "user")
    athlete = get_object_or_404(athletes, pk=athlete_id)
    return _benchmarks_page(request, athlete, own=False)


@athlete_required
@require_http_methods(["GET", "POST"])
def my_benchmarks(request):
    """The signed-in athlete's own benchmarks."""
    athletes = athletes_visible_to(request.user).select_related("coach", "user")
    athlete = get_object_or_404(athletes, pk=request.user.pk)
    return _benchmarks_page(request, athlete, own=True)
