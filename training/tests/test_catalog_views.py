import pytest
from django.urls import reverse

from accounts.tests.factories import AthleteFactory, CoachFactory
from audit.models import AuditLog
from training.models import Exercise, ExerciseCategory, SessionType
from training.tests.factories import (
    BenchmarkFactory,
    ExerciseFactory,
    TrainingSessionFactory,
    strength_prescription,
)
from training.views.catalog import PAGE_SIZE

pytestmark = pytest.mark.django_db

LIST = reverse("training:exercise_list")
CREATE = reverse("training:exercise_create")


def edit_url(exercise):
    return reverse("training:exercise_edit", args=[exercise.pk])


def delete_url(exercise):
    return reverse("training:exercise_delete", args=[exercise.pk])


def names(response) -> list[str]:
    return [row.exercise.name for row in response.context["rows"]]


@pytest.fixture
def coach():
    return CoachFactory(name="Ann Owner")


@pytest.fixture
def other_coach():
    return CoachFactory(name="Bo Other")


@pytest.fixture
def coach_client(client, coach):
    client.force_login(coach.user)
    return client


def own(coach, **fields):
    return ExerciseFactory(**{"created_by": coach, "is_public": False, **fields})


def exercise_data(**overrides):
    return {
        "name": "Zercher squat",
        "category": ExerciseCategory.SQUAT,
        "muscle_groups": ["quads", "upper_back"],
        **overrides,
    }


# Visibility and access


def test_a_coach_sees_system_public_and_own_exercises_only(coach_client, coach, other_coach):
    ExerciseFactory(name="Back squat")
    ExerciseFactory(name="Hidden sled push", created_by=other_coach, is_public=False)
    ExerciseFactory(name="Shared carry", created_by=other_coach, is_public=True)
    own(coach, name="My lunge")
    own(coach, name="My public row", is_public=True)

    response = coach_client.get(LIST)

    assert response.status_code == 200
    assert names(response) == ["Back squat", "My lunge", "My public row", "Shared carry"]
    ownership = {row.exercise.name: row.ownership for row in response.context["rows"]}
    assert ownership == {
        "Back squat": "System",
        "My lunge": "Yours",
        "My public row": "Public (yours)",
        "Shared carry": "Shared by Bo Other",
    }
    assert "Hidden sled push" not in response.text
    assert "Shared by Bo Other" in response.text


def test_only_own_exercises_link_to_their_edit_page(coach_client, coach, other_coach):
    system = ExerciseFactory(name="Back squat")
    shared = ExerciseFactory(name="Shared carry", created_by=other_coach, is_public=True)
    mine = own(coach, name="My lunge")

    text = coach_client.get(LIST).text

    assert edit_url(mine) in text
    assert edit_url(system) not in text
    assert edit_url(shared) not in text


def test_athletes_get_403(client):
    client.force_login(AthleteFactory().user)
    assert client.get(LIST).status_code == 403
    assert client.get(CREATE).status_code == 403


def test_anonymous_visitors_are_sent_to_sign_in(client):
    exercise = ExerciseFactory()
    for url in (LIST, CREATE, edit_url(exercise)):
        response = client.get(url)
        assert response.status_code == 302
        assert response["Location"].startswith(reverse("accounts:login") + "?next=")
    assert client.post(delete_url(exercise)).status_code == 302
    assert Exercise.objects.filter(pk=exercise.pk).exists()


# Search and filters


def test_search_matches_names_in_any_case(coach_client):
    ExerciseFactory(name="Back squat")
    ExerciseFactory(name="Front Squat")
    ExerciseFactory(name="Deadlift")

    response = coach_client.get(LIST, {"q": "SQUAT"})

    assert names(response) == ["Back squat", "Front Squat"]
    assert "2 exercises match." in response.text


def test_category_filter(coach_client):
    ExerciseFactory(name="Back squat", category=ExerciseCategory.SQUAT)
    ExerciseFactory(name="Deadlift", category=ExerciseCategory.HINGE)

    assert names(coach_client.get(LIST, {"category": "hinge"})) == ["Deadlift"]


def test_muscle_group_filter_matches_whole_group_names(coach_client):
    ExerciseFactory(name="Crunch", muscle_groups=["abs"])
    ExerciseFactory(name="Hip adduction", muscle_groups=["adductors"])
    ExerciseFactory(name="Pallof press", muscle_groups=["obliques", "abs"])
    ExerciseFactory(name="Deadlift", muscle_groups=["hamstrings", "glutes", "lower_back"])

    assert names(coach_client.get(LIST, {"muscle": "abs"})) == ["Crunch", "Pallof press"]
    assert names(coach_client.get(LIST, {"muscle": "lower_back"})) == ["Deadlift"]


def test_filters_combine_and_unknown_values_mean_any(coach_client, coach):
    ExerciseFactory(name="Back squat", muscle_groups=["quads"])
    ExerciseFactory(name="Goblet squat", category=ExerciseCategory.ACCESSORY)
    own(coach, name="Split squat", muscle_groups=["quads", "glutes"])

    both = coach_client.get(LIST, {"q": "squat", "category": "squat", "muscle": "glutes"})
    assert names(both) == ["Split squat"]
    unknown = coach_client.get(LIST, {"category": "nope", "muscle": "%"})
    assert names(unknown) == ["Back squat", "Goblet squat", "Split squat"]


def test_htmx_requests_get_only_the_results(coach_client):
    ExerciseFactory(name="Back squat")

    response = coach_client.get(LIST, {"q": "back"}, headers={"HX-Request": "true"})

    assert response.status_code == 200
    assert "<html" not in response.text
    assert "Back squat" in response.text
    assert "HX-Request" in response["Vary"]


def test_a_history_restore_gets_the_whole_page(coach_client):
    headers = {"HX-Request": "true", "HX-History-Restore-Request": "true"}
    assert "<html" in coach_client.get(LIST, headers=headers).text


def test_the_list_stays_within_its_query_budget(
    coach_client, coach, other_coach, django_assert_max_num_queries
):
    ExerciseFactory.create_batch(50)
    ExerciseFactory.create_batch(50, created_by=coach, is_public=False)
    ExerciseFactory.create_batch(50, created_by=other_coach, is_public=True)
    # Session, user, coach profile (the role check), a page of exercises with their
    # creators and the count of all that match (one query: training/paging.py).
    with django_assert_max_num_queries(4):
        response = coach_client.get(LIST, {"page": "3"})
    assert len(response.context["rows"]) == PAGE_SIZE
    assert response.context["page"].paginator.count == 150
    with django_assert_max_num_queries(4):
        coach_client.get(LIST, {"q": "exercise", "muscle": "quads"}, headers={"HX-Request": "1"})


# Pages


def test_the_list_shows_a_page_at_a_time_and_says_how_many_in_all(coach_client):
    for n in range(PAGE_SIZE * 2 + 3):
        ExerciseFactory(name=f"Lift {n:02}")

    first = coach_client.get(LIST)
    last = coach_client.get(LIST, {"page": "3"})

    assert names(first) == [f"Lift {n:02}" for n in range(PAGE_SIZE)]
    assert names(last) == [f"Lift {n:02}" for n in range(PAGE_SIZE * 2, PAGE_SIZE * 2 + 3)]
    assert f"{PAGE_SIZE * 2 + 3} exercises. Showing 1–{PAGE_SIZE}." in first.text
    assert "Page 3 of 3" in last.text
    assert 'href="?page=2" rel="next"' in first.text
    assert 'href="?page=2" rel="prev"' in last.text
    assert 'rel="next"' not in last.text


def test_page_links_keep_the_filters(coach_client):
    for n in range(PAGE_SIZE + 1):
        ExerciseFactory(name=f"Squat {n:02}", category=ExerciseCategory.SQUAT)
    ExerciseFactory(name="Deadlift", category=ExerciseCategory.HINGE)

    response = coach_client.get(LIST, {"q": "squat", "category": "squat"})

    assert f"{PAGE_SIZE + 1} exercises match." in response.text
    assert 'href="?q=squat&amp;category=squat&amp;page=2"' in response.text
    second = coach_client.get(LIST, {"q": "squat", "category": "squat", "page": "2"})
    assert names(second) == [f"Squat {PAGE_SIZE:02}"]


@pytest.mark.parametrize("asked", ["9", "x", "-1", "0"])
def test_a_page_out_of_range_shows_the_nearest_one(coach_client, asked):
    for n in range(PAGE_SIZE + 1):
        ExerciseFactory(name=f"Lift {n:02}")

    page = coach_client.get(LIST, {"page": asked}).context["page"]

    assert page.number == (2 if asked == "9" else 1)
    assert len(page) == (1 if asked == "9" else PAGE_SIZE)


def test_one_page_needs_no_page_links(coach_client):
    ExerciseFactory(name="Back squat")
    response = coach_client.get(LIST)
    assert "Pages of exercises" not in response.text
    assert "Showing" not in response.text


# Creating


def test_a_coach_creates_a_private_exercise(coach_client, coach):
    response = coach_client.get(CREATE)
    assert response.status_code == 200

    response = coach_client.post(CREATE, exercise_data())

    assert response.status_code == 302
    assert response["Location"] == LIST
    exercise = Exercise.objects.get(name="Zercher squat")
    assert exercise.created_by == coach
    assert not exercise.is_public
    assert exercise.muscle_groups == ["quads", "upper_back"]
    entry = AuditLog.objects.get(action="create_exercise")
    assert (entry.user_id, entry.entity_id) == (coach.user.pk, exercise.pk)
    assert "added to your catalog" in coach_client.get(LIST).text


def test_a_duplicate_name_in_any_case_is_refused_beside_the_name(coach_client, other_coach):
    ExerciseFactory(name="Back squat")
    ExerciseFactory(name="Secret sled", created_by=other_coach, is_public=False)

    for name in ("BACK SQUAT", "secret sled"):
        response = coach_client.post(CREATE, exercise_data(name=name))

        assert response.status_code == 422
        form = response.context["form"]
        assert form.errors["name"] == ["An exercise with this name already exists."]
        assert not form.non_field_errors()
        assert f'value="{name}"' in response.text
    assert Exercise.objects.count() == 2
    assert not AuditLog.objects.filter(action="create_exercise").exists()


def test_bad_input_is_refused_with_messages_beside_the_fields(coach_client):
    response = coach_client.post(
        CREATE, {"name": "Z", "category": "squat", "muscle_groups": [], "is_public": "on"}
    )

    assert response.status_code == 422
    errors = response.context["form"].errors
    assert errors["name"] == ["Ensure this value has at least 2 characters (it has 1)."]
    assert errors["muscle_groups"] == ["This field is required."]
    assert set(errors) == {"name", "muscle_groups"}
    assert 'value="Z"' in response.text
    assert not Exercise.objects.exists()


# Editing


def test_a_coach_edits_their_own_exercise(coach_client, coach):
    exercise = own(coach, name="My lunge")
    assert coach_client.get(edit_url(exercise)).status_code == 200

    response = coach_client.post(
        edit_url(exercise),
        exercise_data(name="My walking lunge", muscle_groups=["glutes"], is_public="on"),
    )

    assert response.status_code == 302
    exercise.refresh_from_db()
    assert (exercise.name, exercise.muscle_groups, exercise.is_public) == (
        "My walking lunge",
        ["glutes"],
        True,
    )
    entry = AuditLog.objects.get(action="update_exercise")
    assert (entry.user_id, entry.entity_id) == (coach.user.pk, exercise.pk)


def test_an_edit_with_errors_keeps_what_was_typed(coach_client, coach):
    exercise = own(coach, name="My lunge")

    response = coach_client.post(edit_url(exercise), exercise_data(name="My lunge 2", category=""))

    assert response.status_code == 422
    assert "category" in response.context["form"].errors
    assert 'value="My lunge 2"' in response.text
    assert "<h1>Edit My lunge</h1>" in response.text
    exercise.refresh_from_db()
    assert exercise.name == "My lunge"


def test_renaming_to_a_name_in_another_case_of_itself_is_allowed(coach_client, coach):
    exercise = own(coach, name="My lunge")

    response = coach_client.post(edit_url(exercise), exercise_data(name="MY LUNGE"))

    assert response.status_code == 302
    exercise.refresh_from_db()
    assert exercise.name == "MY LUNGE"


@pytest.mark.parametrize("owner", ["system", "other coach private", "other coach public"])
def test_others_exercises_cannot_be_edited_or_deleted(coach_client, other_coach, owner):
    exercise = {
        "system": lambda: ExerciseFactory(name="Back squat"),
        "other coach private": lambda: own(other_coach, name="Back squat"),
        "other coach public": lambda: ExerciseFactory(name="Back squat", created_by=other_coach),
    }[owner]()

    assert coach_client.get(edit_url(exercise)).status_code == 404
    assert coach_client.post(edit_url(exercise), exercise_data()).status_code == 404
    assert coach_client.post(delete_url(exercise)).status_code == 404

    stored = Exercise.objects.get(pk=exercise.pk)
    assert (stored.name, stored.created_by_id) == ("Back squat", exercise.created_by_id)
    assert not AuditLog.objects.filter(action__endswith="_exercise").exists()


# Deleting


def test_a_coach_deletes_their_own_unused_exercise(coach_client, coach):
    exercise = own(coach, name="My lunge")

    response = coach_client.post(delete_url(exercise))

    assert response.status_code == 302
    assert response["Location"] == LIST
    assert not Exercise.objects.filter(pk=exercise.pk).exists()
    entry = AuditLog.objects.get(action="delete_exercise")
    assert (entry.user_id, entry.entity_id) == (coach.user.pk, exercise.pk)


def test_delete_is_post_only(coach_client, coach):
    exercise = own(coach)
    assert coach_client.get(delete_url(exercise)).status_code == 405
    assert Exercise.objects.filter(pk=exercise.pk).exists()


def test_an_exercise_in_a_session_cannot_be_deleted(coach_client, coach):
    exercise = own(coach, name="My lunge")
    TrainingSessionFactory(
        plan__athlete__coach=coach,
        type=SessionType.STRENGTH,
        prescription=strength_prescription(exercise.pk),
    )

    response = coach_client.post(delete_url(exercise))

    assert response.status_code == 409
    assert "used in training plans or benchmarks" in response.text
    assert Exercise.objects.filter(pk=exercise.pk).exists()
    assert not AuditLog.objects.filter(action="delete_exercise").exists()


def test_an_exercise_in_a_benchmark_cannot_be_deleted(coach_client, coach):
    exercise = own(coach, name="My lunge")
    BenchmarkFactory(athlete__coach=coach, metric_type="1RM", exercise=exercise, value=100)

    response = coach_client.post(delete_url(exercise))

    assert response.status_code == 409
    assert "used in training plans or benchmarks" in response.text
    assert Exercise.objects.filter(pk=exercise.pk).exists()


# Markup Pico styles as intended (PLATFORM.md: its role=search is a pill group, and its
# breadcrumb needs aria-label="breadcrumb" exactly).


def test_the_filters_are_a_search_landmark_of_plain_fields(coach_client):
    page = coach_client.get(LIST).content.decode()
    assert '<search aria-label="Filter exercises">' in page
    assert 'role="search"' not in page


@pytest.mark.parametrize("url", [lambda coach: CREATE, lambda coach: edit_url(own(coach))])
def test_the_exercise_form_has_a_breadcrumb(coach_client, coach, url):
    page = coach_client.get(url(coach)).content.decode()
    assert '<nav aria-label="breadcrumb"><ul><li><a href="' + LIST in page
    assert '<li aria-current="page">' in page
