from django.utils.functional import SimpleLazyObject

from crm.core.tenancy import tenant_switcher


def tenancy(request):
    """The current tenant and membership, and (lazily) the user's tenant menu."""
    return {
        "tenant": getattr(request, "tenant", None),
        "membership": getattr(request, "membership", None),
        "tenant_switcher": SimpleLazyObject(lambda: tenant_switcher(request.user)),
    }
