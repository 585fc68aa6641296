from django.urls import path

from catalog import views

app_name = "catalog"

urlpatterns = [
    path("", views.product_list, name="product_list"),
    path("products/new/", views.product_create, name="product_create"),
    path("products/<int:pk>/", views.product_update, name="product_update"),
    path("products/<int:pk>/active/", views.product_active, name="product_active"),
    path("photos/<int:pk>/main/", views.photo_main, name="photo_main"),
    path("photos/<int:pk>/delete/", views.photo_delete, name="photo_delete"),
    path("categories/", views.category_list, name="category_list"),
    path("categories/<int:pk>/", views.category_update, name="category_update"),
    path("categories/<int:pk>/move/", views.category_move, name="category_move"),
    path("categories/<int:pk>/delete/", views.category_delete, name="category_delete"),
    path("currencies/", views.currency_settings, name="currencies"),
]
