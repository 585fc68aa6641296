from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db import DatabaseError, connection
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from crm.core.forms import TenantSettingsForm
from crm.core.models import Membership
from crm.core.tenancy import memberships_of
from crm.core.urlconfs import tenant_reverse


@login_required
def home(request: HttpRequest) -> HttpResponse:
    """Send a user with one tenant straight to it; offer a choice otherwise."""
    memberships = memberships_of(request.user)
    if len(memberships) == 1:
        return redirect(tenant_reverse(memberships[0].tenant, "customers:list"))
    choices = [(m, tenant_reverse(m.tenant, "customers:list")) for m in memberships]
    return render(request, "crm/tenant_chooser.html", {"choices": choices})


@require_GET
@never_cache
def healthz(request: HttpRequest) -> JsonResponse:
    """200 when the database answers; 503 otherwise (for load balancers and Docker)."""
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except DatabaseError:
        return JsonResponse({"status": "unavailable", "database": "down"}, status=503)
    return JsonResponse({"status": "ok"})


@require_GET
@never_cache
def healthz_queue(request: HttpRequest) -> JsonResponse:
    """The age of the oldest job waiting to run: 503 when it is over QUEUE_MAX_AGE_SECONDS
    (no worker is running, or they cannot keep up), for a second load-balancer check."""
    from django.conf import settings
    from django.utils import timezone
    from django_tasks_db.models import DBTaskResult

    try:
        oldest = (
            DBTaskResult.objects.ready()
            .order_by("enqueued_at")
            .values_list("enqueued_at", flat=True)[:1]
        )
        oldest = next(iter(oldest), None)
    except DatabaseError:
        return JsonResponse({"status": "unavailable", "database": "down"}, status=503)
    age = (timezone.now() - oldest).total_seconds() if oldest else 0
    late = age > settings.QUEUE_MAX_AGE_SECONDS
    return JsonResponse(
        {"status": "late" if late else "ok", "oldest_queued_seconds": round(age)},
        status=503 if late else 200,
    )


def tenant_home(request: HttpRequest) -> HttpResponse:
    return redirect("customers:list")


def tenant_settings(request: HttpRequest) -> HttpResponse:
    """Everyone sees their account and chooses whether they get the morning email of their
    follow-ups; owners also edit the business and its brand, and choose whether they get the
    morning email of who is due to reorder."""
    form = None
    if request.method == "POST" and request.POST.get("account") == "digest":
        membership = request.membership
        membership.followup_digest = request.POST.get("followup_digest") == "on"
        changed = {"followup_digest": membership.followup_digest}
        if membership.is_owner:  # the reorder email is the owners'
            membership.reorder_digest = request.POST.get("reorder_digest") == "on"
            changed["reorder_digest"] = membership.reorder_digest
        Membership.objects.filter(pk=membership.pk).update(**changed)
        messages.success(request, _("Settings saved."))
        return redirect("tenant_settings")
    if request.membership.is_owner:
        form = TenantSettingsForm(
            request.POST or None, request.FILES or None, instance=request.tenant
        )
        if request.method == "POST" and form.is_valid():
            form.save()
            messages.success(request, _("Settings saved."))
            return redirect("tenant_settings")
    elif request.method == "POST":
        raise Http404
    return render(request, "crm/settings.html", {"nav": "settings", "form": form})


def server_error(request: HttpRequest) -> HttpResponse:
    """handler500: called while the exception is being handled, so it can tell a database
    outage (a clean, retryable 503) from a bug (500)."""
    import sys

    from django.db import InterfaceError, OperationalError
    from django.template.loader import render_to_string

    error = sys.exc_info()[1]
    if isinstance(error, OperationalError | InterfaceError):
        response = HttpResponse(render_to_string("503.html"), status=503)
        response["Retry-After"] = "5"
        return response
    return HttpResponse(render_to_string("500.html"), status=500)
