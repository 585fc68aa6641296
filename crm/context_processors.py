from django.utils.functional import SimpleLazyObject

from crm.tenancy import memberships_of


def tenancy(request):
    """The current tenant and membership, and (lazily) the user's other tenants."""
    return {
        "tenant": getattr(request, "tenant", None),
        "membership": getattr(request, "membership", None),
        "user_memberships": SimpleLazyObject(lambda: memberships_of(request.user)),
    }
