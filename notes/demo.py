"""Notes of every priority on the demo customers."""

from customers.models import Customer
from notes.models import Note
from notes.services import add_note

TEXTS = {
    "tr": [
        (
            "high",
            "Fuar öncesi 200 adet peştemal istiyor, fiyat teklifini cuma gününe kadar gönder.",
        ),
        ("medium", "Yeni renk kataloğunu görmek istedi; numune paketi hazırlanacak."),
        ("none", "Ödemelerini her zaman zamanında yapıyor."),
        ("none", "Muhasebe ile görüşmeler için Selin Hanım'ı arayın."),
    ],
    "ro": [
        ("high", "Vrea livrare zilnică înainte de ora 7 din luna viitoare; confirmă capacitatea."),
        ("medium", "A cerut ofertă pentru cozonac de Crăciun, 150 de bucăți."),
        ("none", "Plătește la 30 de zile, fără întârzieri până acum."),
        ("none", "Preferă să fie sunat dimineața."),
    ],
}


def seed(tenant, owner, staff) -> None:
    texts = TEXTS.get(tenant.default_language, TEXTS["tr"])
    for i, customer in enumerate(Customer.objects.order_by("id")):
        if Note.objects.filter(customer=customer).exists():
            continue
        for j in range(i % 3 + 1):
            priority, text = texts[(i + j) % len(texts)]
            add_note(customer, text=text, priority=priority, by=owner if j % 2 else staff)
