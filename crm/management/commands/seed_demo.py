from importlib import import_module

from django.core.management.base import BaseCommand
from django_scopes import scope

from crm.demo import DEMO_PASSWORD, seed_accounts

# Each app's demo data, in dependency order; each module has seed(tenant, owner, staff).
APP_SEEDERS: list[str] = ["customers.demo", "notes.demo"]


class Command(BaseCommand):
    help = "Create or refresh the demo businesses, users and data (idempotent)."

    def handle(self, *args, **options):
        for tenant, owner, staff in seed_accounts():
            with scope(tenant=tenant):
                for module in APP_SEEDERS:
                    import_module(module).seed(tenant, owner, staff)
            self.stdout.write(
                f"{tenant.name}: /{tenant.slug}/  owner {owner.username}, staff {staff.username}"
            )
        self.stdout.write(f"Superuser: admin. Every demo password: {DEMO_PASSWORD}")
