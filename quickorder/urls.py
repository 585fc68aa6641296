from django.urls import path

from quickorder import views

app_name = "quickorder"

# Mounted at /q/ (crm/urls.py). The token is signed: see quickorder/tokens.py.
urlpatterns = [
    path("<str:token>/", views.catalog, name="catalog"),
    path("<str:token>/cart/", views.cart_page, name="cart"),
    path("<str:token>/again/", views.reorder_view, name="reorder"),
    path("<str:token>/cart/add/", views.cart_add, name="cart_add"),
    path("<str:token>/cart/update/", views.cart_update, name="cart_update"),
    path("<str:token>/checkout/", views.checkout, name="checkout"),
    path("<str:token>/orders/", views.orders, name="orders"),
    path("<str:token>/orders/<int:number>/", views.order_status, name="order_status"),
    path("<str:token>/brand.css", views.brand_css, name="brand_css"),
]
