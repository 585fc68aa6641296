"""Follow-ups on the demo customers: some overdue, some today, some later, for both users."""

import datetime

from django.utils import timezone

from customers.models import Customer
from followups.models import FollowUp
from followups.services import add_followup

TEXTS = {
    "tr": [
        "Bahar siparişi için arayın",
        "Fiyat teklifini gönder",
        "Numune paketi ulaştı mı, sor",
        "Ödeme vadesini hatırlat",
        "Yeni renk kataloğunu gönder",
    ],
    "ro": [
        "Sunați pentru comanda de primăvară",
        "Trimiteți oferta de preț",
        "Întrebați dacă au ajuns mostrele",
        "Amintiți scadența plății",
        "Trimiteți catalogul nou",
    ],
}
DAYS = [-3, -1, 0, 0, 1, 2, 5, 12]
TIMES = [None, datetime.time(10, 0), None, datetime.time(14, 30)]


def seed(tenant, owner, staff) -> None:
    if FollowUp.objects.exists():
        return
    texts = TEXTS.get(tenant.default_language, TEXTS["tr"])
    with timezone.override(tenant.timezone):
        today = timezone.localdate()
    for i, customer in enumerate(Customer.objects.active().order_by("id")[: len(DAYS)]):
        add_followup(
            customer,
            text=texts[i % len(texts)],
            due_on=today + datetime.timedelta(days=DAYS[i]),
            due_time=TIMES[i % len(TIMES)],
            assignee=owner if i % 2 == 0 else staff,
            by=owner,
        )
