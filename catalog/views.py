"""The catalog in the product's own pages: products (with photos and prices), categories,
and the currencies and rates. Everyone of the business sees them; owners change them."""

from decimal import Decimal
from functools import wraps

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db.models import ProtectedError, Q
from django.http import Http404, HttpRequest, HttpResponse
from django.middleware.csrf import get_token
from django.shortcuts import get_object_or_404, redirect, render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from catalog import photos, services
from catalog.forms import CategoryForm, PreviewForm, ProductForm, RateFormSet
from catalog.i18n import LANGUAGE_CODES, localized
from catalog.models import Category, ExchangeRate, Product, ProductPhoto
from catalog.shop import CATALOG_ORDER, price_table, render_preview
from crm.lib.fragments import CSRF_MARK, fill_csrf, fragment_key, kept_fragments
from crm.lib.htmx import redirect_after_success, render_page, safe_next
from crm.lib.text import fold
from crm.lib.validation import is_number

PER_PAGE = 100


def owner_only(view):
    """Changing the catalog is the owners' (staff see it); anyone else gets the 404 that
    any page they may not see gives."""

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if not request.membership.is_owner:
            raise Http404
        return view(request, *args, **kwargs)

    return wrapper


def product_list(request: HttpRequest) -> HttpResponse:
    tenant = request.tenant
    term = request.GET.get("q", "").strip()[:100]
    category = request.GET.get("category", "")
    state = request.GET.get("state", "")
    products = (
        Product.objects.select_related("category")
        .defer(*[f"description_{code}" for code in LANGUAGE_CODES])  # not shown here
        .order_by(*CATALOG_ORDER)
    )
    if term:
        match = Q(sku_key__contains=fold(term))
        for code in LANGUAGE_CODES:
            match |= Q(**{f"name_{code}__icontains": term})
        products = products.filter(match)
    if category == "none":
        products = products.filter(category__isnull=True)
    elif is_number(category):
        products = products.filter(category_id=int(category))
    if state in ("active", "inactive"):
        products = products.filter(is_active=state == "active")
    page = Paginator(products, PER_PAGE).get_page(request.GET.get("page"))
    preview_form = PreviewForm(request.GET if "currency" in request.GET else None, tenant=tenant)
    preview_html = ""
    if preview_form.is_bound and preview_form.is_valid():
        preview_html = render_preview(
            tenant,
            list(Product.objects.select_related("category").filter(is_active=True)),
            preview_form.cleaned_data["currency"],
            preview_form.cleaned_data["discount_percent"] or Decimal(0),
            preview_form.cleaned_data["language"],
        )
    query = request.GET.copy()
    query.pop("page", None)
    groups = price_table(tenant, list(page), translation.get_language())
    if request.membership.is_owner:
        switches(request, [row for _category, rows in groups for row in rows])
    context = {
        "nav": "catalog",
        "groups": groups,
        "page": page,
        "query": query.urlencode(),
        "currencies": tenant.all_currencies,
        "term": term,
        "category": category,
        "state": state,
        "categories": [
            (c.pk, localized(c, "name", translation.get_language(), tenant.default_language))
            for c in Category.objects.all()
        ],
        "preview_form": preview_form,
        "preview_html": preview_html,
        "filtered": bool(term or category or state),
    }
    return render_page(request, "catalog/product_list.html", context, partial="results")


def switches(request: HttpRequest, rows: list) -> None:
    """`row["switch"]`: each product's Active switch (a form), kept under what it shows;
    a hundred of them drawn by the template were most of the page's time."""
    language, back = translation.get_language(), request.get_full_path()
    token = get_token(request)

    def key(row):
        product = row["product"]
        return fragment_key(
            "active-switch",
            language,
            back,
            product.pk,
            product.sku,
            product.is_active,
            tenant_id=product.tenant_id,
        )

    def draw(row):
        context = {"product": row["product"], "request": request, "csrf_token": CSRF_MARK}
        return render_to_string("catalog/_active_switch.html", context)

    for row, html in zip(rows, kept_fragments(rows, key, draw), strict=True):
        row["switch"] = fill_csrf(html, token)


@owner_only
def product_create(request: HttpRequest) -> HttpResponse:
    return _product_form(request, Product(tenant=request.tenant))


@owner_only
def product_update(request: HttpRequest, pk: int) -> HttpResponse:
    return _product_form(request, get_object_or_404(Product, pk=pk))


def _product_form(request, product: Product) -> HttpResponse:
    form = ProductForm(
        request.POST or None, request.FILES or None, instance=product, tenant=request.tenant
    )
    if request.method == "POST" and form.is_valid():
        try:
            saved = services.save_product(form)
        except ValidationError as exc:  # photos added elsewhere meanwhile: over the limit
            form.add_error("photos", exc)
        else:
            messages.success(request, _("Saved."))
            return redirect_after_success(
                request, reverse("catalog:product_update", args=[saved.pk])
            )
    context = {
        "nav": "catalog",
        "form": form,
        "product": product if product.pk else None,
        "photos": list(product.photos.all()) if product.pk else [],
        "languages": form.languages(),
        "default_language": request.tenant.default_language,
    }
    return render(request, "catalog/product_form.html", context)


@require_POST
@owner_only
def product_active(request: HttpRequest, pk: int) -> HttpResponse:
    """The active switch of the list: on (orderable) or off (hidden from customers)."""
    product = get_object_or_404(Product, pk=pk)
    product.is_active = request.POST.get("active") == "1"
    product.save(update_fields=["is_active", "updated_at"])
    if request.htmx:
        return render(request, "catalog/_active_switch.html", {"product": product})
    return redirect(safe_next(request, reverse("catalog:product_list")))


@require_POST
@owner_only
def photo_main(request: HttpRequest, pk: int) -> HttpResponse:
    photo = get_object_or_404(ProductPhoto.objects.select_related("product"), pk=pk)
    photos.make_main(photo)
    messages.success(request, _("Main photo changed."))
    return redirect("catalog:product_update", photo.product_id)


@require_POST
@owner_only
def photo_delete(request: HttpRequest, pk: int) -> HttpResponse:
    photo = get_object_or_404(ProductPhoto.objects.select_related("product"), pk=pk)
    product_id = photo.product_id
    photos.delete_photo(photo)
    messages.success(request, _("Photo removed."))
    return redirect("catalog:product_update", product_id)


def category_list(request: HttpRequest) -> HttpResponse:
    form = None
    if request.membership.is_owner:
        form = CategoryForm(request.POST or None, tenant=request.tenant, prefix="new")
        if request.method == "POST" and form.is_valid():
            category = form.save(commit=False)
            category.position = Category.objects.count()
            category.save()
            messages.success(request, _("Category added."))
            return redirect("catalog:category_list")
    elif request.method == "POST":
        raise Http404
    language = translation.get_language()
    categories = [
        (category, _category_name(category, language, request.tenant.default_language))
        for category in Category.objects.order_by("position", "id")
    ]
    context = {"nav": "catalog", "form": form, "categories": categories}
    return render(request, "catalog/category_list.html", context)


def _category_name(category, language, tenant_language) -> str:
    return localized(category, "name", language, tenant_language) or "—"


@owner_only
def category_update(request: HttpRequest, pk: int) -> HttpResponse:
    category = get_object_or_404(Category, pk=pk)
    form = CategoryForm(request.POST or None, instance=category, tenant=request.tenant)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, _("Saved."))
        return redirect("catalog:category_list")
    return render(
        request,
        "catalog/category_form.html",
        {"nav": "catalog", "form": form, "category": category},
    )


@require_POST
@owner_only
def category_move(request: HttpRequest, pk: int) -> HttpResponse:
    category = get_object_or_404(Category, pk=pk)
    step = -1 if request.POST.get("step") == "-1" else 1
    services.move_category(category, step)
    return redirect("catalog:category_list")


@require_POST
@owner_only
def category_delete(request: HttpRequest, pk: int) -> HttpResponse:
    category = get_object_or_404(Category, pk=pk)
    try:
        category.delete()
    except ProtectedError:
        messages.error(
            request,
            _("This category still has products. Move them to another category first."),
        )
    else:
        messages.success(request, _("Category deleted."))
    return redirect("catalog:category_list")


@owner_only
def currency_settings(request: HttpRequest) -> HttpResponse:
    """Owners set the exchange rates; a currency is sold in exactly when it has a rate."""
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
    return render(request, "catalog/currency_settings.html", {"nav": "catalog", "formset": formset})
