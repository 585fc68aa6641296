from django.utils.functional import SimpleLazyObject


def today_badge(request):
    """The sidebar's count of my follow-ups overdue or due today, read only if a page
    draws it (followups.today.badge_count keeps it in the shared cache)."""
    tenant = getattr(request, "tenant", None)
    if tenant is None or getattr(request, "membership", None) is None:
        return {}
    from followups.today import badge_count

    return {"followups_badge": SimpleLazyObject(lambda: badge_count(tenant.pk, request.user))}
