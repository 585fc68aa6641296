"""Saved views of the customers list: the tabs above it (mine and those shared with the
business, each with its count), and saving, renaming, sharing and deleting them (their
owner only)."""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.db.models import Q
from django.http import Http404, HttpRequest, HttpResponse, QueryDict
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from crm.lib import generations, soft_cache
from customers.models import Customer, SavedView

MAX_TABS = 12
COUNT_TIMEOUT = 300


def visible(user):
    """The views a member sees: their own and those shared with the business."""
    return SavedView.objects.filter(Q(owner=user) | Q(is_shared=True))


def kept_query(params: QueryDict) -> str:
    """The part of the list's query string a view keeps."""
    kept = QueryDict(mutable=True)
    for name in SavedView.KEPT_PARAMETERS:
        values = [v for v in params.getlist(name) if v.strip()]
        if values:
            kept.setlist(name, values)
    return kept.urlencode()[:2000]


def count(request: HttpRequest, view: SavedView) -> int:
    """The customers a view lists; kept per tenant "customers" generation (any change to
    a customer is a new key) so the tabs cost nothing on most page loads."""
    from customers.forms import CustomerFilter

    generation = generations.current("customers", request.tenant.pk)
    key = f"saved-view-count:{request.tenant.pk}:{view.pk}:{generation}:{view.query}"
    if generation is not None:
        kept = soft_cache.get(key)
        if kept is not None:
            return kept
    params = QueryDict(view.query)
    filters = CustomerFilter(params or None, queryset=Customer.objects.all(), request=request)
    queryset = filters.qs if filters.is_bound and filters.is_valid() else Customer.objects.active()
    number = queryset.count()
    if generation is not None:
        soft_cache.set(key, number, COUNT_TIMEOUT)
    return number


def views_of(request: HttpRequest) -> list[SavedView]:
    """The member's tabs, kept per tenant "saved-views" generation (saving, changing or
    deleting any view of the business renews it) and member."""
    generation = generations.current("saved-views", request.tenant.pk)
    key = f"saved-views:{request.tenant.pk}:{request.user.pk}:{generation}"
    rows = soft_cache.get(key) if generation is not None else None
    if rows is None:
        rows = list(
            visible(request.user).values_list(
                "pk", "name", "owner_id", "is_shared", "query", "view_mode"
            )[:MAX_TABS]
        )
        if generation is not None:
            soft_cache.set(key, rows, COUNT_TIMEOUT)
    return [
        SavedView(
            pk=pk,
            tenant_id=request.tenant.pk,
            name=name,
            owner_id=owner,
            is_shared=shared,
            query=query,
            view_mode=mode,
        )
        for pk, name, owner, shared, query, mode in rows
    ]


def tabs(request: HttpRequest) -> list[dict]:
    current = request.GET.get("saved", "")
    return [
        {
            "view": view,
            "count": count(request, view),
            "current": current == str(view.pk),
            "mine": view.owner_id == request.user.pk,
        }
        for view in views_of(request)
    ]


def changed(tenant_id: int) -> None:
    generations.renew("saved-views", tenant_id)


class SavedViewForm(forms.ModelForm):
    class Meta:
        model = SavedView
        fields = ["name", "is_shared"]

    def __init__(self, *args, tenant, owner, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk is None:
            self.instance.tenant = tenant
            self.instance.owner = owner
        self.fields["name"].error_messages["required"] = gettext_lazy("Give the view a name.")

    def clean_name(self):
        name = " ".join(self.cleaned_data["name"].split())
        if not name:
            raise forms.ValidationError(gettext_lazy("Give the view a name."), code="required")
        # The owner is no field of the form, so Django would skip the unique rule.
        taken = SavedView.objects.filter(owner=self.instance.owner, name=name)
        if taken.exclude(pk=self.instance.pk).exists():
            raise forms.ValidationError(
                gettext_lazy("You already have a view with this name."), code="unique"
            )
        return name


def _own_view(request: HttpRequest, pk: int) -> SavedView:
    """One of my views; someone else's, shared or not, and another business's are 404."""
    return get_object_or_404(SavedView.objects.filter(owner=request.user), pk=pk)


def _list_url(view: SavedView | None = None, query: str = "") -> str:
    url = reverse("customers:list")
    return f"{url}?{view.url_query()}" if view else (f"{url}?{query}" if query else url)


@require_POST
def view_create(request: HttpRequest) -> HttpResponse:
    """Save the list as it is shown now (its query string comes with the form)."""
    form = SavedViewForm(request.POST, tenant=request.tenant, owner=request.user)
    params = QueryDict(request.POST.get("query", ""))
    if form.is_valid():
        view = form.save(commit=False)
        view.query = kept_query(params)
        view.view_mode = "table" if request.POST.get("view_mode") == "table" else "cards"
        view.save()
        changed(view.tenant_id)
        messages.success(request, _("View “%(name)s” saved.") % {"name": view.name})
        return redirect(_list_url(view))
    messages.error(request, " ".join(str(e) for errors in form.errors.values() for e in errors))
    return redirect(_list_url(query=params.urlencode()))


def view_update(request: HttpRequest, pk: int) -> HttpResponse:
    """Rename or (un)share a view, or keep the list as it is now under it."""
    view = _own_view(request, pk)
    form = SavedViewForm(
        request.POST or None, instance=view, tenant=request.tenant, owner=request.user
    )
    if request.method == "POST" and form.is_valid():
        view = form.save(commit=False)
        if request.POST.get("replace_filters") == "on" and "query" in request.POST:
            view.query = kept_query(QueryDict(request.POST["query"]))
            view.view_mode = "table" if request.POST.get("view_mode") == "table" else "cards"
        view.save()
        changed(view.tenant_id)
        messages.success(request, _("View “%(name)s” saved.") % {"name": view.name})
        return redirect(_list_url(view))
    context = {"nav": "customers", "view": view, "form": form}
    return render(request, "customers/saved_view_form.html", context)


def view_delete(request: HttpRequest, pk: int) -> HttpResponse:
    view = _own_view(request, pk)
    if request.method == "POST":
        name = view.name
        view.delete()
        changed(view.tenant_id)
        messages.success(request, _("View “%(name)s” deleted.") % {"name": name})
        return redirect("customers:list")
    if request.method != "GET":
        raise Http404
    return render(
        request,
        "customers/saved_view_form.html",
        {"nav": "customers", "view": view, "deleting": True},
    )
