"""Resolving `/<tenant_slug>/...` to a tenant and running the request inside its scope,
with the tenant's URL configuration (crm.core.urlconfs)."""

from __future__ import annotations

from dataclasses import dataclass

from django.conf import settings
from django.contrib.auth import (
    BACKEND_SESSION_KEY,
    HASH_SESSION_KEY,
    SESSION_KEY,
    get_user_model,
    load_backend,
)
from django.contrib.auth.backends import ModelBackend
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest
from django.utils import timezone
from django.utils.crypto import constant_time_compare
from django.utils.http import url_has_allowed_host_and_scheme
from django_htmx.http import HttpResponseClientRedirect
from django_scopes import scope, scopes_disabled

from crm.core.models import RESERVED_SLUGS, Membership
from crm.core.urlconfs import tenant_reverse, tenant_urlconf
from crm.lib import money, soft_cache
from crm.lib.compiled import CompiledQuery


def first_segment(path_info: str) -> str:
    return path_info.lstrip("/").split("/", 1)[0]


def _memberships(*related: str):
    def build(slug, user_id):
        return (
            Membership.objects.select_related("tenant", *related)
            .filter(tenant__slug=slug, tenant__is_active=True, user_id=user_id)
            .order_by("pk")[:1]
        )

    # Placeholders no tenant or user has: slugs are lowercase letters, digits and hyphens.
    name = "membership" + "".join(f"+{r}" for r in related)
    return CompiledQuery(build, registered_as=name, slug="\x00slug", user_id=-(2**62))


# Compiled once per process: the lookup runs on every staff request
# (crm.lib.compiled.CompiledQuery).
MEMBERSHIP_QUERIES = {(): _memberships(), ("user",): _memberships("user")}


def membership_of(slug: str, user_id, *related: str) -> Membership | None:
    """The user's membership of the active tenant `slug`, with its tenant (and `related`).

    Membership is tenant-owned too: it is looked up in one narrow unscoped block."""
    with scopes_disabled():
        found = MEMBERSHIP_QUERIES[related](slug=slug, user_id=user_id)
    return found[0] if found else None


@dataclass(frozen=True)
class MemberLookup:
    """What MemberLookupMiddleware found: the session's user id and, if that user is a
    member of the requested tenant, the membership (with its tenant and user)."""

    user_id: object
    membership: Membership | None


def member_lookup(request: HttpRequest, slug: str) -> MemberLookup | None:
    """The session's user and their membership of `slug` in one query.

    Django reads the user (`request.user`) and TenantMiddleware the membership, a query each.
    Here one query reads both, and the user is handed to Django only if the session verifies
    exactly as django.contrib.auth.get_user verifies it (a backend still configured, an
    active user, the session hash of the current password and SECRET_KEY). In any other case
    Django's own path runs as usual: it may log the session out, or accept it under a
    rotated secret and renew it."""
    try:
        user_id = get_user_model()._meta.pk.to_python(request.session[SESSION_KEY])
        backend_path = request.session[BACKEND_SESSION_KEY]
    except (KeyError, ValidationError):
        return None
    if backend_path not in settings.AUTHENTICATION_BACKENDS:
        return None
    backend = load_backend(backend_path)
    if getattr(type(backend), "get_user", None) is not ModelBackend.get_user:
        return None  # a backend that reads users its own way keeps its own path
    membership = membership_of(slug, user_id, "user")
    if membership is not None:
        user = membership.user
        session_hash = request.session.get(HASH_SESSION_KEY)
        if (
            not hasattr(request, "_cached_user")  # nothing has read request.user yet
            and backend.user_can_authenticate(user)
            and session_hash
            and constant_time_compare(session_hash, user.get_session_auth_hash())
        ):
            request._cached_user = user  # what AuthenticationMiddleware's request.user returns
    return MemberLookup(user_id, membership)


class MemberLookupMiddleware:
    """Right after AuthenticationMiddleware, before anything reads `request.user`: on a
    tenant's pages, reads the user and their membership in one query (member_lookup).

    It hands the user to Django through the private `request._cached_user` (listed in
    docs/scaling.md); MEMBER_LOOKUP=0 turns it off, and Django reads the user itself."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request: HttpRequest):
        slug = first_segment(request.path_info)
        if settings.MEMBER_LOOKUP and slug and slug not in RESERVED_SLUGS:
            request.member_lookup = member_lookup(request, slug)
        return self.get_response(request)


def login_redirect(request: HttpRequest):
    """To the login page, and back here after it. An htmx request (the session ended while
    the page was open) sends the whole window there, with the page it was on to come back
    to: following the redirect inside the request would paste the login page into a part
    of the page."""
    htmx = getattr(request, "htmx", None)
    if htmx:
        back = htmx.current_url_abs_path  # None unless the same origin
        if not back or not url_has_allowed_host_and_scheme(back, {request.get_host()}):
            back = request.get_full_path()
        return HttpResponseClientRedirect(redirect_to_login(back).url)
    return redirect_to_login(request.get_full_path())


class TenantMiddleware:
    """Sets `request.tenant` and `request.membership` and opens the tenant scope.

    Anonymous visitors of any would-be tenant address are sent to the login page, whether
    the tenant exists or not, so addresses reveal nothing. A logged-in user who is not a
    member gets 404, exactly like a tenant that does not exist.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request: HttpRequest):
        request.tenant = None
        request.membership = None
        slug = first_segment(request.path_info)
        if not slug or slug in RESERVED_SLUGS:
            return self.get_response(request)
        if not request.user.is_authenticated:
            return login_redirect(request)
        lookup = getattr(request, "member_lookup", None)
        if lookup is not None and lookup.user_id == request.user.pk:
            membership = lookup.membership  # read with the user (MemberLookupMiddleware)
        else:
            membership = membership_of(slug, request.user.pk)
        if membership is None:
            raise Http404
        request.tenant = membership.tenant
        request.membership = membership
        request.urlconf = tenant_urlconf(slug)
        tenant = membership.tenant
        with (
            scope(tenant=tenant),
            timezone.override(tenant.timezone),
            money.business_country(tenant.country),
        ):
            # Django renders TemplateResponses inside this call, so they see the scope.
            # Streaming responses would not: build their content in the view.
            return self.get_response(request)


def memberships_of(user) -> list[Membership]:
    """Every tenant membership of a user, across tenants (for the chooser and switcher)."""
    if not user.is_authenticated:
        return []
    with scopes_disabled():
        return list(
            Membership.objects.select_related("tenant")
            .filter(user=user, tenant__is_active=True)
            .order_by("tenant__name")
        )


@dataclass(frozen=True)
class SwitcherEntry:
    tenant_id: int
    name: str
    url: str


SWITCHER_TIMEOUT = 3600


def switcher_key(user_id: int) -> str:
    return f"tenant-switcher:{user_id}"


def tenant_switcher(user) -> list[SwitcherEntry]:
    """The businesses in a user's tenant menu, cached per user.

    Only names and links: every request still checks the membership itself
    (TenantMiddleware), so the menu never grants anything. Saving or deleting a membership
    or a tenant forgets the cached menus it appears in (crm/core/signals.py). Kept as plain
    tuples: an object of a class of ours would not unpickle once the class moved, and the
    shared cache outlives a deploy.
    """
    if not user.is_authenticated:
        return []
    key = switcher_key(user.pk)
    rows = soft_cache.get(key)
    if rows is None:
        rows = [
            (m.tenant_id, m.tenant.name, tenant_reverse(m.tenant, "customers:list"))
            for m in memberships_of(user)
        ]
        soft_cache.set(key, rows, SWITCHER_TIMEOUT)
    return [SwitcherEntry(*row) for row in rows]


def forget_switchers(user_ids) -> None:
    soft_cache.delete_many([switcher_key(pk) for pk in user_ids])
