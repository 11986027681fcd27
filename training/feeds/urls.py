from django.urls import path

from training.feeds import views

app_name = "calendar"

urlpatterns = [
    path("", views.page, name="page"),
    path("new/", views.new_url, name="new"),
    path("off/", views.turn_off, name="off"),
    path("<str:secret>.ics", views.feed, name="feed"),
]
