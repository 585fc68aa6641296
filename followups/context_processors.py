from django.utils.functional import SimpleLazyObject


def today_badge(request):
    """The sidebar's count of my follow-ups overdue or due today, read only if a page
    draws it (followups.today.badge_count keeps it in the shared cache)."""
    tenant = getattr(request, "tenant", None)
    if tenant is None or getattr(request, "membership", None) is None:
        return {}
    from followups.today import badge_count

    def count():
        # A view that has counted them already (the Today page, mine) says so.
        known = getattr(request, "followups_badge", None)
        return known if known is not None else badge_count(tenant.pk, request.user)

    return {"followups_badge": SimpleLazyObject(count)}
