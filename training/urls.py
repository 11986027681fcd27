from django.urls import path

import hybridpeaks.core.converters  # noqa: F401 (registers <isodate:…>, the one date parser)
from training.views import (
    benchmarks,
    catalog,
    copying,
    plans,
    program_apply,
    programs,
    publish,
    text,
    watch,
)

app_name = "training"

urlpatterns = [
    path("athletes/<uuid:athlete_id>/plan/", plans.next_week, name="next_week"),
    path("athletes/<uuid:athlete_id>/weeks/<isodate:monday>/", plans.week, name="week"),
    path(
        "athletes/<uuid:athlete_id>/weeks/<isodate:monday>/new-plan/",
        plans.create_plan,
        name="create_plan",
    ),
    path(
        "athletes/<uuid:athlete_id>/weeks/<isodate:monday>/copy/", plans.copy_week, name="copy_week"
    ),
    # The builder's text mode (training.text)
    path(
        "athletes/<uuid:athlete_id>/weeks/<isodate:monday>/text/", text.plan_text, name="plan_text"
    ),
    path(
        "athletes/<uuid:athlete_id>/weeks/<isodate:monday>/text/preview/",
        text.preview_text,
        name="preview_text",
    ),
    path(
        "athletes/<uuid:athlete_id>/weeks/<isodate:monday>/text/save/",
        text.save_text,
        name="save_text",
    ),
    path(
        "athletes/<uuid:athlete_id>/weeks/<isodate:monday>/copy-from/",
        copying.copy_picker,
        name="copy_picker",
    ),
    path("plans/<uuid:plan_id>/archive/", plans.archive_plan, name="archive_plan"),
    path("plans/<uuid:plan_id>/publish/", publish.publish_plan, name="publish_plan"),
    path("plans/<uuid:plan_id>/sessions/new/", plans.new_session, name="new_session"),
    path("sessions/<uuid:session_id>/edit/", plans.edit_session, name="edit_session"),
    path("sessions/<uuid:session_id>/delete/", plans.delete_session, name="delete_session"),
    path("sessions/<uuid:session_id>/actions/", plans.session_actions, name="session_actions"),
    path("sessions/<uuid:session_id>/move/", plans.move_session, name="move_session"),
    path("sessions/<uuid:session_id>/workout.fit", watch.session_workout, name="session_workout"),
    path(
        "sessions/<uuid:session_id>/duplicate/", plans.duplicate_session, name="duplicate_session"
    ),
    # Exercise catalog
    path("exercises/", catalog.exercise_list, name="exercise_list"),
    path("exercises/new/", catalog.exercise_create, name="exercise_create"),
    path("exercises/<uuid:pk>/edit/", catalog.exercise_edit, name="exercise_edit"),
    path("exercises/<uuid:pk>/delete/", catalog.exercise_delete, name="exercise_delete"),
    # Benchmarks
    path(
        "athletes/<uuid:athlete_id>/benchmarks/",
        benchmarks.athlete_benchmarks,
        name="athlete_benchmarks",
    ),
    # Programs (training.programs): the coach's library, applied to athletes
    path("programs/", programs.program_list, name="program_list"),
    path("programs/new/", programs.program_new, name="program_new"),
    path("programs/preview/", programs.program_preview, name="program_preview"),
    path("programs/import/", programs.program_import, name="program_import"),
    path("programs/<uuid:program_id>/", programs.program_edit, name="program_edit"),
    path("programs/<uuid:program_id>/delete/", programs.program_delete, name="program_delete"),
    path("programs/<uuid:program_id>/export/", programs.program_export, name="program_export"),
    path("programs/<uuid:program_id>/apply/", program_apply.program_apply, name="program_apply"),
    path(
        "athletes/<uuid:athlete_id>/weeks/<isodate:monday>/save-as-program/",
        programs.save_as_program,
        name="save_as_program",
    ),
]
