"""The import pages: upload, the batch's outcomes in words, and re-match / unmatch / keep with
their version checks; another athlete's import is a 404; the page's query budget."""

import io
from datetime import timedelta

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from audit.models import AuditLog
from logging_app.imports import services
from logging_app.imports.models import ImportBatch, ImportedActivity
from logging_app.models import WorkoutLog
from logging_app.tests.fit_files import fit_activity
from logging_app.tests.imports.helpers import activity, at, berlin_athlete, run_on, week_of

pytestmark = pytest.mark.django_db
IMPORT = reverse("logging_app:import")


@pytest.fixture
def athlete(client):
    athlete = berlin_athlete()
    client.force_login(athlete.user)
    return athlete


@pytest.fixture
def week(athlete):
    """Last week: runs planned on Tuesday and Thursday, a ride on Wednesday."""
    plan = week_of(athlete)
    return {
        "tuesday": run_on(plan, 1, focus="Easy run"),
        "wednesday": run_on(plan, 2, modality="bike"),
        "thursday": run_on(plan, 3, focus="Tempo"),
    }


@pytest.fixture
def matched(athlete, week):
    """An import of Tuesday's run, matched to it."""
    result = services.import_activity(athlete, activity())
    return ImportedActivity.objects.get(log_id=result["log"])


def post_change(client, name, imported, **data):
    return client.post(reverse(f"logging_app:{name}", args=[imported.pk]), data)


def test_the_page_lists_open_imports_with_their_match_and_choices(client, matched, week):
    page = client.get(IMPORT)
    assert page.status_code == 200
    text = page.text
    assert '<label for="import-files">Watch files</label>' in text
    assert 'accept=".fit,.gpx,.tcx,.zip"' in text and "multiple" in text
    assert "Matched to Tuesday&#x27;s run “Easy run”" in text
    # The week's other unlogged run is a choice; the ride and the matched run are not.
    assert str(week["thursday"].pk) in text
    assert str(week["wednesday"].pk) not in text and f'value="{week["tuesday"].pk}"' not in text
    assert "Unmatch" in text and "Keep" in text


def test_an_upload_goes_to_its_batch_page_and_says_what_became_of_each_file(
    client, athlete, week, django_capture_on_commit_callbacks
):
    run = fit_activity(2700, start=at(week["tuesday"].date, 7, 30))
    files = [io.BytesIO(run), io.BytesIO(b"not a watch file")]
    files[0].name, files[1].name = "run.fit", "notes.txt"
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(IMPORT, {"files": files})
    batch = ImportBatch.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("logging_app:import_batch", args=[batch.pk])
    page = client.get(response["Location"])
    assert "<strong>Matched:</strong> run.fit: matched to Tuesday" in page.text
    assert "<strong>Problem:</strong> notes.txt:" in page.text
    assert "hx-trigger" not in page.text  # done: nothing to poll
    assert "Check the matches" in page.text


def test_a_batch_still_running_polls_with_htmx(client, athlete):
    batch = ImportBatch.objects.create(athlete=athlete, status=ImportBatch.Status.RUNNING)
    url = reverse("logging_app:import_batch", args=[batch.pk])
    page = client.get(url)
    assert f'hx-get="{url}" hx-trigger="every 2s"' in page.text and "htmx" in page.text
    partial = client.get(url, headers={"HX-Request": "true"})
    assert "<html" not in partial.text and 'id="outcomes"' in partial.text
    assert partial["Vary"] and "HX-Request" in partial["Vary"]


def test_another_athletes_batch_and_imports_are_404(client, matched):
    batch = ImportBatch.objects.create(athlete=matched.athlete)
    client.force_login(berlin_athlete().user)
    assert client.get(reverse("logging_app:import_batch", args=[batch.pk])).status_code == 404
    for name in ("import_rematch", "import_unmatch", "import_keep"):
        assert post_change(client, name, matched, version=1).status_code == 404
    assert "Easy run" not in client.get(IMPORT).text
    matched.refresh_from_db()
    assert matched.version == 1 and matched.confirmed_at is None


def test_rematch_moves_the_log_and_is_audited(client, matched, week):
    response = post_change(
        client, "import_rematch", matched, version=1, session=week["thursday"].pk
    )
    assert response.status_code == 302 and response["Location"] == IMPORT
    assert WorkoutLog.objects.get(pk=matched.pk).session == week["thursday"]
    entry = AuditLog.objects.get(action="rematch_imported_activity")
    assert entry.metadata == {
        "before": str(week["tuesday"].pk),
        "after": str(week["thursday"].pk),
    }
    assert "Matched to Thursday&#x27;s run “Tempo”" in client.get(IMPORT).text


def test_unmatch_makes_it_unplanned(client, matched):
    assert post_change(client, "import_unmatch", matched, version=1).status_code == 302
    assert WorkoutLog.objects.get(pk=matched.pk).session is None
    assert AuditLog.objects.filter(action="unmatch_imported_activity").exists()
    assert "Unplanned" in client.get(IMPORT).text


@pytest.mark.parametrize("session", ["wednesday", "tuesday", "none"])
def test_rematch_to_what_is_no_choice_is_422(client, matched, week, session):
    """Another sport's session, the one already logged, or no session at all."""
    target = week[session].pk if session in week else "6f1b3c44-0000-4000-8000-000000000000"
    response = post_change(client, "import_rematch", matched, version=1, session=target)
    assert response.status_code == 422
    assert "Choose one of this week" in response.text
    assert WorkoutLog.objects.get(pk=matched.pk).session == week["tuesday"]


@pytest.mark.parametrize("data", [{}, {"session": ""}])
def test_rematch_without_a_session_is_422_not_an_unmatch(client, matched, week, data):
    """Unmatching has its own button; a re-match missing its session is refused."""
    response = post_change(client, "import_rematch", matched, version=1, **data)
    assert response.status_code == 422 and "Choose one of this week" in response.text
    assert WorkoutLog.objects.get(pk=matched.pk).session == week["tuesday"]


@pytest.mark.parametrize("version", ["", "x", "2", "0", "-1", "9" * 30, "1\x00"])
def test_a_stale_or_missing_version_is_409_and_changes_nothing(client, matched, version):
    response = post_change(client, "import_unmatch", matched, version=version)
    assert response.status_code == 409
    assert "changed or became final" in response.text
    assert WorkoutLog.objects.get(pk=matched.pk).session_id is not None


def test_keep_makes_it_final_and_then_nothing_changes(client, matched, week):
    assert post_change(client, "import_keep", matched, version=1).status_code == 302
    matched.refresh_from_db()
    assert matched.is_final() and matched.version == 2
    assert str(matched.pk) not in client.get(IMPORT).text  # no longer open
    for name, data in [
        ("import_unmatch", {}),
        ("import_rematch", {"session": week["thursday"].pk}),
    ]:
        assert post_change(client, name, matched, version=2, **data).status_code == 409
    assert WorkoutLog.objects.get(pk=matched.pk).session == week["tuesday"]


def test_an_import_a_week_old_is_final_on_its_own(client, matched):
    ImportedActivity.objects.filter(pk=matched.pk).update(
        created_at=timezone.now() - timedelta(days=7, minutes=1)
    )
    assert post_change(client, "import_unmatch", matched, version=1).status_code == 409
    assert "Nothing waiting" in client.get(IMPORT).text


def test_an_upload_over_50_mb_is_refused_before_its_body_is_read(client, athlete):
    response = client.generic(
        "POST",
        IMPORT,
        b"--x--",
        content_type="multipart/form-data; boundary=x",
        CONTENT_LENGTH=str(51 * 1024 * 1024),
    )
    assert response.status_code == 413
    assert "The upload is over 50 MB" in response.text
    assert not ImportBatch.objects.exists()


def test_no_file_is_422(client, athlete):
    response = client.post(IMPORT, {})
    assert (
        response.status_code == 422 and "Choose a .fit, .gpx, .tcx or .zip file." in response.text
    )


def test_over_100_files_is_422_naming_the_field_and_stores_nothing(client, athlete):
    """Django refuses a 101st file while parsing the form (DATA_UPLOAD_MAX_NUMBER_FILES):
    the page says why, not Django's bare 400."""
    files = [io.BytesIO(b"x") for _ in range(101)]
    for number, upload in enumerate(files):
        upload.name = f"run{number}.fit"
    response = client.post(IMPORT, {"files": files})
    assert response.status_code == 422 and "At most 100 files" in response.text
    assert not ImportBatch.objects.exists()


def test_an_upload_without_the_csrf_token_is_refused(athlete):
    strict = Client(enforce_csrf_checks=True)
    strict.force_login(athlete.user)
    upload = io.BytesIO(b"x")
    upload.name = "run.fit"
    assert strict.post(IMPORT, {"files": upload}).status_code == 403
    assert not ImportBatch.objects.exists()


def test_the_import_page_stays_in_budget_with_many_open_imports(
    client, athlete, week, django_assert_max_num_queries
):
    start = activity().started_at
    for n in range(12):
        services.import_activity(athlete, activity(started_at=start + timedelta(hours=n * 9)))
    # Session and user, the imports with their logs and sessions, the weeks' sessions and
    # their logs: the same whatever the number of imports.
    with django_assert_max_num_queries(8):
        page = client.get(IMPORT)
    assert page.text.count('class="import-row"') == 12


def test_the_batch_page_stays_in_budget(client, athlete, django_assert_max_num_queries):
    batch = ImportBatch.objects.create(
        athlete=athlete,
        status=ImportBatch.Status.DONE,
        outcomes=[
            {"file": f"{n}.fit", "outcome": "problem", "message": "x", "log": None}
            for n in range(50)
        ],
    )
    with django_assert_max_num_queries(6):
        assert client.get(reverse("logging_app:import_batch", args=[batch.pk])).status_code == 200


def test_an_unplanned_import_shows_in_the_week_history_and_its_log(client, athlete):
    result = services.import_activity(athlete, activity())
    log = WorkoutLog.objects.get(pk=result["log"])
    monday = log.completed_at.date() - timedelta(days=log.completed_at.weekday())
    week = client.get(reverse("logging_app:week_of", args=[monday.isoformat()])).text
    assert "Unplanned run</a> · 47 minutes · done" in week
    history = client.get(reverse("logging_app:history")).text
    assert "Unplanned run" in history and "since removed" not in history
    detail = client.get(reverse("logging_app:log_detail", args=[log.pk])).text
    for shown in ("from your watch (run.fit), unplanned", "Moving time</dt><dd>46 minutes"):
        assert shown in detail
    assert "Maximum heart rate</dt><dd>168 bpm" in detail and "Zone 2: 20 min" in detail
    assert "Match it again or keep it" in detail


def test_past_the_newest_open_imports_the_page_says_where_the_others_are(
    client, athlete, monkeypatch
):
    monkeypatch.setattr("logging_app.imports.selectors.OPEN_SHOWN", 2)
    monkeypatch.setattr("logging_app.imports.views.OPEN_SHOWN", 2)
    start = activity().started_at
    for n in range(3):
        services.import_activity(athlete, activity(started_at=start + timedelta(hours=n * 9)))
    page = client.get(IMPORT).text
    assert page.count('class="import-row"') == 2
    assert "The newest 2 are shown: keep them and the next ones appear here." in page
