from django.http import HttpRequest, HttpResponse

from crm.htmx import render_page


def customer_list(request: HttpRequest) -> HttpResponse:
    return render_page(request, "customers/customer_list.html", {})
