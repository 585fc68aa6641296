import datetime

import pytest
from django_scopes import scope

from followups import services


def add(customer, by, *, days=1, text="Call back", assignee=None, at=None, **extra):
    """A follow-up `days` from the business's today, through the service."""
    from django.utils import timezone

    with scope(tenant=customer.tenant), timezone.override(customer.tenant.timezone):
        return services.add_followup(
            customer,
            text=text,
            due_on=timezone.localdate() + datetime.timedelta(days=days),
            due_time=at,
            assignee=assignee or by,
            by=by,
            **extra,
        )


@pytest.fixture
def followup_a(customer_a, owner_a):
    return add(customer_a, owner_a, text="Call about the spring order")


@pytest.fixture
def followup_b(customer_b, owner_b):
    return add(customer_b, owner_b, text="Bucur's follow-up")
