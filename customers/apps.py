from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CustomersConfig(AppConfig):
    name = "customers"
    verbose_name = _("Customers")

    def ready(self):
        from customers import digest, signals  # noqa: F401  (registers the receivers, the digest)
        from customers.bulk import resume_stalled
        from jobs.schedule import SWEEPS

        if resume_stalled not in SWEEPS:
            SWEEPS.append(resume_stalled)
