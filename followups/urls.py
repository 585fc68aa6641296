from django.urls import path

from followups import views

app_name = "followups"

urlpatterns = [
    path("today/", views.today_page, name="today"),
    path("customers/<int:customer_pk>/followups/new/", views.followup_create, name="create"),
    path(
        "customers/<int:customer_pk>/notes/<int:note_pk>/followup/",
        views.followup_from_note,
        name="from_note",
    ),
    path("followups/<int:pk>/edit/", views.followup_update, name="update"),
    path("followups/<int:pk>/done/", views.followup_done, name="done"),
    path("followups/<int:pk>/reopen/", views.followup_reopen, name="reopen"),
    path("followups/<int:pk>/snooze/", views.followup_snooze, name="snooze"),
    path("followups/<int:pk>/reassign/", views.followup_reassign, name="reassign"),
    path("followups/<int:pk>/delete/", views.followup_delete, name="delete"),
]
