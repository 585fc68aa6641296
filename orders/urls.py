from django.urls import path

from orders import views

app_name = "orders"

urlpatterns = [
    path("", views.order_list, name="list"),
    path("export.csv", views.order_export, name="export"),
    path("new/<int:customer_pk>/", views.order_create, name="create"),
    path("<int:pk>/", views.order_detail, name="detail"),
    path("<int:pk>/packing-slip/", views.order_packing_slip, name="packing_slip"),
    path("<int:pk>/status/", views.order_transition, name="transition"),
]
