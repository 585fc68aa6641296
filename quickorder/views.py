"""The customer's side of a quick-order link: no account, no login.

Every view runs through `with_link`: a token that does not resolve to a usable link gets
the same 404 page whatever the reason, failed lookups are rate-limited per IP, and every
response carries no-referrer, noindex and no-store headers.
"""

import secrets
from functools import wraps

from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import translation
from django.utils.cache import add_never_cache_headers, patch_vary_headers
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from django_scopes import scope

from catalog.models import Product
from crm.lib import money, ratelimit
from crm.lib.client_address import client_ip
from crm.lib.htmx import safe_next
from crm.lib.validation import is_number
from customers.forms import AddressForm
from orders.models import Order
from orders.services import OrderError
from quickorder import grid_cache, reorder, services
from quickorder.models import QuickOrderLink
from quickorder.services import Cart


def harden(response: HttpResponse) -> HttpResponse:
    response["Referrer-Policy"] = "no-referrer"
    response["X-Robots-Tag"] = "noindex, nofollow"
    add_never_cache_headers(response)
    return response


def not_found(request: HttpRequest) -> HttpResponse:
    """One answer for every invalid link: nothing tells a guesser why."""
    return harden(render(request, "quickorder/not_found.html", status=404))


def rate_limited(request: HttpRequest, message: str) -> HttpResponse:
    response = render(request, "quickorder/rate_limited.html", {"message": message}, status=429)
    response["Retry-After"] = "600"
    return harden(response)


def with_link(view):
    @wraps(view)
    def wrapper(request: HttpRequest, token: str, *args, **kwargs):
        ip = client_ip(request)
        if ratelimit.QUICKORDER_LOOKUPS.exceeded(ip):
            return rate_limited(request, _("Too many attempts. Please try again later."))
        link = services.resolve(token)
        if link is None:
            ratelimit.QUICKORDER_LOOKUPS.hit(ip)
            return not_found(request)
        chosen = request.GET.get("lang") or request.session.get(f"qo-lang-{link.public_id}")
        language = services.page_language(link, chosen)
        if request.GET.get("lang") == language:
            request.session[f"qo-lang-{link.public_id}"] = language
        with (
            scope(tenant=link.tenant),
            translation.override(language),
            money.business_country(link.tenant.country),
        ):
            request.LANGUAGE_CODE = language
            response = view(request, link, token, *args, **kwargs)
        patch_vary_headers(response, ("HX-Request",))
        response["Content-Language"] = language
        return harden(response)

    return wrapper


def _context(request, link: QuickOrderLink, token: str, **extra) -> dict:
    language = translation.get_language()
    cart = services.price_cart(link, Cart(request.session, link), language)
    return {
        "link": link,
        "token": token,
        "shop": link.tenant,
        "customer_name": link.customer.name,
        "language": language,
        "languages": link.tenant.offered_languages,
        "cart": cart,
        "currency": cart.currency,
        **extra,
    }


@with_link
def catalog(request: HttpRequest, link: QuickOrderLink, token: str) -> HttpResponse:
    if request.method == "GET" and not request.htmx:
        services.record_open(link)
    term = request.GET.get("q", "").strip()[:100]
    category_id = request.GET.get("category", "")
    discount = link.customer.discount_percent
    products_html, categories = grid_cache.catalog(
        request,
        link.tenant,
        token,
        language=translation.get_language(),
        currency=services.page_currency(link),
        discount=discount,
        term=term,
        category_id=category_id,
    )
    if request.htmx and request.htmx.target == "products":
        return HttpResponse(products_html)
    context = _context(
        request,
        link,
        token,
        again=reorder.reorder(link, translation.get_language()),
        products_html=products_html,
        term=term,
        categories=categories,
        category_id=int(category_id) if is_number(category_id) else None,
        discount=discount,
    )
    return render(request, "quickorder/catalog.html", context)


def _after_cart_change(request, link, token, error: str = "", added=None) -> HttpResponse:
    """The cart again: for htmx the cart, the cart bar at the bottom of a phone's screen and,
    after an add, the word "Added" on the product's own card, where the thumb is."""
    catalog_url = reverse("quickorder:catalog", args=[token])
    back = safe_next(request, catalog_url, within=catalog_url)
    if request.htmx:
        # Drawn again for the page it was on: the cart screen keeps its heading, and has
        # no cart bar to update.
        on_cart_screen = back == reverse("quickorder:cart", args=[token])
        context = _context(
            request,
            link,
            token,
            cart_error=error,
            back_url=back,
            cart_heading="h1" if on_cart_screen else "h2",
        )
        if added and not error:
            line = next((li for li in context["cart"].lines if li.product.pk == added), None)
            context["added"] = (added, line.quantity if line else 0)
        return render(request, "quickorder/_cart_response.html", context)
    if error:
        from django.contrib import messages

        messages.error(request, error)
    # Back to the page of this link the form was on; never anywhere else.
    return redirect(back)


def _product_id(request) -> int | None:
    raw = request.POST.get("product", "")
    if not is_number(raw):
        return None
    # Only an active product of this tenant (the scope) may enter the cart.
    return Product.objects.filter(pk=int(raw), is_active=True).values_list("pk", flat=True).first()


@require_POST
@with_link
def cart_add(request, link, token):
    product_id = _product_id(request)
    if product_id is None:
        return _after_cart_change(request, link, token, _("This product is not available."))
    try:
        Cart(request.session, link).add(product_id, request.POST.get("quantity", "1"))
    except OrderError as exc:
        return _after_cart_change(request, link, token, exc.messages[0])
    return _after_cart_change(request, link, token, added=product_id)


@require_POST
@with_link
def cart_update(request, link, token):
    product_id = _product_id(request)
    cart = Cart(request.session, link)
    if product_id is None:
        return _after_cart_change(request, link, token, _("This product is not available."))
    if request.POST.get("remove") or request.POST.get("quantity", "").strip() == "0":
        cart.remove(product_id)
        return _after_cart_change(request, link, token)
    typed = request.POST.get("quantity", "").strip()
    try:
        # The - or + of the line, unless a quantity other than the cart's was typed: Enter
        # in the field submits the form with its first button, the "-".
        if request.POST.get("step") and typed in ("", str(cart.items().get(product_id))):
            cart.step(product_id, request.POST["step"])
        else:
            cart.set(product_id, typed)
    except OrderError as exc:
        return _after_cart_change(request, link, token, exc.messages[0])
    return _after_cart_change(request, link, token)


@require_POST
@with_link
def reorder_view(request, link, token):
    """Order again: the last order's or the usual items (those still sold) go into the cart
    at today's prices, each at its usual quantity, and the cart opens to change them."""
    cart = Cart(request.session, link)
    items = reorder.reorder(link, translation.get_language()).items(request.POST.get("which", ""))
    for product_id, quantity in items:
        cart.set(product_id, quantity)
    url = reverse("quickorder:cart", args=[token])
    if request.htmx:
        from django_htmx.http import HttpResponseClientRedirect

        return HttpResponseClientRedirect(url)
    return redirect(url)


@with_link
def cart_page(request, link, token):
    """The cart as a screen of its own (a phone's: the catalog shows only its bar)."""
    return render(request, "quickorder/cart.html", _context(request, link, token))


@with_link
def checkout(request, link, token):
    cart = Cart(request.session, link)
    customer = link.customer
    addresses = list(customer.addresses.all())
    choice = request.POST.get("address", "")
    new_form = AddressForm(
        request.POST if choice == "new" else None,
        tenant=link.tenant,
        customer=customer,
        prefix="new",
        initial={"title": _("Quick order"), "recipient": customer.contact_person or customer.name},
    )
    new_form.fields.pop("is_default")
    error = ""
    if request.method == "POST":
        if ratelimit.QUICKORDER_ORDERS.exceeded(link.pk):
            return rate_limited(request, _("Too many orders from this link. Please call us."))
        key = request.POST.get("idempotency_key", "")
        address = next((a for a in addresses if str(a.pk) == choice), None)
        if choice == "new" and not new_form.is_valid():
            error = _("Check the new address.")
        elif choice not in ("new", "") and address is None:
            error = _("Choose one of your addresses.")
        else:
            new_address = None
            if choice == "new":
                new_address = new_form.save(commit=False)
                new_address.title = new_address.title or _("Quick order")
            try:
                order = services.checkout(
                    link,
                    cart,
                    address=address,
                    new_address=new_address,
                    note=request.POST.get("note", "")[:2000],
                    idempotency_key=key,
                    placed_ip=client_ip(request) or None,
                    language=translation.get_language(),  # the page's, as the cart showed
                )
            except OrderError as exc:
                error = exc.messages[0]
            else:
                ratelimit.QUICKORDER_ORDERS.hit(link.pk)
                cart.clear()
                request.session[f"qo-placed-{link.public_id}"] = order.number
                url = reverse("quickorder:order_status", args=[token, order.number])
                if request.htmx:
                    from django_htmx.http import HttpResponseClientRedirect

                    return HttpResponseClientRedirect(url)
                return redirect(url)
    default = next((a for a in addresses if a.is_default), None)
    context = _context(
        request,
        link,
        token,
        addresses=addresses,
        new_form=new_form,
        error=error,
        choice=choice or (str(default.pk) if default else ("new" if not addresses else "")),
        note=request.POST.get("note", ""),
        idempotency_key=request.POST.get("idempotency_key") or secrets.token_urlsafe(24),
    )
    return render(request, "quickorder/checkout.html", context, status=200)


@with_link
def orders(request, link, token):
    """My orders: every order of the customer (through any of their links, or taken by
    staff), newest first."""
    placed = list(
        Order.objects.filter(customer=link.customer).order_by("-number")[: services.MY_ORDERS]
    )
    return render(request, "quickorder/orders.html", _context(request, link, token, orders=placed))


@with_link
def order_status(request, link, token, number: int):
    """One order of the customer as they may see it: its status steps with their dates,
    lines, totals and tracking; never who at the business did what, nor their reasons."""
    order = get_object_or_404(Order.objects.filter(customer=link.customer), number=number)
    context = _context(
        request,
        link,
        token,
        order=order,
        lines=list(order.lines.all()),
        steps=services.status_steps(order),
        just_placed=request.session.pop(f"qo-placed-{link.public_id}", None) == number,
    )
    return render(request, "quickorder/order_status.html", context)


@with_link
def brand_css(request, link, token):
    colour = link.tenant.accent_colour  # validated as #RRGGBB on save
    return HttpResponse(f".shop {{ --accent: {colour}; }}\n", content_type="text/css")
