"""A URL configuration per tenant, so a tenant's pages reverse without naming it.

In a tenant's request the middleware selects the configuration in which that tenant's slug
is a literal prefix: `reverse("customers:list")` gives `/<slug>/customers/` without a slug
argument, and Django's admin (which reverses its own URLs without extra arguments) works
under `/<slug>/admin/` too. A configuration is the tenant's pages (crm/tenant_urls.py)
under `<slug>/` and the site's (ROOT_URLCONF) beside them, both included by name, so this
module imports no URL module and no view.

Django keeps a resolver per configuration for the life of the process, with the reverse
lookups of each namespace, about 70 KB per tenant. So at most TENANT_URLCONFS
configurations are kept: when one more is needed, all are forgotten with Django's own
`clear_url_caches()` (which frees the resolvers too) and built again as requests come.
"""

from __future__ import annotations

import threading
import types
from collections import OrderedDict
from importlib import import_module

from django.conf import settings
from django.urls import clear_url_caches, get_script_prefix, include, path, reverse

HANDLERS = ("handler400", "handler403", "handler404", "handler500")

_kept: OrderedDict[str, types.ModuleType] = OrderedDict()
_lock = threading.Lock()


def _build(slug: str) -> types.ModuleType:
    module = types.ModuleType(f"crm.urls_tenant_{slug}")
    module.urlpatterns = [
        path(f"{slug}/", include("crm.tenant_urls")),
        path("", include(settings.ROOT_URLCONF)),
    ]
    # Django takes the error handlers from the request's URL configuration: a tenant page
    # whose database fails must answer as any other page does (503, Retry-After).
    root = import_module(settings.ROOT_URLCONF)
    for name in HANDLERS:
        if hasattr(root, name):
            setattr(module, name, getattr(root, name))
    return module


def tenant_urlconf(slug: str) -> types.ModuleType:
    """The URL configuration of the tenant `slug` (one module object per slug while kept)."""
    with _lock:
        module = _kept.get(slug)
        if module is not None:
            _kept.move_to_end(slug)
            return module
        if len(_kept) >= settings.TENANT_URLCONFS:
            _kept.clear()
            clear_url_caches()
        module = _kept[slug] = _build(slug)
        return module


# Every tenant's configuration is the same but for its slug, so a page of any tenant is
# reversed in one configuration, of a slug no tenant can have ("~" is not a slug letter),
# and the slug put in its place: a menu of 2,000 businesses builds no 2,000 configurations.
ANY_TENANT = "~tenant~"


def tenant_reverse(tenant, viewname: str, args=None, kwargs=None) -> str:
    """Reverse a tenant page from outside that tenant's request (chooser, emails, tests)."""
    url = reverse(viewname, urlconf=tenant_urlconf(ANY_TENANT), args=args, kwargs=kwargs)
    placeholder = f"{get_script_prefix()}{ANY_TENANT}/"
    if not url.startswith(placeholder):  # a page of the site, not of a tenant
        return url
    return f"{get_script_prefix()}{tenant.slug}/" + url.removeprefix(placeholder)
