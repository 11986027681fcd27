"""The authorization matrix's rows for /api/v1/ (test_authorization_matrix.py reads them):
(method, one answer per role in the order of its ROLES), and the arguments of the URLs that
name an object, always the owning athlete's.

The API answers in JSON: signed out is a 401, never a sign-in page; an admin with no coach or
athlete profile a 403; another person's object a 404. The sync endpoints are athletes' only.
"""

from logging_app.imports.models import ImportBatch

# fmt: off
API = {
    #                      anonymous owning   other   owning  other   admin
    #                                coach    coach   athlete athlete
    # The sync API: an empty body is a 400.
    "api:workout_logs":   ("POST", (401,      403,     403,    400,    400,    403)),
    "api:workout_log":    ("GET",  (401,      403,     403,    200,    404,    403)),
    # The document is public; the read API is for coaches and athletes.
    "api:openapi":        ("GET",  (200,      200,     200,    200,    200,    200)),
    "api:me":             ("GET",  (401,      200,     200,    200,    200,    403)),
    "api:athletes":       ("GET",  (401,      200,     200,    200,    200,    403)),
    "api:plans":          ("GET",  (401,      200,     200,    200,    200,    403)),
    "api:plan":           ("GET",  (401,      200,     404,    200,    404,    403)),
    "api:sessions":       ("GET",  (401,      200,     200,    200,    200,    403)),
    "api:session":        ("GET",  (401,      200,     404,    200,    404,    403)),
    "api:benchmarks":     ("GET",  (401,      200,     200,    200,    200,    403)),
    "api:summaries":      ("GET",  (401,      200,     200,    200,    200,    403)),
    "api:summary":        ("GET",  (401,      200,     404,    200,    404,    403)),
    # Watch files: athletes only; an empty upload is a 400.
    "api:imports":        ("POST", (401,      403,     403,    400,    400,    403)),
    "api:import":         ("GET",  (401,      403,     403,    200,    404,    403)),
}
# fmt: on

API_ARGS = {
    "api:workout_log": lambda world: [world.log.pk],
    "api:plan": lambda world: [world.session.plan_id],
    "api:session": lambda world: [world.session.pk],
    "api:summary": lambda world: [world.summary.pk],
    "api:import": lambda world: [ImportBatch.objects.create(athlete=world.owning_athlete).pk],
}
