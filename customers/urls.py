from django.urls import path

from customers import bulk_views, import_views, reorders, saved_views, views

app_name = "customers"

urlpatterns = [
    path("", views.customer_list, name="list"),
    path("new/", views.customer_create, name="create"),
    path("export/", views.customer_export, name="export"),
    path("merge/", views.customer_merge, name="merge"),
    path("bulk/", bulk_views.bulk_action, name="bulk"),
    path("import/", import_views.customer_import, name="import"),
    path("import/<int:pk>/", import_views.import_detail, name="import_detail"),
    path("import/<int:pk>/report.csv", import_views.import_report, name="import_report"),
    path("import/<int:pk>/undo/", import_views.import_undo, name="import_undo"),
    path("bulk/<int:pk>/", bulk_views.bulk_run, name="bulk_run"),
    path("views/new/", saved_views.view_create, name="view_create"),
    path("views/<int:pk>/edit/", saved_views.view_update, name="view_update"),
    path("views/<int:pk>/delete/", saved_views.view_delete, name="view_delete"),
    path("reorders/", reorders.reorders, name="reorders"),
    path("<int:pk>/snooze/", reorders.reorder_snooze, name="reorder_snooze"),
    path("<int:pk>/", views.customer_detail, name="detail"),
    path("<int:pk>/edit/", views.customer_update, name="update"),
    path("<int:pk>/delete/", views.customer_delete, name="delete"),
    path("<int:pk>/archive/", views.customer_archive, name="archive"),
    path("<int:pk>/restore/", views.customer_restore, name="restore"),
    path("<int:pk>/addresses/new/", views.address_create, name="address_create"),
    path(
        "<int:pk>/addresses/<int:address_pk>/edit/",
        views.address_update,
        name="address_update",
    ),
    path(
        "<int:pk>/addresses/<int:address_pk>/delete/",
        views.address_delete,
        name="address_delete",
    ),
]
