"""Follow-ups on the customer page and on the Today page. Every action is a plain form
post that redirects back; with htmx it redraws the piece it changed (the customer's
follow-ups section, or the row of the Today page) and nothing else."""

from __future__ import annotations

import datetime

from django.contrib import messages
from django.core.cache import caches
from django.http import Http404, HttpRequest, HttpResponse
from django.middleware.csrf import get_token
from django.shortcuts import get_object_or_404, redirect
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.safestring import mark_safe
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from django_htmx.http import trigger_client_event

from crm.core.templatetags.crm_tags import person
from crm.lib import generations
from crm.lib.fragments import CSRF_MARK, fragment_key
from crm.lib.htmx import render_page, safe_next
from crm.lib.text import parse_id
from customers.models import Customer
from followups import services, today
from followups.forms import FollowUpForm, ReassignForm, SnoozeForm, snooze_choices
from followups.models import MAX_TEXT_LENGTH, FollowUp
from notes.models import Note
from notes.services import excerpt

SECTION = "followups/section.html"
OPEN_SHOWN = 20  # open follow-ups listed on the customer page, the next due first
WHO = ("mine", "all")
# What a Today row shows of its follow-up (besides its customer's and assignee's names).
ROW_VALUES = ("id", "text", "due_on", "due_time", "done_at", "assignee_id", "customer_id")


def _customer(pk: int) -> Customer:
    return get_object_or_404(Customer.objects.all(), pk=pk)


def _followup(pk: int) -> FollowUp:
    """A follow-up of the active tenant, or 404 (the scope hides other tenants' rows)."""
    return get_object_or_404(FollowUp.objects.select_related("customer", "assignee"), pk=pk)


def member_choices(tenant_id: int) -> list[tuple[int, str]]:
    return [(u.pk, u.get_full_name() or u.get_username()) for u in services.members(tenant_id)]


def with_snoozes(followups: list) -> list:
    for followup in followups:
        followup.snoozes = snooze_choices(followup)
    return followups


def section_context(request: HttpRequest, customer: Customer, **extra) -> dict:
    """What the follow-ups section of the customer page shows (also registered with the
    customers app, which draws the page: followups.apps)."""
    open_ones = list(
        FollowUp.objects.filter(customer=customer, done_at__isnull=True)
        .select_related("assignee")
        .order_by(*FollowUp.ORDER)[: OPEN_SHOWN + 1]
    )
    followups = with_snoozes(open_ones[:OPEN_SHOWN])
    for followup in followups:
        followup.kept = item_key(request, followup, extra)
    return {
        "customer": customer,
        "followups": followups,
        "followups_more": len(open_ones) > OPEN_SHOWN,
        "followups_limit": OPEN_SHOWN,
        "followup_form": extra.pop("followup_form", None)
        or FollowUpForm(tenant=request.tenant, customer=customer, user=request.user),
        "followup_today": timezone.localdate(),
        "followup_shortcuts": shortcuts(),
        "nav": "customers",
        **extra,
    }


def item_key(request: HttpRequest, followup: FollowUp, state: dict) -> str:
    """A follow-up of the customer page is kept under all it shows: its fields, the day
    (days left and snoozes move with it), and whether this reader may delete it. Drawn when
    an edit, a confirmation or an error concerns it."""
    if followup.pk in (state.get("editing"), state.get("confirming"), state.get("error_for")):
        return ""
    return fragment_key(
        "followup-item",
        get_language(),
        timezone.localdate().isoformat(),
        reverse("customers:detail", args=[followup.customer_id]),
        followup.pk,
        *(getattr(followup, column) for column in ROW_VALUES),
        followup.assignee_id and person(followup.assignee),
        request.membership.is_owner or followup.created_by_id == request.user.pk,
        tenant_id=followup.tenant_id,
    )


def shortcuts() -> list[tuple[str, datetime.date]]:
    today_ = timezone.localdate()
    return [
        (_("Tomorrow"), today_ + datetime.timedelta(days=1)),
        (_("Next week"), today_ + datetime.timedelta(days=7)),
        (_("In a month"), today_ + datetime.timedelta(days=30)),
    ]


def detail_context(request: HttpRequest, customer: Customer) -> dict:
    return {"followup_section": True, **section_context(request, customer)}


def _section(request, customer, *, status=200, **extra) -> HttpResponse:
    return render_page(
        request,
        SECTION,
        section_context(request, customer, **extra),
        partial="section",
        status=status,
    )


def _where(request: HttpRequest) -> str:
    return "today" if request.POST.get("where") == "today" else "customer"


def _back(request: HttpRequest, customer_pk: int) -> str:
    return safe_next(request, reverse("customers:detail", args=[customer_pk]) + "#followups")


def _row(request: HttpRequest, followup: FollowUp, **state) -> HttpResponse:
    """The Today page's row of `followup`, redrawn after an action, with the sidebar's
    count swapped in beside it."""
    context = {
        "followup": with_snoozes([followup])[0],
        "members": member_choices(request.tenant.pk),
        "badge": today.badge_count(request.tenant.pk, request.user),
        "oob": True,
        **state,
    }
    return HttpResponse(render_to_string("followups/_row.html", context, request))


def _done(request: HttpRequest, followup: FollowUp, message: str, **state) -> HttpResponse:
    if request.htmx and _where(request) == "today":
        return _row(request, followup, **state)
    if request.htmx:
        response = _section(request, followup.customer, **state)
        return trigger_client_event(response, "crm:timeline-changed")
    messages.success(request, message)
    return redirect(_back(request, followup.customer_id))


def _refused(request: HttpRequest, followup: FollowUp, error: str) -> HttpResponse:
    """An action that could not be done: said where the person is looking."""
    if request.htmx and _where(request) == "today":
        return _row(request, followup, error=error)
    if request.htmx:
        return _section(request, followup.customer, error=error, error_for=followup.pk)
    messages.error(request, error)
    return redirect(_back(request, followup.customer_id))


def followup_create(request: HttpRequest, customer_pk: int) -> HttpResponse:
    customer = _customer(customer_pk)
    initial = {}
    after = parse_id(request.GET.get("after", ""))
    if request.method == "GET" and after:
        # "Set the next one" after marking one done: the same words, a week on.
        previous = FollowUp.objects.filter(customer=customer, pk=after).first()
        if previous is not None:
            initial = {
                "text": previous.text,
                "due_on": timezone.localdate() + datetime.timedelta(days=7),
            }
    form = FollowUpForm(
        request.POST or None,
        tenant=request.tenant,
        customer=customer,
        user=request.user,
        initial=initial,
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        services.add_followup(
            customer,
            text=data["text"],
            due_on=data["due_on"],
            due_time=data["due_time"],
            assignee=data["assignee"],
            by=request.user,
        )
        if request.htmx:
            response = _section(request, customer, added=True)
            return trigger_client_event(response, "crm:timeline-changed")
        messages.success(request, _("Follow-up set."))
        return redirect(_back(request, customer.pk))
    return _section(request, customer, followup_form=form, adding=True)


def followup_update(request: HttpRequest, pk: int) -> HttpResponse:
    followup = _followup(pk)
    before = services.facts(followup)
    form = FollowUpForm(
        request.POST or None,
        instance=followup,
        tenant=request.tenant,
        customer=followup.customer,
        user=request.user,
        prefix="edit",  # beside the new follow-up's form on the same page
    )
    if request.method == "POST" and form.is_valid():
        services.edit_followup(form.save(commit=False), before=before, by=request.user)
        if request.htmx:
            response = _section(request, followup.customer)
            return trigger_client_event(response, "crm:timeline-changed")
        messages.success(request, _("Follow-up saved."))
        return redirect(_back(request, followup.customer_id))
    return _section(request, followup.customer, editing=followup.pk, edit_form=form)


@require_POST
def followup_done(request: HttpRequest, pk: int) -> HttpResponse:
    followup = _followup(pk)
    services.mark_done(followup, by=request.user)  # already done: nothing more to do
    return _done(request, followup, _("Marked done."), just_done=followup)


@require_POST
def followup_reopen(request: HttpRequest, pk: int) -> HttpResponse:
    followup = _followup(pk)
    services.reopen(followup, by=request.user)
    return _done(request, followup, _("Follow-up reopened."))


@require_POST
def followup_snooze(request: HttpRequest, pk: int) -> HttpResponse:
    followup = _followup(pk)
    if followup.is_done:
        return _refused(request, followup, _("This follow-up is already done."))
    form = SnoozeForm(request.POST, followup=followup)
    if not form.is_valid():
        return _refused(request, followup, next(iter(form.errors.values()))[0])
    until = form.cleaned_data["until"]
    services.snooze(followup, until=until, by=request.user)
    message = _("Snoozed until %(date)s.") % {"date": until.strftime("%Y-%m-%d")}
    return _done(request, followup, message, just_snoozed=True)


@require_POST
def followup_reassign(request: HttpRequest, pk: int) -> HttpResponse:
    followup = _followup(pk)
    form = ReassignForm(request.POST, tenant=request.tenant)
    if not form.is_valid():
        return _refused(request, followup, form.errors["assignee"][0])
    if form.cleaned_data["assignee"].pk != followup.assignee_id:
        services.reassign(followup, assignee=form.cleaned_data["assignee"], by=request.user)
    return _done(request, followup, _("Follow-up reassigned."), just_reassigned=True)


def followup_delete(request: HttpRequest, pk: int) -> HttpResponse:
    """GET asks for confirmation; POST deletes. Only its author and owners may."""
    followup = _followup(pk)
    if not services.may_delete(followup, request.membership):
        raise Http404
    customer = followup.customer
    if request.method == "POST":
        services.delete_followup(followup, by=request.user)
        if request.htmx and _where(request) == "today":
            return HttpResponse("")
        if request.htmx:
            return trigger_client_event(_section(request, customer), "crm:timeline-changed")
        messages.success(request, _("Follow-up deleted."))
        return redirect(_back(request, customer.pk))
    return _section(request, customer, confirming=followup.pk)


@require_POST
def followup_from_note(request: HttpRequest, customer_pk: int, note_pk: int) -> HttpResponse:
    """One click on a note: a follow-up tomorrow, for me, in the note's words."""
    customer = _customer(customer_pk)
    note = get_object_or_404(Note.objects.filter(customer=customer), pk=note_pk)
    services.add_followup(
        customer,
        text=excerpt(note.text, MAX_TEXT_LENGTH),
        due_on=timezone.localdate() + datetime.timedelta(days=1),
        assignee=request.user,
        by=request.user,
        note=note,
    )
    if request.htmx:
        response = _section(request, customer, added=True)
        return trigger_client_event(response, "crm:timeline-changed")
    messages.success(request, _("Follow-up set for tomorrow."))
    return redirect(reverse("customers:detail", args=[customer.pk]) + "#followups")


ROW_TIMEOUT = 24 * 3600


def draw_rows(followups: list, members: list) -> list:
    """The Today page's rows, each kept (the "fragments" cache) under everything it shows:
    its columns, the day ("overdue by 3 days" changes with it), the language, the members
    offered for reassigning and where the tenant's pages are. They hold CSRF_MARK where the
    token goes: the page puts in the reader's, so a kept row serves everyone."""
    language = get_language()
    today_ = timezone.localdate().isoformat()
    prefix = reverse("followups:today")
    keys = {
        f.pk: fragment_key(
            "followup-row",
            language,
            today_,
            prefix,
            members,
            *(getattr(f, column) for column in ROW_VALUES),
            f.customer.name,
            f.customer.phone,
            f.assignee.get_full_name() if f.assignee_id else "",
            f.assignee.get_username() if f.assignee_id else "",
            tenant_id=f.tenant_id,
        )
        for f in followups
    }
    cache = caches["fragments"]
    kept = cache.get_many(list(keys.values()))
    drawn = {}
    for followup in followups:
        key = keys[followup.pk]
        if key not in kept:
            context = {"followup": followup, "members": members, "csrf_token": CSRF_MARK}
            drawn[key] = render_to_string("followups/_row.html", context)
    if drawn:
        cache.set_many(drawn, ROW_TIMEOUT)
    return [mark_safe(kept.get(keys[f.pk]) or drawn[keys[f.pk]]) for f in followups]  # noqa: S308


PAGE_TIMEOUT = 60


def today_page(request: HttpRequest) -> HttpResponse:
    who = request.GET.get("who")
    if who not in WHO:
        who = request.session.get("followups_who", "mine")
    elif request.session.get("followups_who") != who:
        request.session["followups_who"] = who
    user = request.user if who == "mine" else None
    members = member_choices(request.tenant.pk)
    token = get_token(request)
    only = request.GET.get("section")
    if request.htmx and only:  # "Show more": the next page of one section, appended
        section = today.section_page(user, only, request.GET.get("after", ""))
        if section is None:
            raise Http404
        section.html = draw_rows(with_snoozes(section.rows), members)
        html = render_to_string("followups/today.html#more", {"section": section}, request)
        return HttpResponse(html.replace(CSRF_MARK, token))
    cursors = {key: request.GET.get(f"after_{key}", "") for key in ("overdue", "today", "week")}
    key = page_key(request, who, cursors, members)
    kept = caches["pages"].get(key) if key else None
    if kept is None:
        found = today.sections(user, cursors)
        for section in found:
            section.html = draw_rows(with_snoozes(section.rows), members)
        html = render_to_string(
            "followups/today.html#sections",
            {"sections": found, "paged": any(cursors.values())},
            request,
        )
        kept = (html, min(found[0].count + found[1].count, today.BADGE_CAP + 1))
        if key:
            caches["pages"].set(key, kept, PAGE_TIMEOUT)
    if who == "mine":  # the sidebar's number is the first two sections'
        request.followups_badge = kept[1]
    context = {
        "nav": "today",
        "who": who,
        "sections_html": mark_safe(kept[0].replace(CSRF_MARK, token)),  # noqa: S308
    }
    return render_page(request, "followups/today.html", context)


def page_key(request: HttpRequest, who: str, cursors: dict, members: list) -> str | None:
    """The sections of the page are kept for a minute per tenant "followups" and
    "customers" generation (any write to a follow-up or a customer is a new key), whose
    follow-ups, day, language and paging; None when nothing may be kept."""
    tenant_id = request.tenant.pk
    followups = generations.current("followups", tenant_id)
    customers = generations.current("customers", tenant_id)
    if followups is None or customers is None:
        return None
    return fragment_key(
        "today-page",
        followups,
        customers,
        reverse("followups:today"),
        get_language(),
        timezone.get_current_timezone_name(),
        timezone.localdate().isoformat(),
        request.user.pk if who == "mine" else "all",
        sorted(cursors.items()),
        members,
        tenant_id=tenant_id,
    )
