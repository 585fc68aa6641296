from django.urls import path

from quickorder import staff_views

app_name = "quicklinks"

# Mounted under /<tenant>/customers/<pk>/link/ (crm/urls.py).
urlpatterns = [
    path("generate/", staff_views.link_generate, name="generate"),
    path("revoke/", staff_views.link_revoke, name="revoke"),
    path("expiry/", staff_views.link_expiry, name="expiry"),
    path("send/", staff_views.link_send, name="send"),
    path("whatsapp/", staff_views.link_whatsapp, name="whatsapp"),
]
