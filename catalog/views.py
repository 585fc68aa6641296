from decimal import Decimal

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import translation
from django.utils.translation import gettext as _

from catalog import services
from catalog.forms import PreviewForm, RateFormSet
from catalog.models import Category, ExchangeRate, Product
from catalog.shop import price_table, render_preview


def catalog_list(request: HttpRequest) -> HttpResponse:
    tenant = request.tenant
    products = list(
        Product.objects.select_related("category").order_by(
            "category__position", "category_id", "position", "id"
        )
    )
    preview_form = PreviewForm(request.GET or None, tenant=tenant)
    preview_html = ""
    if preview_form.is_bound and preview_form.is_valid():
        preview_html = render_preview(
            tenant,
            [p for p in products if p.is_active],
            preview_form.cleaned_data["currency"],
            preview_form.cleaned_data["discount_percent"] or Decimal(0),
            preview_form.cleaned_data["language"],
        )
    context = {
        "nav": "catalog",
        "groups": price_table(tenant, products, translation.get_language()),
        "currencies": tenant.all_currencies,
        "preview_form": preview_form,
        "preview_html": preview_html,
        "has_categories": Category.objects.exists(),
    }
    return render(request, "catalog/product_list.html", context)


def currency_settings(request: HttpRequest) -> HttpResponse:
    """Owners set the exchange rates; a currency is sold in exactly when it has a rate."""
    if not request.membership.is_owner:
        raise Http404
    tenant = request.tenant
    formset = RateFormSet(
        request.POST or None, queryset=ExchangeRate.objects.all(), tenant=tenant, prefix="rates"
    )
    if request.method == "POST" and formset.is_valid():
        currencies = services.save_rates(formset, tenant)
        messages.success(
            request,
            _("Saved. You sell in %(currencies)s.")
            % {"currencies": ", ".join([tenant.base_currency, *currencies])},
        )
        return redirect("catalog:currencies")
    return render(
        request, "catalog/currency_settings.html", {"nav": "settings", "formset": formset}
    )
