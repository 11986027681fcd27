"""The Celery tasks, run in-process as without a broker: what a chunk writes, that a chunk
delivered twice writes nothing twice, when the narrator is queued, and that narration
happens at most once and never loses the deterministic text."""

from datetime import datetime, time, timedelta

import pytest
from django.db import InterfaceError, OperationalError
from django.utils import timezone

from accounts.tests.factories import AthleteFactory
from hybridpeaks.celery import app
from insights import tasks
from insights.jobs import ChunkOutcome
from insights.models import AIWeeklySummary
from insights.tests.factories import WeeklySummaryFactory
from logging_app.tests.factories import WorkoutLogFactory
from training.selectors import monday_of
from training.tests.factories import TrainingPlanFactory, TrainingSessionFactory

REPHRASED = {
    "patterns": ["You did 4/5 sessions"],
    "suggestions": [{"suggestion": "Keep your loads", "reasoning": "RPE was as planned (7 vs 7)."}],
    "fatigueAnalysis": "A steady load this week.",
}


@pytest.fixture
def narrator_off(settings):
    settings.LLM_BASE_URL = ""


@pytest.fixture
def narrator_on(settings):
    settings.LLM_BASE_URL, settings.LLM_MODEL = "http://127.0.0.1:9/v1", "test-model"


@pytest.fixture
def queued(monkeypatch):
    """The narrate tasks a chunk queues, recorded instead of run."""
    calls = []
    monkeypatch.setattr(tasks.narrate_summary, "delay", calls.append)
    return calls


def athlete_with_last_week_logged():
    athlete = AthleteFactory()
    monday = monday_of(timezone.localdate(timezone=athlete.user.zoneinfo)) - timedelta(weeks=1)
    plan = TrainingPlanFactory(athlete=athlete, week_start_date=monday)
    session = TrainingSessionFactory(plan=plan, date=monday)
    WorkoutLogFactory(
        session=session,
        completed_at=datetime.combine(monday, time(12), tzinfo=athlete.user.zoneinfo),
    )
    return athlete


def run_chunk(athletes, **kwargs) -> dict:
    ids = [athlete.pk for athlete in athletes]
    return tasks.summarise_chunk.delay(ids, timezone.now().isoformat(), **kwargs).get()


def test_without_a_broker_tasks_run_in_process_acknowledged_late():
    assert app.conf.task_always_eager and app.conf.task_eager_propagates
    assert app.conf.task_acks_late and app.conf.task_reject_on_worker_lost
    assert app.conf.worker_prefetch_multiplier == 1
    assert app.conf.accept_content == ["json"] and app.conf.task_serializer == "json"


@pytest.mark.django_db
def test_a_chunk_writes_each_athletes_missing_summary(narrator_off, queued):
    athletes = [athlete_with_last_week_logged(), athlete_with_last_week_logged()]

    outcome = run_chunk(athletes, weeks=2)

    assert outcome == {"created": 2, "skipped": 2, "failed": 0}
    assert set(AIWeeklySummary.objects.values_list("athlete", flat=True)) == {
        a.pk for a in athletes
    }
    assert queued == []  # the narrator is off


@pytest.mark.django_db
def test_a_chunk_delivered_twice_writes_nothing_twice(narrator_off):
    athlete = athlete_with_last_week_logged()
    run_chunk([athlete], weeks=1)
    first = list(AIWeeklySummary.objects.values_list("pk", flat=True))

    again = run_chunk([athlete], weeks=1)

    assert again == {"created": 0, "skipped": 0, "failed": 0}
    assert list(AIWeeklySummary.objects.values_list("pk", flat=True)) == first


@pytest.mark.parametrize("configured", [True, False])
def test_a_chunk_queues_one_narration_per_stored_summary_if_configured(
    configured, queued, monkeypatch
):
    stored = ChunkOutcome(created_ids=["a", "b"], skipped=0, failed=0)
    monkeypatch.setattr(tasks.jobs, "summarise_chunk", lambda *args, **kwargs: stored)
    monkeypatch.setattr(tasks.narrator, "configured", lambda: configured)

    assert run_chunk([]) == {"created": 2, "skipped": 0, "failed": 0}
    assert queued == (["a", "b"] if configured else [])


@pytest.mark.django_db
def test_the_chunk_stores_the_engines_words_then_queues_their_narration(narrator_on, queued):
    athlete = athlete_with_last_week_logged()

    run_chunk([athlete], weeks=1)

    stored = AIWeeklySummary.objects.get()
    assert queued == [str(stored.pk)]
    assert not tasks.is_narrated(stored)  # the batch never asked the narrator


@pytest.mark.django_db
@pytest.mark.parametrize("outage", [OperationalError, InterfaceError])
def test_a_database_outage_in_the_middle_of_a_chunk_fails_it_whole(
    outage, narrator_off, monkeypatch
):
    def unreachable(*args, **kwargs):
        raise outage("the database is restarting")

    monkeypatch.setattr("insights.jobs.build_week", unreachable)
    with pytest.raises(outage, match="restarting"):
        run_chunk([athlete_with_last_week_logged()], weeks=1)
    assert not AIWeeklySummary.objects.exists()  # not counted as one athlete's failure


@pytest.mark.parametrize("task", [tasks.summarise_chunk, tasks.narrate_summary])
def test_workers_retry_an_unreachable_database_with_backoff(task):
    assert OperationalError in task.autoretry_for and InterfaceError in task.autoretry_for
    assert task.retry_backoff and task.max_retries


@pytest.mark.django_db
def test_in_process_the_caller_gets_the_database_error_itself(narrator_off, monkeypatch):
    calls = []

    def unreachable(*args, **kwargs):
        calls.append(1)
        raise OperationalError("the database is restarting")

    monkeypatch.setattr(tasks.jobs, "summarise_chunk", unreachable)
    with pytest.raises(OperationalError, match="restarting"):
        run_chunk([athlete_with_last_week_logged()], weeks=1)
    assert len(calls) == 1  # no retry in the caller's process


@pytest.mark.django_db
def test_narration_rewrites_the_texts_once(narrator_on, monkeypatch):
    summary = WeeklySummaryFactory()
    asked = []
    monkeypatch.setattr(tasks.narrator, "narrate", lambda f: asked.append(f) or REPHRASED)

    assert tasks.narrate_summary.delay(str(summary.pk)).get() is True
    assert tasks.narrate_summary.delay(str(summary.pk)).get() is False

    summary.refresh_from_db()
    assert (summary.patterns, summary.suggestions, summary.fatigue_analysis) == (
        REPHRASED["patterns"],
        REPHRASED["suggestions"],
        REPHRASED["fatigueAnalysis"],
    )
    assert tasks.is_narrated(summary)
    assert asked == [
        {
            "patterns": ["4/5 sessions done"],
            "suggestions": [
                {"suggestion": "Keep the loads", "reasoning": "RPE matched the plan (7 vs 7)."}
            ],
            "fatigueAnalysis": "Load was steady.",
        }
    ]


@pytest.mark.django_db
def test_a_failed_narration_keeps_the_deterministic_text(narrator_on, monkeypatch):
    summary = WeeklySummaryFactory()
    monkeypatch.setattr(tasks.narrator, "narrate", lambda findings: findings)

    assert tasks.narrate_summary.delay(str(summary.pk)).get() is False

    stored = AIWeeklySummary.objects.get()
    assert (stored.patterns, stored.fatigue_analysis) == (summary.patterns, "Load was steady.")
    assert not tasks.is_narrated(stored)


@pytest.mark.django_db
def test_nothing_is_narrated_when_the_narrator_is_off_or_the_summary_is_gone(settings, monkeypatch):
    monkeypatch.setattr(tasks.narrator, "narrate", lambda findings: pytest.fail("called"))
    summary = WeeklySummaryFactory()
    settings.LLM_BASE_URL = ""
    assert tasks.narrate_summary.delay(str(summary.pk)).get() is False
    settings.LLM_BASE_URL, settings.LLM_MODEL = "http://127.0.0.1:9/v1", "test-model"
    summary_id = str(summary.pk)
    summary.delete()
    assert tasks.narrate_summary.delay(summary_id).get() is False
