"""Reads for the coach's and athlete's pages, scoped by accounts.permissions and eager-loaded
so templates never query."""

from collections import defaultdict
from dataclasses import dataclass
from datetime import date, timedelta
from uuid import UUID

from django.db.models import Exists, OuterRef, Prefetch, Q

from accounts.models import Coach
from hybridpeaks.core.compiled import CompiledRead, stand_in
from training.display import SessionView, exercise_ids, session_view
from training.models import (
    BenchmarkMetric,
    Exercise,
    TrainingPlan,
    TrainingSession,
    standing_rank,
)
from training.targets import Benchmarks


def monday_of(day: date) -> date:
    return day - timedelta(days=day.weekday())


def exercises_visible_to(coach: Coach):
    """The catalog a coach may use: system exercises, public ones, and their own."""
    return Exercise.objects.filter(
        Q(created_by__isnull=True) | Q(is_public=True) | Q(created_by=coach)
    )


def catalog(coach: Coach, *, q="", category="", muscle=""):
    """The coach's visible catalog, filtered by name (or alias), category and muscle group."""
    exercises = exercises_visible_to(coach).select_related("created_by").order_by("name")
    if q:  # by name or another name (the aliases' JSON text holds each as written)
        exercises = exercises.filter(Q(name__icontains=q) | Q(aliases__icontains=q))
    if category:
        exercises = exercises.filter(category=category)
    if muscle:
        # JSON `contains` is not supported on SQLite; a quoted substring of the stored JSON text
        # works on both databases, and the quotes keep "abs" from matching inside another name.
        exercises = exercises.filter(muscle_groups__icontains=f'"{muscle}"')
    return exercises


@dataclass(frozen=True)
class PlannedWeek:
    """One athlete's week as every page reads it: the plan that stands (or None), its sessions
    as SessionViews (lines with exercise names and concrete targets), and the athlete's
    benchmarks the targets came from."""

    plan: TrainingPlan | None
    views: list[SessionView]
    benchmarks: list[BenchmarkMetric]

    @property
    def sessions(self) -> list[TrainingSession]:
        return [view.session for view in self.views]


@dataclass(frozen=True)
class StandingWeek:
    """One athlete's week as the weekly analysis reads it: the plan that stands (or None), its
    sessions in order, without logs or targets, and the athlete's benchmarks."""

    plan: TrainingPlan | None
    sessions: list[TrainingSession]
    benchmarks: list[BenchmarkMetric]


def standing_weeks(
    athlete_ids, mondays, sessions=None, *, published_only: bool
) -> dict[tuple, StandingWeek]:
    """Each (athlete id, Monday) pair's StandingWeek in three queries whatever their number:
    the standing plans, their sessions (`sessions`, a TrainingSession queryset, to read more
    with them), the athletes' benchmarks. Of a week with both an active and a completed plan,
    the active one stands. The weekly job reads a chunk of athletes with it; the pages read
    sessions_of_weeks, which builds on it.

    `published_only` has no default: whatever the athlete sees (their pages, the weekly
    analysis of what was planned) passes True, the coach's pages False (drafts included)."""
    athlete_ids, mondays = list(athlete_ids), list(mondays)
    sessions = TrainingSession.objects.all() if sessions is None else sessions
    plans = TrainingPlan.objects.standing()
    if published_only:
        plans = plans.published()
    plans = plans.filter(athlete_id__in=athlete_ids, week_start_date__in=mondays).prefetch_related(
        Prefetch("sessions", sessions.order_by("date", "created_at"))
    )
    standing = standing_by_week(plans)
    benchmarks = defaultdict(list)
    for benchmark in BenchmarkMetric.objects.filter(athlete_id__in=athlete_ids):
        benchmarks[benchmark.athlete_id].append(benchmark)
    weeks = {}
    for athlete_id in athlete_ids:
        for monday in mondays:
            plan = standing.get((athlete_id, monday))
            planned = list(plan.sessions.all()) if plan else []
            weeks[athlete_id, monday] = StandingWeek(plan, planned, benchmarks[athlete_id])
    return weeks


def sessions_of_weeks(athlete_ids, mondays, *, published_only: bool) -> dict[tuple, PlannedWeek]:
    """Each (athlete id, Monday) pair's PlannedWeek, for many athletes and weeks at once in at
    most five queries whatever their number: the standing plans, their sessions, the sessions'
    logs, the athletes' benchmarks (standing_weeks), and the exercise names (fewer when there
    is nothing to read).

    Each session carries its prefetched `logs` (the pages that show a session's log) and
    `logged` (done or not). This is the one read
    in training that reaches logs, through the reverse relation `logs`: logging_app stands to
    our right, and the builder needs done/not done, so the relation is used here and nowhere
    else."""
    sessions = TrainingSession.objects.annotate(logged=_logged()).prefetch_related("logs")
    weeks = standing_weeks(athlete_ids, mondays, sessions, published_only=published_only)
    names = exercise_names([s for week in weeks.values() for s in week.sessions])
    indexes = {}
    planned = {}
    for (athlete_id, monday), week in weeks.items():
        if athlete_id not in indexes:
            indexes[athlete_id] = Benchmarks(week.benchmarks)
        views = [session_view(s, indexes[athlete_id], names) for s in week.sessions]
        planned[athlete_id, monday] = PlannedWeek(week.plan, views, week.benchmarks)
    return planned


def _logged():
    """1 if the session has a log, else 0, asked session by session (EXISTS on the one
    session, through the logs' session index): a card needs done or not, never how many. A
    join of all the sessions with GROUP BY gives the same, but the planner may read every log
    to do it (a hash join, as on a table not analysed since a bulk load); a COUNT subquery
    cost twice the EXISTS to build in the ORM on every request."""
    logged = TrainingSession.objects.filter(pk=OuterRef("pk"), logs__isnull=False)
    return Exists(logged.order_by().values("pk"))


def planned_week(athlete, monday: date, *, published_only: bool) -> PlannedWeek:
    """One athlete's week (sessions_of_weeks for a single athlete)."""
    weeks = sessions_of_weeks([athlete.pk], [monday], published_only=published_only)
    return weeks[athlete.pk, monday]


# The builder's reads of every request, compiled once per process (CompiledRead): the
# standing plans of an athlete's week, a plan's sessions each with its done flag, and the
# athlete's benchmarks.
_WEEK_PLANS = CompiledRead(
    lambda athlete, monday: TrainingPlan.objects.standing().filter(
        athlete_id=athlete, week_start_date=monday
    ),
    athlete=stand_in(UUID, 1),
    monday=stand_in(date, 1),
)
_PLAN_SESSIONS = CompiledRead(
    lambda plan: (
        TrainingSession.objects.filter(plan_id=plan)
        .annotate(logged=_logged())
        .order_by("date", "created_at")
    ),
    plan=stand_in(UUID, 2),
)
_BENCHMARKS = CompiledRead(
    lambda athlete: BenchmarkMetric.objects.filter(athlete_id=athlete), athlete=stand_in(UUID, 3)
)


def builder_week(athlete, monday: date) -> PlannedWeek:
    """planned_week(athlete, monday) as the plan builder reads it: the plan that stands, then
    only what its week needs. Its sessions, each with `logged` (done or not: a card shows
    that, never the log), are read by the plan's id; the benchmarks and exercise names only
    when there are sessions to target (an empty week, the first a coach opens, reads its plans
    and nothing else). Same plan, sessions, views and benchmarks."""
    plans = _WEEK_PLANS.read(athlete=athlete.pk, monday=monday)
    plan = min(plans, key=lambda plan: standing_rank(plan.status), default=None)
    if plan is None:
        return PlannedWeek(None, [], [])
    sessions = _PLAN_SESSIONS.read(plan=plan.pk)
    if not sessions:
        return PlannedWeek(plan, [], [])
    for session in sessions:
        session.plan = plan  # the one plan read above, not one query per session
    benchmarks = _BENCHMARKS.read(athlete=athlete.pk)
    index, names = Benchmarks(benchmarks), exercise_names(sessions)
    return PlannedWeek(plan, [session_view(s, index, names) for s in sessions], benchmarks)


# A page's exercises are read by one compiled read of this many ids (the rest of the slots
# hold an id no exercise has); a longer list, rare, goes through the ORM.
EXERCISES_READ = 24
_NO_EXERCISE = UUID(int=0)
_EXERCISES = CompiledRead(
    lambda **ids: Exercise.objects.filter(pk__in=list(ids.values())).only("name", "category"),
    **{f"id{n}": stand_in(UUID, 100 + n) for n in range(EXERCISES_READ)},
)


def exercises_by_id(ids) -> dict[str, Exercise]:
    """The exercises the ids name, keyed by id as prescriptions and logs write it, in one
    query: the one place exercise names (and categories) are loaded."""
    wanted = set()
    for exercise_id in ids:
        try:
            wanted.add(UUID(str(exercise_id)))
        except ValueError:
            continue  # not an id (a row written before the schema said so): names nothing
    if not wanted:
        return {}
    if len(wanted) > EXERCISES_READ:
        exercises = Exercise.objects.filter(pk__in=wanted).only("name", "category")
    else:
        slots = [*wanted, *[_NO_EXERCISE] * (EXERCISES_READ - len(wanted))]
        exercises = _EXERCISES.read(**{f"id{n}": value for n, value in enumerate(slots)})
    return {str(exercise.pk): exercise for exercise in exercises}


def exercise_names(sessions) -> dict[str, str]:
    """id (str) → name of every exercise the sessions' prescriptions name."""
    return {key: e.name for key, e in exercises_by_id(exercise_ids(sessions)).items()}


def benchmarks_of(athlete):
    """An athlete's benchmark history, newest first, with exercises."""
    return BenchmarkMetric.objects.filter(athlete=athlete).select_related("exercise")


def standing_by_week(plans) -> dict:
    """The plan that stands for each (athlete id, Monday) of these standing plans (model
    instances, or values() rows with athlete_id, week_start_date and status): of a week with
    both an active and a completed plan, the active one. Every read of several weeks decides
    it here (standing_weeks, and the pages that count rather than show sessions: the coach's
    roster and athlete page)."""

    def field(plan, name):
        return plan[name] if isinstance(plan, dict) else getattr(plan, name)

    standing = {}
    for plan in sorted(plans, key=lambda plan: standing_rank(field(plan, "status"))):
        standing.setdefault((field(plan, "athlete_id"), field(plan, "week_start_date")), plan)
    return standing
