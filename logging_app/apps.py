from django.apps import AppConfig


class LoggingAppConfig(AppConfig):
    name = "logging_app"
    verbose_name = "Workout logging"
