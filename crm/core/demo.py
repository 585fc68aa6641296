"""Demo data for `make run`: two businesses with an owner and a staff member each.

Idempotent: running it again updates the same rows and adds nothing twice. Each app that
has demo data adds a `demo.seed(tenant, users)` function, called from seed_demo.
"""

from dataclasses import dataclass

from django.core.files.base import ContentFile
from django.db import transaction
from django_scopes import scopes_disabled

from crm.core.models import Membership, Tenant, User
from crm.lib.images import initials_logo

DEMO_PASSWORD = "demo-pass-2026"  # noqa: S105  (printed by `make run` on purpose)


@dataclass(frozen=True)
class DemoTenant:
    slug: str
    name: str
    base_currency: str
    currencies: list[str]
    default_language: str
    quickorder_languages: list[str]
    timezone: str
    phone_region: str
    accent_colour: str
    description: str
    owner: tuple[str, str, str]  # username, first name, last name
    staff: tuple[str, str, str]


DEMO_TENANTS = [
    DemoTenant(
        slug="anka-tekstil",
        name="Anka Tekstil Atölyesi",
        base_currency="TRY",
        currencies=["EUR", "USD"],
        default_language="tr",
        quickorder_languages=["tr", "en", "ru", "fa"],
        timezone="Europe/Istanbul",
        phone_region="TR",
        accent_colour="#b45309",
        description="Bursa'da 1998'den beri el dokuması havlu, peştemal ve ev tekstili.",
        owner=("ayse", "Ayşe", "Demir"),
        staff=("mehmet", "Mehmet", "Kaya"),
    ),
    DemoTenant(
        slug="brutaria-bucur",
        name="Brutăria Bucur",
        base_currency="RON",
        currencies=["EUR"],
        default_language="ro",
        quickorder_languages=["ro", "en"],
        timezone="Europe/Bucharest",
        phone_region="RO",
        accent_colour="#047857",
        description="Pâine, cozonac și patiserie pentru magazine și cafenele din București.",
        owner=("ioana", "Ioana", "Popescu"),
        staff=("andrei", "Andrei", "Ionescu"),
    ),
]


def _user(username, first, last, *, language, is_staff=False, is_superuser=False) -> User:
    user, created = User.objects.get_or_create(
        username=username,
        defaults={
            "first_name": first,
            "last_name": last,
            "email": f"{username}@example.com",
            "language": language,
            "is_staff": is_staff,
            "is_superuser": is_superuser,
        },
    )
    if created:
        user.set_password(DEMO_PASSWORD)
        user.save(update_fields=["password"])
    return user


@transaction.atomic
def seed_accounts() -> list[tuple[Tenant, User, User]]:
    """The two demo tenants with (tenant, owner, staff), and the superuser `admin`."""
    seeded = []
    with scopes_disabled():
        _user("admin", "Admin", "", language="en", is_staff=True, is_superuser=True)
        for spec in DEMO_TENANTS:
            tenant, _ = Tenant.objects.update_or_create(
                slug=spec.slug,
                defaults={
                    "name": spec.name,
                    "base_currency": spec.base_currency,
                    "currencies": spec.currencies,
                    "default_language": spec.default_language,
                    "quickorder_languages": spec.quickorder_languages,
                    "timezone": spec.timezone,
                    "default_phone_region": spec.phone_region,
                    "accent_colour": spec.accent_colour,
                    "brand_description": spec.description,
                    "notification_email": f"orders@{spec.slug}.example.com",
                },
            )
            if not tenant.logo:  # what a real business would have: its logo on its pages
                logo = initials_logo(spec.name, spec.accent_colour)
                tenant.logo.save(f"{spec.slug}.png", ContentFile(logo), save=True)
            owner = _user(*spec.owner, language=spec.default_language, is_staff=True)
            staff = _user(*spec.staff, language=spec.default_language)
            for user, role in ((owner, Membership.Role.OWNER), (staff, Membership.Role.STAFF)):
                Membership.objects.update_or_create(
                    tenant=tenant, user=user, defaults={"role": role}
                )
            seeded.append((tenant, owner, staff))
    return seeded
