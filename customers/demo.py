"""About 40 varied demo customers per tenant, in the tenant's language and market."""

import random
from decimal import Decimal

from crm.lib.phones import parse_phone
from customers import services
from customers.models import Address, Customer, CustomerGroup, CustomField, Tag

MARKETS = {
    "TR": {
        "companies": [
            "Yıldız Ev Tekstili",
            "Marmara Otelcilik",
            "Ege Spa Merkezi",
            "Kapadokya Butik Otel",
            "Bosphorus Hamam",
            "Lale Çeyiz Evi",
            "Karadeniz Konak",
            "Efes Havlu Ticaret",
            "Atlas Mağazaları",
            "Deniz Yıldızı Otel",
            "Çınar Kafe",
            "Mavi Yolculuk Tekne",
            "Toros Kuaför",
            "Anadolu Hediyelik",
            "Sultan Butik",
            "Pamukkale Termal",
            "Galata Konsept",
            "Bodrum Beach Club",
            "Kuzguncuk Dükkan",
            "Truva Perakende",
        ],
        "people": [
            "Elif Şahin",
            "Burak Yılmaz",
            "Zeynep Aydın",
            "Emre Çelik",
            "Selin Arslan",
            "Mert Doğan",
            "Ceren Koç",
            "Oğuz Kurt",
            "Deniz Öztürk",
            "Gizem Polat",
            "Hakan Aksoy",
            "Buse Erdem",
            "Kerem Şimşek",
            "Ece Güneş",
            "Tolga Bulut",
            "Nazlı Kaplan",
            "Serkan Tekin",
            "Pınar Uçar",
            "Onur Yavuz",
            "Derya Acar",
        ],
        "cities": [("İstanbul", "34"), ("Bursa", "16"), ("İzmir", "35"), ("Antalya", "07")],
        "streets": ["Atatürk Cad.", "Cumhuriyet Mah.", "İstiklal Sok.", "Gazi Bulvarı"],
        "phone": "+90 5{:02d} {:03d} {:02d} {:02d}",
        "domain": "example.com.tr",
        "groups": ["Perakende", "Otel ve spa", "Toptan"],
        "tags": ["VIP", "fuar 2026", "Instagram", "yeniden sipariş"],
        "field": ("Mağaza sayısı", "store_count", CustomField.Type.NUMBER),
    },
    "RO": {
        "companies": [
            "Cafeneaua Verde",
            "Magazin Mic SRL",
            "Hotel Carpați",
            "Bistro Lipscani",
            "Mega Gustul SRL",
            "Cofetăria Dulce",
            "La Mama Restaurant",
            "Alimentara Floreasca",
            "Pensiunea Bran",
            "Bucătăria Bunicii",
            "Ceainăria Zen",
            "Market Drumul Taberei",
            "Restaurant Dunărea",
            "Patiseria Victoria",
            "Casa de Cafea",
            "Supermarket Titan",
            "Hanul Vechi",
            "Cantina Universității",
            "Catering Aurora",
            "Băcănia Cotroceni",
        ],
        "people": [
            "Maria Popa",
            "Alexandru Stan",
            "Elena Dumitru",
            "Mihai Constantin",
            "Ana Marin",
            "Cristian Stoica",
            "Ioana Gheorghe",
            "Andrei Munteanu",
            "Raluca Dinu",
            "Vlad Ene",
            "Simona Lungu",
            "Radu Tudor",
            "Bianca Matei",
            "Florin Barbu",
            "Diana Nistor",
            "Sorin Cristea",
            "Laura Ilie",
            "Paul Toma",
            "Carmen Moldovan",
            "Dan Oprea",
        ],
        "cities": [("București", "01"), ("Cluj-Napoca", "40"), ("Brașov", "50"), ("Iași", "70")],
        "streets": ["Calea Victoriei", "Str. Lipscani", "Bd. Unirii", "Șos. Kiseleff"],
        "phone": "+40 7{:02d} {:03d} {:02d}{:01d}",
        "domain": "example.ro",
        "groups": ["Cafenele", "Magazine", "HoReCa"],
        "tags": ["livrare zilnică", "plată la 30 de zile", "VIP", "fără gluten"],
        "field": ("Zi de livrare", "delivery_day", CustomField.Type.TEXT),
    },
}


def seed(tenant, owner, staff) -> None:
    market = MARKETS.get(tenant.default_phone_region, MARKETS["TR"])
    rng = random.Random(tenant.slug)  # noqa: S311  (the same demo data on every run)
    groups = []
    for i, name in enumerate(market["groups"]):
        group, _ = CustomerGroup.objects.get_or_create(
            name=name, defaults={"tenant": tenant, "is_default": i == 0}
        )
        groups.append(group)
    tags = [
        Tag.objects.get_or_create(name=n, defaults={"tenant": tenant})[0] for n in market["tags"]
    ]
    label, key, kind = market["field"]
    CustomField.objects.get_or_create(
        key=key, defaults={"tenant": tenant, "label": label, "field_type": kind}
    )
    currencies = tenant.all_currencies
    languages = [
        tenant.default_language,
        *[lang for lang in ("en", "ru", "fa") if lang != tenant.default_language],
    ]
    temperatures = list(Customer.Temperature.values)
    names = market["companies"] + market["people"]
    for i, name in enumerate(names):
        if Customer.objects.filter(name=name).exists():
            continue
        is_company = i < len(market["companies"])
        contact = market["people"][(i * 7) % len(market["people"])] if is_company else ""
        local = name.lower().split()[0].translate(str.maketrans("çğıöşüăâîșț", "cgiosuaaist"))
        phone = market["phone"].format(
            30 + i % 20,
            rng.randint(100, 999),
            rng.randint(10, 99),
            rng.randint(0, 9 if "+40" in market["phone"] else 99),
        )
        customer = Customer(
            tenant=tenant,
            name=name,
            contact_person=contact,
            email=f"{local}{i}@{market['domain']}",
            phone=parse_phone(phone, tenant.default_phone_region),
            tax_number=f"{rng.randint(10**9, 10**10 - 1)}" if is_company else "",
            status=Customer.Status.CURRENT if i % 5 < 3 else Customer.Status.POTENTIAL,
            temperature=temperatures[i % 4],
            discount_percent=Decimal(rng.choice(["0", "0", "5", "7.5", "10", "12.5", "15"])),
            preferred_currency=currencies[i % len(currencies)],
            preferred_language=languages[0] if i % 4 else languages[(i // 4) % len(languages)],
            group=groups[i % len(groups)],
            email_marketing_consent=i % 3 == 0,
            is_blocked=i == len(names) - 1,
        )
        city, code = market["cities"][i % len(market["cities"])]
        address = Address(
            title="Merkez" if tenant.default_phone_region == "TR" else "Sediu",
            recipient=contact or name,
            line1=f"{market['streets'][i % len(market['streets'])]} {rng.randint(1, 200)}",
            city=city,
            postal_code=f"{code}{rng.randint(100, 999)}",
            country=tenant.default_phone_region,
        )
        services.create_customer(
            customer, by=rng.choice([owner, staff]), tags=rng.sample(tags, i % 3), address=address
        )
