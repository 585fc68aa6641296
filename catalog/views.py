from decimal import Decimal

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.translation import gettext as _

from catalog import services
from catalog.forms import PreviewForm, RateFormSet
from catalog.i18n import localized
from catalog.models import Category, ExchangeRate, Product
from catalog.pricing import PriceBook, PriceUnavailable
from catalog.shop import catalog_rows, group_by_category
from crm.lib.money import format_money


def catalog_list(request: HttpRequest) -> HttpResponse:
    tenant = request.tenant
    language = translation.get_language()
    products = list(
        Product.objects.select_related("category").order_by(
            "category__position", "category_id", "position", "id"
        )
    )
    currencies = tenant.all_currencies
    books = {c: PriceBook(tenant, c, products) for c in currencies}
    rows = []
    for product in products:
        prices = []
        for currency in currencies:
            try:
                prices.append(format_money(books[currency].list_price(product), currency))
            except PriceUnavailable:
                prices.append("—")
        rows.append(
            {
                "product": product,
                "name": localized(product, "name", language, tenant.default_language),
                "category": localized(product.category, "name", language, tenant.default_language)
                if product.category
                else _("Uncategorised"),
                "prices": prices,
            }
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
        "groups": group_by_category(rows),
        "currencies": currencies,
        "preview_form": preview_form,
        "preview_html": preview_html,
        "has_categories": Category.objects.exists(),
    }
    return render(request, "catalog/product_list.html", context)


def render_preview(tenant, products, currency, discount, language) -> str:
    """The product grid exactly as a customer with these settings sees it."""
    with translation.override(language):
        rows = catalog_rows(tenant, products, currency, discount, language)
        return render_to_string(
            "catalog/_product_grid.html",
            {
                "groups": group_by_category(rows),
                "currency": currency,
                "discount": discount,
                "language": language,
                "preview": True,
            },
        )


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
