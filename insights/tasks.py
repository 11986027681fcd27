"""Background tasks: weekly summaries by chunks of athletes, then the optional narrator.

The hourly job enqueues one `summarise_chunk` per chunk of athletes; any number of workers
(`celery -A hybridpeaks worker`) take them. Without a broker they run in-process (settings).

Messages are acknowledged only after the task has finished (acks_late), so a worker that dies
mid-chunk has its chunk delivered again to another one. Running a task twice is harmless: the
unique constraint on (athlete, week end) refuses a second summary of the same week, and a
summary is narrated at most once. Arguments and return values are JSON (ids, ISO times).
"""

from datetime import datetime, timedelta

from celery import shared_task
from django.utils import timezone

from hybridpeaks.core.background import TRANSIENT_RETRY, BackgroundTask
from insights import jobs, narrator
from insights.models import AIWeeklySummary

# The narrator's HTTP call has its own timeout (LLM_TIMEOUT, per read); this bounds the whole.
NARRATE_SOFT_TIME_LIMIT = 60


@shared_task(base=BackgroundTask, **TRANSIENT_RETRY)
def summarise_chunk(athlete_ids: list[str], now_iso: str, weeks: int | None = None) -> dict:
    """Write the missing summaries of these athletes' ended weeks (insights.jobs, a constant
    number of queries and one INSERT), then queue the narration of those it stored.

    `now_iso` is the enqueuer's time, so every chunk of one run judges "ended" alike;
    `weeks` backfills that many ended weeks. A database outage (OperationalError,
    InterfaceError) is not one athlete's data: it leaves the chunk whole and the task is
    retried (TRANSIENT_RETRY). Returns the counts (read in-process only).
    """
    outcome = jobs.summarise_chunk(athlete_ids, now=datetime.fromisoformat(now_iso), weeks=weeks)
    narrate_later(outcome.created_ids)
    return {
        "created": len(outcome.created_ids),
        "skipped": outcome.skipped,
        "failed": outcome.failed,
    }


def narrate_later(summary_ids) -> None:
    """Queue one narration per stored summary, if a narrator is configured. The narrator calls
    an outside service (seconds each): never inside a batch or before the deterministic
    summary is stored, and each as a task of its own that may fail alone."""
    if narrator.configured():
        for summary_id in summary_ids:
            narrate_summary.delay(str(summary_id))


def is_narrated(summary: AIWeeklySummary) -> bool:
    """The narrator stamps generated_at after the row's created_at when it rewrites the texts;
    the deterministic job sets it before the INSERT, so it is never later than created_at."""
    return summary.generated_at > summary.created_at


@shared_task(
    base=BackgroundTask,
    soft_time_limit=NARRATE_SOFT_TIME_LIMIT,
    time_limit=NARRATE_SOFT_TIME_LIMIT + 15,
    **TRANSIENT_RETRY,
)
def narrate_summary(summary_id: str) -> bool:
    """Let the LLM narrator rephrase a stored summary; True when its texts were rewritten.

    Idempotent: a summary already narrated, or deleted meanwhile, is left alone, and the
    rewrite is a compare-and-set on generated_at, so two deliveries at once write once. On
    any narrator failure (logged by the narrator) the deterministic text stands.
    """
    if not narrator.configured():
        return False
    summary = AIWeeklySummary.objects.filter(pk=summary_id).first()
    if summary is None or is_narrated(summary):
        return False
    findings = {
        "patterns": summary.patterns,
        "suggestions": summary.suggestions,
        "fatigueAnalysis": summary.fatigue_analysis,
    }
    texts = narrator.narrate(findings)
    if texts is findings:
        return False  # the narrator's way of saying it failed: the findings come back as-is
    rewritten = AIWeeklySummary.objects.filter(
        pk=summary.pk, generated_at=summary.generated_at
    ).update(
        patterns=texts["patterns"],
        suggestions=texts["suggestions"],
        fatigue_analysis=texts["fatigueAnalysis"],
        # Strictly after created_at even if this worker's clock is behind the writer's.
        generated_at=max(timezone.now(), summary.created_at + timedelta(microseconds=1)),
    )
    return bool(rewritten)
