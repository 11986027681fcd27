from django.urls import path

from logging_app import views

app_name = "logging_app"

urlpatterns = [
    path("", views.today, name="today"),
]
