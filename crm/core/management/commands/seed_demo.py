from importlib import import_module

from django.core.management.base import BaseCommand
from django.test.utils import override_settings
from django.utils import timezone
from django_scopes import scope, scopes_disabled

from crm.core.demo import DEMO_PASSWORD, DEMO_TENANTS, seed_accounts

# Each app's demo data, in dependency order; each module has seed(tenant, owner, staff).
APP_SEEDERS: list[str] = [
    "customers.demo",
    "notes.demo",
    "catalog.demo",
    "orders.demo",
    "quickorder.demo",
    "followups.demo",
]


class Command(BaseCommand):
    help = "Create or refresh the demo businesses, users and data (idempotent)."

    def handle(self, *args, **options):
        # Demo orders would email the demo customers: their emails are history, stored as
        # sent (and kept in memory should anything send one meanwhile).
        with override_settings(EMAIL_BACKEND="django.core.mail.backends.locmem.EmailBackend"):
            self.seed()
        from jobs.models import OutboxEmail

        with scopes_disabled():
            OutboxEmail.objects.filter(
                tenant__slug__in=[spec.slug for spec in DEMO_TENANTS], sent_at__isnull=True
            ).update(sent_at=timezone.now(), last_error="demo data: not sent")

    def seed(self):
        for tenant, owner, staff in seed_accounts():
            notes = []
            with scope(tenant=tenant):
                for module in APP_SEEDERS:
                    note = import_module(module).seed(tenant, owner, staff)
                    if note:
                        notes.append(note)
            self.stdout.write(
                f"{tenant.name}: /{tenant.slug}/  owner {owner.username}, staff {staff.username}"
            )
            for note in notes:
                self.stdout.write(note)
        self.stdout.write(f"Superuser: admin. Every demo password: {DEMO_PASSWORD}")
