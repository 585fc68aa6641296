from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CustomersConfig(AppConfig):
    name = "customers"
    verbose_name = _("Customers")

    def ready(self):
        from customers import digest, signals  # noqa: F401  (registers the receivers, the digest)
        from customers.bulk import resume_stalled
        from customers.importing import resume_stalled_imports
        from jobs.schedule import SWEEPS

        for sweep in (resume_stalled, resume_stalled_imports):
            if sweep not in SWEEPS:
                SWEEPS.append(sweep)
