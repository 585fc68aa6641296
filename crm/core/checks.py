"""System check: every model with a `tenant` foreign key queries through a scoped manager."""

from django.apps import apps
from django.core import checks
from django.db import models


def is_scoped(manager) -> bool:
    # django-scopes' managers are the only ones with `with_scopes_disabled`.
    return callable(getattr(manager, "with_scopes_disabled", None))


@checks.register(checks.Tags.models)
def check_tenant_models_are_scoped(app_configs=None, **kwargs):
    return check_models(apps.get_models())


def check_models(models_to_check) -> list[checks.Error]:
    errors = []
    for model in models_to_check:
        field = next((f for f in model._meta.get_fields() if f.name == "tenant"), None)
        if not isinstance(field, models.ForeignKey):
            continue
        if not is_scoped(model._default_manager):
            errors.append(
                checks.Error(
                    f"{model._meta.label} has a tenant foreign key but its default manager "
                    "is not a django-scopes ScopedManager, so unscoped queries would leak.",
                    hint="Inherit crm.core.models.TenantOwned or set objects = "
                    'ScopedManager(tenant="tenant").',
                    obj=model,
                    id="crm.E001",
                )
            )
    return errors


@checks.register(checks.Tags.security, deploy=True)
def check_csrf_middleware(app_configs=None, **kwargs):
    from django.conf import settings

    if "crm.lib.csrf.CsrfViewMiddleware" not in settings.MIDDLEWARE:
        return [
            checks.Error(
                "crm.lib.csrf.CsrfViewMiddleware must be in MIDDLEWARE (CSRF protection).",
                id="crm.E002",
            )
        ]
    return []


# The Django minor version the private-API code is written and tested against (the list is
# in docs/scaling.md). Upgrading: set COMPILED_QUERIES=0 to try the new version with the
# plain ORM, go through that list, then change this.
TESTED_DJANGO = (5, 2)


@checks.register()
def check_django_version(app_configs=None, **kwargs):
    import django
    from django.conf import settings

    if django.VERSION[:2] == TESTED_DJANGO:
        return []
    tested = ".".join(map(str, TESTED_DJANGO))
    message = (
        f"Django {django.get_version()} is not the version the project's private-API code "
        f"is tested with ({tested})."
    )
    hint = (
        "Go through the upgrade checklist in docs/scaling.md, then update "
        "crm.core.checks.TESTED_DJANGO."
    )
    if settings.COMPILED_QUERIES:
        return [
            checks.Error(message, hint=f"Set COMPILED_QUERIES=0 to try it. {hint}", id="crm.E003")
        ]
    return [checks.Warning(message, hint=hint, id="crm.W003")]
