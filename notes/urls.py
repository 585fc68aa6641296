from django.urls import path

from notes import views

app_name = "notes"

urlpatterns = [
    path("new/", views.note_create, name="create"),
    path("<int:note_pk>/edit/", views.note_update, name="update"),
    path("<int:note_pk>/delete/", views.note_delete, name="delete"),
]
