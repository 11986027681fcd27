"""The hourly `generate_weekly_summaries` job: what it writes, what it skips, and reruns."""

import threading
from datetime import UTC, date, datetime, time, timedelta
from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from django.db import connection
from django.utils import timezone

from accounts.models import Athlete
from accounts.tests.factories import AthleteFactory
from insights.engine.analysis import analyse
from insights.models import AIWeeklySummary
from insights.services import build_week, gather_week, generate_summary, summary_of
from logging_app.tests.factories import WorkoutLogFactory
from training.models import PlanStatus, TrainingPlan
from training.tests.factories import TrainingPlanFactory, TrainingSessionFactory

# A Wednesday: the job looks back at the week of Monday 12 January.
NOW = datetime(2026, 1, 21, 12, 0, tzinfo=UTC)
THIS_MONDAY = date(2026, 1, 19)
LAST_MONDAY = THIS_MONDAY - timedelta(weeks=1)


class Clock:
    def __init__(self, now: datetime):
        self.now = now

    def __call__(self) -> datetime:
        return self.now


@pytest.fixture
def clock(monkeypatch):
    """The job and the services read `timezone.now()`; this one stands still until moved."""
    fixed = Clock(NOW)
    monkeypatch.setattr(timezone, "now", fixed)
    return fixed


@pytest.fixture(autouse=True)
def _narrator_off(settings):
    settings.LLM_BASE_URL = ""


def run(*args) -> str:
    out = StringIO()
    call_command("generate_weekly_summaries", *args, stdout=out)
    return out.getvalue().strip()


def logged_week(athlete, monday: date, *, hour: int = 12) -> TrainingPlan:
    """An active plan of one session for the week of `monday`, logged that Monday."""
    plan = TrainingPlanFactory(athlete=athlete, week_start_date=monday)
    session = TrainingSessionFactory(plan=plan, date=monday)
    WorkoutLogFactory(
        session=session,
        completed_at=datetime.combine(monday, time(hour), tzinfo=athlete.user.zoneinfo),
    )
    return plan


@pytest.mark.django_db
def test_the_job_writes_last_weeks_summaries_and_completes_ended_plans(clock):
    active = AthleteFactory(name="Active")
    last_week = logged_week(active, LAST_MONDAY)
    this_week = TrainingPlanFactory(athlete=active, week_start_date=THIS_MONDAY)
    idle = AthleteFactory(name="Idle")
    idle_plan = TrainingPlanFactory(athlete=idle, week_start_date=LAST_MONDAY)

    output = run()

    assert output == (
        "2 plan(s) completed; 1 summary(ies) written; "
        "1 athlete-week(s) without logs or not over yet."
    )
    summary = AIWeeklySummary.objects.get()
    assert (summary.athlete, summary.week_end_date) == (active, LAST_MONDAY + timedelta(days=6))
    assert summary.plan == last_week
    assert summary.generated_at == NOW
    statuses = dict(TrainingPlan.objects.values_list("pk", "status"))
    assert statuses == {
        last_week.pk: PlanStatus.COMPLETED,
        idle_plan.pk: PlanStatus.COMPLETED,
        this_week.pk: PlanStatus.ACTIVE,
    }


@pytest.mark.django_db
def test_running_the_job_twice_changes_nothing(clock):
    logged_week(AthleteFactory(), LAST_MONDAY)
    AthleteFactory()
    run()
    before = list(AIWeeklySummary.objects.values_list("pk", "generated_at"))

    clock.now = NOW + timedelta(hours=1)
    output = run()

    assert output == (
        "0 plan(s) completed; 0 summary(ies) written; "
        "0 athlete-week(s) without logs or not over yet."
    )
    assert list(AIWeeklySummary.objects.values_list("pk", "generated_at")) == before
    assert len(before) == 1


@pytest.mark.django_db
def test_weeks_option_backfills(clock):
    athlete = AthleteFactory()
    for back in range(1, 5):
        logged_week(athlete, THIS_MONDAY - timedelta(weeks=back))
    logged_week(AthleteFactory(), THIS_MONDAY)  # this week: not over, nothing written

    output = run("--weeks", "3")

    assert output.startswith("4 plan(s) completed; 3 summary(ies) written; 3 athlete-week(s)")
    sundays = AIWeeklySummary.objects.filter(athlete=athlete).values_list(
        "week_end_date", flat=True
    )
    assert sorted(sundays) == [THIS_MONDAY - timedelta(weeks=n, days=1) for n in (2, 1, 0)]
    assert AIWeeklySummary.objects.count() == 3


@pytest.mark.django_db
def test_the_job_uses_each_athletes_local_week(clock):
    """At 10:30 UTC on a Sunday, Kiritimati (UTC+14) is already on Monday; Honolulu is not."""
    clock.now = datetime(2026, 1, 18, 10, 30, tzinfo=UTC)
    early = AthleteFactory(user__time_zone="Pacific/Kiritimati")
    late = AthleteFactory(user__time_zone="Pacific/Honolulu")
    logged_week(early, LAST_MONDAY)
    logged_week(late, LAST_MONDAY)
    logged_week(late, LAST_MONDAY - timedelta(weeks=1))

    run()

    written = set(AIWeeklySummary.objects.values_list("athlete", "week_end_date"))
    assert written == {
        (early.pk, LAST_MONDAY + timedelta(days=6)),
        (late.pk, LAST_MONDAY - timedelta(days=1)),
    }
    assert TrainingPlan.objects.get(athlete=early).status == PlanStatus.COMPLETED
    assert TrainingPlan.objects.get(athlete=late, week_start_date=LAST_MONDAY).status == (
        PlanStatus.ACTIVE
    )


@pytest.mark.django_db
def test_with_the_narrator_off_the_engines_texts_are_stored(clock, settings):
    settings.LLM_BASE_URL = ""
    settings.LLM_MODEL = "any-model"  # a model alone does not turn the narrator on
    athlete = AthleteFactory()
    logged_week(athlete, LAST_MONDAY)
    TrainingSessionFactory(  # missed, so there is a pattern and a suggestion to compare
        plan=TrainingPlan.objects.get(athlete=athlete), date=LAST_MONDAY + timedelta(days=3)
    )

    run()

    summary = AIWeeklySummary.objects.get()
    analysis = analyse(gather_week(athlete, LAST_MONDAY)[0])
    assert summary.patterns == analysis.patterns
    assert summary.suggestions == analysis.suggestions
    assert summary.fatigue_analysis == analysis.fatigue_analysis
    assert summary.patterns and summary.suggestions


@pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="SQLite serialises every write behind one database lock, so there is no race to "
    "test; run with DATABASE_URL=postgres://…",
)
@pytest.mark.django_db(transaction=True)
def test_two_writers_of_the_same_week_store_one_summary(monkeypatch):
    athlete_id = AthleteFactory().pk
    logged_week(Athlete.objects.get(pk=athlete_id), LAST_MONDAY)
    start, both_analysed = threading.Barrier(2, timeout=10), threading.Barrier(2, timeout=10)

    real_summary_of = summary_of

    def summary_of_after_both(*args, **kwargs):
        # Both writers have looked for a stored summary and found none before either inserts.
        both_analysed.wait()
        return real_summary_of(*args, **kwargs)

    monkeypatch.setattr("insights.services.summary_of", summary_of_after_both)
    results, errors = [], []

    def write():
        try:
            athlete = Athlete.objects.select_related("user").get(pk=athlete_id)
            start.wait()
            results.append(generate_summary(athlete=athlete, week_start=LAST_MONDAY, now=NOW))
        except Exception as error:  # reported below, on the test's thread
            errors.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=write) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)

    assert errors == []
    assert len(results) == 2
    assert AIWeeklySummary.objects.count() == 1
    stored = AIWeeklySummary.objects.get()
    assert {summary.pk for summary, _ in results} == {stored.pk}
    assert sorted(created for _, created in results) == [False, True]


def summary_sundays(athlete) -> list[date]:
    return sorted(
        AIWeeklySummary.objects.filter(athlete=athlete).values_list("week_end_date", flat=True)
    )


@pytest.mark.django_db
def test_a_job_that_did_not_run_for_two_weeks_writes_both_skipped_weeks(clock):
    summarised, new = AthleteFactory(), AthleteFactory()
    for athlete in (summarised, new):
        for back in (1, 2):
            logged_week(athlete, THIS_MONDAY - timedelta(weeks=back))
    logged_week(summarised, THIS_MONDAY - timedelta(weeks=3))
    clock.now = NOW - timedelta(weeks=2)
    run()  # the last run: it wrote the week three weeks back
    assert summary_sundays(summarised) == [THIS_MONDAY - timedelta(weeks=2, days=1)]

    clock.now = NOW
    output = run()

    assert output.startswith("4 plan(s) completed; 4 summary(ies) written;")
    both = [THIS_MONDAY - timedelta(weeks=n, days=1) for n in (1, 0)]
    assert summary_sundays(summarised) == [THIS_MONDAY - timedelta(weeks=2, days=1), *both]
    assert summary_sundays(new) == both


@pytest.mark.django_db
def test_catching_up_stops_eight_weeks_back(clock):
    athlete = AthleteFactory()
    for back in range(1, 11):
        logged_week(athlete, THIS_MONDAY - timedelta(weeks=back))

    run()

    assert summary_sundays(athlete) == [
        THIS_MONDAY - timedelta(weeks=n, days=1) for n in range(7, -1, -1)
    ]


@pytest.mark.django_db
def test_with_nothing_missing_the_job_reads_all_athletes_in_one_query(
    clock, django_assert_num_queries
):
    athletes = AthleteFactory.create_batch(12)
    for athlete in athletes:
        logged_week(athlete, LAST_MONDAY)
    run()
    assert AIWeeklySummary.objects.count() == len(athletes)

    # Plans that may have ended (1; none left, so no update), athletes with their last
    # summary and logs (1), however many athletes.
    with django_assert_num_queries(2):
        output = run()
    assert output.startswith("0 plan(s) completed; 0 summary(ies) written; 0 athlete-week(s)")


def break_distance(plan: TrainingPlan, value) -> None:
    """Store a number no write path accepts any more, as rows written before the bounds did."""
    log = plan.sessions.get().logs.get()
    actual = {**log.actual_data, "distance": {"value": value, "unit": "km"}}
    type(log).objects.filter(pk=log.pk).update(actual_data=actual)


@pytest.mark.django_db
def test_one_athletes_absurd_distance_fails_only_their_week(clock, caplog):
    broken, fine = AthleteFactory(), AthleteFactory()
    break_distance(logged_week(broken, LAST_MONDAY), 1e308)
    logged_week(fine, LAST_MONDAY)
    out = StringIO()

    with pytest.raises(CommandError, match="1 athlete-week"):
        call_command("generate_weekly_summaries", stdout=out)

    assert out.getvalue().strip() == (
        "2 plan(s) completed; 1 summary(ies) written; "
        "2 athlete-week(s) without logs or not over yet. 1 failed (see the log)."
    )
    assert summary_sundays(fine) == [LAST_MONDAY + timedelta(days=6)]
    assert summary_sundays(broken) == []
    failure = next(r for r in caplog.records if r.levelname == "ERROR")
    assert failure.getMessage() == (
        f"No summary for athlete {broken.pk}, week of {LAST_MONDAY.isoformat()}"
    )
    assert "actualData.distance.value is 1e+308" in failure.exc_text


@pytest.mark.django_db
def test_any_error_in_one_athlete_week_leaves_the_others(clock, monkeypatch):
    first, second = AthleteFactory(), AthleteFactory()
    logged_week(first, LAST_MONDAY)
    logged_week(second, LAST_MONDAY)
    real = build_week

    def fail_for_first(week_start, *, planned, **kwargs):
        if planned.plan.athlete_id == first.pk:
            raise RuntimeError("a rule crashed on this athlete's data")
        return real(week_start, planned=planned, **kwargs)

    monkeypatch.setattr("insights.jobs.build_week", fail_for_first)

    with pytest.raises(CommandError):
        run()

    assert AIWeeklySummary.objects.get().athlete == second


@pytest.mark.django_db
def test_with_a_broker_the_job_queues_one_task_per_chunk_for_the_workers(
    clock, settings, monkeypatch
):
    from insights import jobs
    from insights.management.commands import generate_weekly_summaries as command

    settings.CELERY_BROKER_URL = "amqp://guest:guest@127.0.0.1:5672//"
    athletes = [AthleteFactory() for _ in range(3)]
    for athlete in athletes:
        logged_week(athlete, LAST_MONDAY)
    queued = []
    monkeypatch.setattr(command.summarise_chunk, "delay", lambda *args: queued.append(args))
    monkeypatch.setattr(command, "chunks", lambda now, weeks: jobs.chunks(now, 2, weeks=weeks))

    output = run()

    assert output == "3 plan(s) completed; 2 chunk(s) of up to 200 athletes queued for the workers."
    assert not AIWeeklySummary.objects.exists()  # the workers write them
    assert [len(ids) for ids, _, _ in queued] == [2, 1]
    assert {i for ids, _, _ in queued for i in ids} == {str(a.pk) for a in athletes}
    assert {(now, weeks) for _, now, weeks in queued} == {(NOW.isoformat(), None)}
    # What a worker then does with each message: the same summaries as a run in-process.
    for arguments in queued:
        command.summarise_chunk.apply(arguments).get()
    assert AIWeeklySummary.objects.count() == 3


@pytest.mark.django_db
def test_without_a_broker_the_job_runs_the_chunks_here(clock, settings):
    settings.CELERY_BROKER_URL = ""
    logged_week(AthleteFactory(), LAST_MONDAY)

    assert run() == (
        "1 plan(s) completed; 1 summary(ies) written; 1 athlete-week(s) without logs or not "
        "over yet."
    )
    assert AIWeeklySummary.objects.count() == 1
