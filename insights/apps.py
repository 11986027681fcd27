from django.apps import AppConfig


class InsightsConfig(AppConfig):
    name = "insights"

    def ready(self):
        # The roster's lines listen to every write of plans, sessions and logs.
        from insights import roster_lines  # noqa: F401
