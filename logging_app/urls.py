from django.urls import path

from logging_app import views
from training.views import benchmarks

app_name = "logging_app"

urlpatterns = [
    path("", views.today, name="today"),
    path("benchmarks/", benchmarks.my_benchmarks, name="benchmarks"),
]
