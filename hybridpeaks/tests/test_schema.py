"""The database carries every index the spec names, under the spec's names."""

import pytest
from django.db import connection

SPEC_INDEXES = {
    "users": {"idx_user_email": ["email"]},
    "athletes": {"idx_athlete_coach": ["coach_id"]},
    "training_plans": {
        "idx_plan_athlete_date": ["athlete_id", "week_start_date"],
        "idx_plan_status": ["status"],
    },
    "training_sessions": {
        "idx_session_plan": ["plan_id"],
        "idx_session_date": ["date"],
        "idx_session_plan_date": ["plan_id", "date"],
    },
    "workout_logs": {
        "idx_log_session": ["session_id", "athlete_id"],
        "idx_log_athlete_date": ["athlete_id", "completed_at"],
        "idx_log_sync_status": ["sync_status"],
    },
    "exercises": {
        "idx_exercise_name": None,  # on LOWER(name): an expression, no plain columns
        "idx_exercise_category": ["category"],
        "idx_exercise_creator": ["created_by_id"],
    },
    "benchmark_metrics": {
        "idx_metric_athlete": ["athlete_id"],
        "idx_metric_type": ["athlete_id", "metric_type"],
    },
    "ai_weekly_summaries": {
        "idx_summary_athlete_week": ["athlete_id", "week_end_date"],
        "idx_summary_generated": ["generated_at"],
    },
    "audit_logs": {
        "idx_audit_user": ["user_id", "created_at"],
        "idx_audit_entity": ["entity_type", "entity_id"],
    },
}
UNIQUE = {"idx_user_email", "idx_log_session", "idx_exercise_name", "idx_summary_athlete_week"}


@pytest.mark.django_db
@pytest.mark.parametrize("table", SPEC_INDEXES)
def test_spec_indexes_exist(table):
    with connection.cursor() as cursor:
        constraints = connection.introspection.get_constraints(cursor, table)
    for name, columns in SPEC_INDEXES[table].items():
        assert name in constraints, f"{table} lacks {name}"
        if columns is not None:
            assert constraints[name]["columns"] == columns
        assert constraints[name]["unique"] == (name in UNIQUE), name


@pytest.mark.django_db
def test_one_active_plan_index_is_partial_and_unique():
    with connection.cursor() as cursor:
        constraints = connection.introspection.get_constraints(cursor, "training_plans")
    assert constraints["one_active_plan_per_athlete_week"]["unique"]
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT indexdef FROM pg_indexes WHERE indexname = %s",
                ["one_active_plan_per_athlete_week"],
            )
            (definition,) = cursor.fetchone()
        assert "WHERE ((status)::text = 'active'::text)" in definition
