"""Bulk actions on the customers list: the rows chosen in the table, or all the customers
its search and filters select. Up to SYNC_LIMIT customers are changed in the request, in
one transaction; more run as a job (BulkRun) in chunks, each chunk with its progress in
one transaction, so a worker that stops goes on where it was and changes nobody twice.
Every change lands on the customer's timeline.

The apps built on customers add their actions (followups: set a follow-up; quickorder:
send the quick-order link) to ACTIONS from their apps.py.
"""

from __future__ import annotations

import datetime
import logging
from collections.abc import Callable
from dataclasses import dataclass, field

from django.db import IntegrityError, transaction
from django.http import QueryDict
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django_scopes import scope
from django_tasks import task

from crm.lib.text import fold
from customers.models import ActivityEvent, BulkRun, Customer, CustomerGroup, Tag
from customers.services import record_event, resolve_tags
from jobs.outbox import enqueue_with_transaction

SYNC_LIMIT = 500
CHUNK = 100
MAX_ERRORS = 20
STALLED_AFTER = datetime.timedelta(minutes=10)
log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Action:
    key: str
    label: object
    # apply(customer, params, by) -> True if it changed the customer
    apply: Callable
    inputs: tuple[str, ...] = ()  # the bulk form's fields it needs
    prepare: Callable | None = field(default=None)  # prepare(params, tenant) once per run
    clean: Callable | None = field(default=None)  # clean(form data) -> {field: error}


def _changed(customer: Customer, by, field_name: str, old, new) -> None:
    record_event(
        customer,
        ActivityEvent.Kind.CHANGED,
        by,
        changes=[{"field": field_name, "old": old, "new": new}],
    )


def _tag_names(customer: Customer) -> list[str]:
    return sorted(customer.tags.values_list("name", flat=True))


def add_tag(customer, params, by) -> bool:
    tag = Tag.objects.get(pk=params["tag_id"])
    before = _tag_names(customer)
    if tag.name in before:
        return False
    customer.tags.add(tag)
    _changed(customer, by, "tags", before, _tag_names(customer))
    return True


def remove_tag(customer, params, by) -> bool:
    before = _tag_names(customer)
    tag = Tag.objects.filter(pk=params.get("tag_id")).first() if params.get("tag_id") else None
    if tag is None or tag.name not in before:
        return False
    customer.tags.remove(tag)
    _changed(customer, by, "tags", before, _tag_names(customer))
    return True


def prepare_tag(params: dict, tenant) -> dict:
    """The tag named in the form, made if it is new (as the customer form does)."""
    (tag,) = resolve_tags(tenant, [params["tag"]])
    return {**params, "tag_id": tag.pk}


def find_tag(params: dict, tenant) -> dict:
    """The tag named in the form, as its unique rule matches names; never made."""
    tag = Tag.objects.filter(name_key=fold(params["tag"].strip())).first()
    return {**params, "tag_id": tag.pk if tag else None}


def _set(field_name: str, value, customer, by, shown_old, shown_new) -> bool:
    if getattr(customer, field_name) == value:
        return False
    setattr(customer, field_name, value)
    customer.version += 1
    customer.save(update_fields=[field_name, "version", "updated_at"])
    _changed(customer, by, field_name, shown_old, shown_new)
    return True


def set_group(customer, params, by) -> bool:
    group = CustomerGroup.objects.filter(pk=params.get("group_id")).first()
    old = customer.group.name if customer.group_id else ""
    return _set("group", group, customer, by, old, group.name if group else "")


def set_status(customer, params, by) -> bool:
    return _set("status", params["status"], customer, by, customer.status, params["status"])


def set_temperature(customer, params, by) -> bool:
    value = params["temperature"]
    return _set("temperature", value, customer, by, customer.temperature, value)


def archive(customer, params, by) -> bool:
    if customer.archived_at is not None:
        return False
    customer.archived_at = timezone.now()
    customer.save(update_fields=["archived_at", "updated_at"])
    record_event(customer, ActivityEvent.Kind.ARCHIVED, by)
    return True


ACTIONS: dict[str, Action] = {
    action.key: action
    for action in [
        Action("add_tag", _("Add a tag"), add_tag, ("tag",), prepare_tag),
        Action("remove_tag", _("Remove a tag"), remove_tag, ("tag",), find_tag),
        Action("set_group", _("Set the group"), set_group, ("group",)),
        Action("set_status", _("Set the status"), set_status, ("status",)),
        Action("set_temperature", _("Set the temperature"), set_temperature, ("temperature",)),
        Action("archive", _("Archive"), archive),
    ]
}


def chosen(query: str, ids: list[int]):
    """The customers a bulk action is for: those chosen one by one, or else all that the
    list's search and filters select (in the active scope: never another business's)."""
    if ids:
        return Customer.objects.filter(pk__in=ids)
    from customers.forms import CustomerFilter

    filters = CustomerFilter(QueryDict(query) or None, queryset=Customer.objects.all())
    if filters.is_bound and filters.is_valid():
        return filters.qs
    return Customer.objects.active()


def apply_chunk(run: BulkRun, action: Action, by) -> int:
    """The next chunk of a run, from where it stopped; the number of customers handled."""
    customers = list(
        chosen(run.query, run.ids)
        .filter(pk__gt=run.last_pk)
        .select_related("group")
        .order_by("pk")[:CHUNK]
    )
    for customer in customers:
        try:
            with transaction.atomic():  # one customer's failure undoes only its own change
                run.changed += bool(action.apply(customer, run.params, by))
        except Exception as error:
            log.warning("bulk %s: customer %s failed", run.action, customer.pk, exc_info=True)
            run.failed += 1
            if len(run.errors) < MAX_ERRORS:
                run.errors.append([customer.pk, customer.name, str(error)[:200]])
    if customers:
        run.done += len(customers)
        run.last_pk = customers[-1].pk
    return len(customers)


def run_now(run: BulkRun) -> None:
    """Everything in this request and transaction (a small run)."""
    action = ACTIONS[run.action]
    while apply_chunk(run, action, run.by):
        pass
    run.finished_at = timezone.now()
    run.save()


@task()
def run_bulk(run_id: int) -> str:
    """The job of a big run: chunk after chunk, each with its progress in one transaction."""
    from django_scopes import scopes_disabled

    with scopes_disabled():
        run = BulkRun.objects.select_related("tenant", "by").get(pk=run_id)
    with scope(tenant=run.tenant), timezone.override(run.tenant.timezone):
        action = ACTIONS[run.action]
        while True:
            with transaction.atomic():
                run = (
                    BulkRun.objects.select_for_update(of=("self",))
                    .select_related("by")
                    .get(pk=run_id)
                )
                if run.finished_at:
                    return "already done"
                handled = apply_chunk(run, action, run.by)
                if not handled:
                    run.finished_at = timezone.now()
                run.save()
            if not handled:
                return f"{run.changed} of {run.done} changed"


def start(
    tenant, *, action: str, params: dict, query: str, ids: list[int], by, key: str = ""
) -> BulkRun:
    """Run the action now if it is small, or enqueue it; the run either way. The same
    `key` again (a second click) is the run it started, not another one."""
    if key:
        earlier = BulkRun.objects.filter(key=key).first()
        if earlier is not None:
            return earlier
    act = ACTIONS[action]
    if act.prepare:
        params = act.prepare(params, tenant)
    total = chosen(query, ids).count()
    with transaction.atomic():
        try:
            with transaction.atomic():
                run = BulkRun.objects.create(
                    tenant=tenant,
                    by=by,
                    action=action,
                    params=params,
                    query=query,
                    ids=ids,
                    total=total,
                    key=key,
                )
        except IntegrityError:  # the same form at the same moment: that run
            return BulkRun.objects.get(key=key)
        if total <= SYNC_LIMIT:
            run_now(run)
        else:
            enqueue_with_transaction(run_bulk, run.pk)
    return run


def json_params(cleaned: dict) -> dict:
    """The form's values, as the run keeps them (JSON)."""
    out = {}
    for key, value in cleaned.items():
        if isinstance(value, datetime.date):
            out[key] = value.isoformat()
        elif hasattr(value, "pk"):
            out[f"{key}_id"] = value.pk
        elif value not in (None, ""):
            out[key] = value
    return out


def pending_runs_of(user) -> list[BulkRun]:
    return list(BulkRun.objects.filter(by=user, finished_at__isnull=True)[:3])


def resume_stalled(now: datetime.datetime) -> int:
    """The scheduler's sweep (jobs.schedule.SWEEPS): a run that has not moved for a while
    lost its job (an enqueue after the commit that never happened, a worker that died):
    enqueue it again. A run goes on from where it stopped, so a second job is harmless."""
    from django_scopes import scopes_disabled

    with scopes_disabled():
        stalled = list(
            BulkRun.objects.filter(
                finished_at__isnull=True, updated_at__lt=now - STALLED_AFTER
            ).values_list("pk", flat=True)[:100]
        )
        BulkRun.objects.filter(pk__in=stalled).update(updated_at=now)
    for run_id in stalled:
        run_bulk.enqueue(run_id)
    return len(stalled)
