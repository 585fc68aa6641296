"""Memory of the per-tenant URL configurations (crm/core/urlconfs.py) in a worker that
serves the pages of many tenants: production settings (cached templates), an embedded
database of its own, one owner who is a member of every tenant.

    .venv/bin/python bench/urlconf_memory.py 2000

Opens the customers page of each tenant twice over (an owner's page links to the tenant's
admin) and the tenant's admin in every other tenant, then prints the process's RSS before
and after. TENANT_URLCONFS (default 100) bounds what is kept; TENANT_URLCONFS=100000
shows it unbounded.
"""

import os
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
DB = Path(tempfile.gettempdir()) / "crm-urlconf-memory.sqlite3"
STATIC = Path(tempfile.gettempdir()) / "crm-urlconf-memory-static"
os.environ.update(
    DJANGO_SETTINGS_MODULE="crm.settings",
    DEBUG="0",
    SECRET_KEY="urlconf-memory-" + "k" * 40,
    ALLOWED_HOSTS="testserver",
    DATABASE_URL=f"sqlite:///{DB}",
    SECURE_SSL_REDIRECT="0",
    SESSION_COOKIE_SECURE="0",
    CSRF_COOKIE_SECURE="0",
    REQUEST_LOG="0",
    LOG_LEVEL="WARNING",
    STATIC_ROOT=str(STATIC),
)


def rss_mb() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return 0.0


def main() -> int:
    import django

    DB.unlink(missing_ok=True)
    django.setup()
    from django.conf import settings
    from django.core.management import call_command
    from django.test import Client
    from django_scopes import scopes_disabled

    from crm.core.models import Membership, Tenant, User

    tenants = int(sys.argv[1]) if len(sys.argv) > 1 else 2000
    call_command("migrate", verbosity=0)
    call_command("collectstatic", verbosity=0, interactive=False)
    owner = User.objects.create_user("owner", is_staff=True)  # logged in by force_login
    with scopes_disabled():
        made = Tenant.objects.bulk_create(
            Tenant(name=f"Tenant {i}", slug=f"tenant-{i}") for i in range(tenants)
        )
        Membership.objects.bulk_create(
            Membership(tenant=tenant, user=owner, role="owner") for tenant in made
        )
    client = Client()
    client.force_login(owner)

    def serve(i: int) -> None:
        assert client.get(f"/tenant-{i}/customers/").status_code == 200
        if i % 2 == 0:
            assert client.get(f"/tenant-{i}/admin/").status_code == 200

    for i in range(20):  # warm: templates, connections
        serve(i)
    before = rss_mb()
    for _round in range(2):  # the second round finds what the first kept, or not
        for i in range(tenants):
            serve(i)
    after = rss_mb()
    print(
        f"{tenants} tenants, TENANT_URLCONFS={settings.TENANT_URLCONFS}: worker RSS"
        f" {before:.1f} MB after warming, {after:.1f} MB after serving them all twice"
        f" (+{after - before:.1f} MB)"
    )
    DB.unlink(missing_ok=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
