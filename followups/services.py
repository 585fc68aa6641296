"""Follow-ups are written here. Each write is one transaction: the follow-up, the customer's
denormalised "next follow-up" (the card and the filters read it), and the timeline entry.
The caches of the Today page and of the sidebar's count are renewed when it commits."""

from __future__ import annotations

import datetime

from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone

from crm.core.models import Membership
from crm.core.templatetags.crm_tags import person
from crm.lib import generations
from customers import results_cache
from customers.models import ActivityEvent, Customer
from customers.services import lock_customer, record_event
from followups.models import FollowUp

User = get_user_model()
EXCERPT = 80


def members(tenant_id: int):
    """The people a follow-up may be assigned to: active users with a membership of the
    business (the scope is the tenant's, so another business's users are never here)."""
    return (
        User.objects.filter(
            is_active=True,
            pk__in=Membership.objects.filter(tenant_id=tenant_id).values("user_id"),
        )
        .order_by("first_name", "last_name", "username")
        .only("id", "username", "first_name", "last_name")
    )


def is_member(user, tenant_id: int) -> bool:
    return user is not None and members(tenant_id).filter(pk=user.pk).exists()


def may_delete(followup: FollowUp, membership) -> bool:
    """Deleting is for the one who wrote it and for owners."""
    return membership.is_owner or followup.created_by_id == membership.user_id


def renew_caches(tenant_id: int) -> None:
    generations.renew("followups", tenant_id)
    results_cache.new_generation(tenant_id)  # the cards show the next follow-up


def refresh_next(customer: Customer) -> None:
    """Copy the customer's next open follow-up onto the customer."""
    nxt = (
        FollowUp.objects.filter(customer=customer, done_at__isnull=True)
        .order_by(*FollowUp.ORDER)
        .only("due_on", "due_time", "text")
        .first()
    )
    values = {
        "next_followup_on": nxt.due_on if nxt else None,
        "next_followup_time": nxt.due_time if nxt else None,
        "next_followup_text": nxt.text if nxt else "",
    }
    for name, value in values.items():
        setattr(customer, name, value)
    Customer.objects.filter(pk=customer.pk).update(**values)  # update() sends no signal
    renew_caches(customer.tenant_id)


def refresh_after_merge(keep: Customer, gone, by) -> None:
    """Two customers merged: the next follow-up of the one that stays may be the other's."""
    refresh_next(keep)


def facts(followup: FollowUp) -> dict:
    """What the timeline keeps of a follow-up: enough to read it after it is gone."""
    return {
        "followup": followup.pk,
        "text": followup.text[:EXCERPT],
        "due": followup.due_on.isoformat(),
        "time": followup.due_time.strftime("%H:%M") if followup.due_time else "",
        "assignee": person(followup.assignee),
    }


@transaction.atomic
def add_followup(
    customer: Customer,
    *,
    text: str,
    due_on: datetime.date,
    due_time: datetime.time | None = None,
    assignee,
    by,
    note=None,
) -> FollowUp:
    if not is_member(assignee, customer.tenant_id):
        raise ValueError("a follow-up is assigned to a member of the business")
    lock_customer(customer)  # the next follow-up is read and written by one request at a time
    followup = FollowUp.objects.create(
        tenant_id=customer.tenant_id,
        customer=customer,
        text=" ".join(text.split()),
        due_on=due_on,
        due_time=due_time,
        assignee=assignee,
        created_by=by,
        note=note,
    )
    refresh_next(customer)
    record_event(customer, ActivityEvent.Kind.FOLLOWUP_ADDED, by, **facts(followup))
    return followup


@transaction.atomic
def edit_followup(followup: FollowUp, *, before: dict, by) -> FollowUp:
    """Save a follow-up changed by a form; `before` is `_facts` of it before the change."""
    if not is_member(followup.assignee, followup.tenant_id):
        raise ValueError("a follow-up is assigned to a member of the business")
    lock_customer(followup.customer)
    followup.text = " ".join(followup.text.split())
    followup.save()
    refresh_next(followup.customer)
    after = facts(followup)
    changes = {k: [before[k], after[k]] for k in ("text", "due", "time", "assignee")}
    changes = {k: v for k, v in changes.items() if v[0] != v[1]}
    if changes:
        record_event(
            followup.customer,
            ActivityEvent.Kind.FOLLOWUP_CHANGED,
            by,
            **after,
            changes=changes,
        )
    return followup


@transaction.atomic
def mark_done(followup: FollowUp, *, by) -> bool:
    """Mark it done; False (and nothing written) if it already was: a second click, or
    someone else at the same moment."""
    lock_customer(followup.customer)
    now = timezone.now()
    if not FollowUp.objects.filter(pk=followup.pk, done_at__isnull=True).update(
        done_at=now, done_by=by, updated_at=now
    ):
        followup.refresh_from_db()
        return False
    followup.done_at, followup.done_by = now, by
    refresh_next(followup.customer)
    record_event(followup.customer, ActivityEvent.Kind.FOLLOWUP_DONE, by, **facts(followup))
    return True


@transaction.atomic
def reopen(followup: FollowUp, *, by) -> bool:
    """Undo "done"."""
    lock_customer(followup.customer)
    if not FollowUp.objects.filter(pk=followup.pk, done_at__isnull=False).update(
        done_at=None, done_by=None, updated_at=timezone.now()
    ):
        return False
    followup.done_at = followup.done_by = None
    refresh_next(followup.customer)
    record_event(followup.customer, ActivityEvent.Kind.FOLLOWUP_REOPENED, by, **facts(followup))
    return True


@transaction.atomic
def snooze(followup: FollowUp, *, until: datetime.date, by) -> None:
    """Move it to a later day; the time of day, if any, is kept."""
    lock_customer(followup.customer)
    was = followup.due_on
    followup.due_on = until
    followup.save(update_fields=["due_on", "updated_at"])
    refresh_next(followup.customer)
    record_event(
        followup.customer,
        ActivityEvent.Kind.FOLLOWUP_SNOOZED,
        by,
        **facts(followup),
        changes={"due": [was.isoformat(), until.isoformat()]},
    )


@transaction.atomic
def reassign(followup: FollowUp, *, assignee, by) -> None:
    if not is_member(assignee, followup.tenant_id):
        raise ValueError("a follow-up is assigned to a member of the business")
    was = person(followup.assignee)
    followup.assignee = assignee
    followup.save(update_fields=["assignee", "updated_at"])
    renew_caches(followup.tenant_id)
    record_event(
        followup.customer,
        ActivityEvent.Kind.FOLLOWUP_REASSIGNED,
        by,
        **facts(followup),
        changes={"assignee": [was, person(assignee)]},
    )


@transaction.atomic
def delete_followup(followup: FollowUp, *, by) -> None:
    """Gone from the lists; the timeline keeps what it was."""
    customer, kept = followup.customer, facts(followup)
    lock_customer(customer)
    followup.delete()
    refresh_next(customer)
    record_event(customer, ActivityEvent.Kind.FOLLOWUP_DELETED, by, **kept)


def bulk_followup(customer: Customer, params: dict, by) -> bool:
    """The customers list's bulk action: a follow-up for each customer, for whoever set it."""
    add_followup(
        customer,
        text=params["followup_text"],
        due_on=datetime.date.fromisoformat(params["followup_due"]),
        assignee=by,
        by=by,
    )
    return True
