"""One view per URL: the full page, or for an htmx request the named partial of it; and
where a view may send the browser next."""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.cache import patch_vary_headers
from django.utils.http import url_has_allowed_host_and_scheme
from django_htmx.http import HttpResponseClientRedirect


def render_page(
    request: HttpRequest,
    template_name: str,
    context: dict,
    *,
    partial: str | None = None,
    status: int = 200,
) -> HttpResponse:
    """Render `template_name`, or only its `partial` when htmx asks for a fragment.

    Boosted and history-restore requests want the whole page, so they get it.
    """
    htmx = getattr(request, "htmx", None)
    if partial and htmx and not htmx.boosted and not htmx.history_restore_request:
        template_name = f"{template_name}#{partial}"
    response = render(request, template_name, context, status=status)
    patch_vary_headers(response, ("HX-Request",))
    return response


def redirect_after_success(request: HttpRequest, url: str) -> HttpResponse:
    """After a successful POST: a client-side redirect for htmx, a 302 otherwise."""
    if getattr(request, "htmx", None):
        return HttpResponseClientRedirect(url)
    return redirect(url)


def safe_next(request: HttpRequest, fallback: str, *, within: str = "/") -> str:
    """The `next` the request asks to go to after a POST, if it is a page of this site under
    the path `within`; `fallback` otherwise (another site, "//host", "javascript:"...)."""
    candidate = request.POST.get("next") or request.GET.get("next") or ""
    if (
        url_has_allowed_host_and_scheme(
            candidate, allowed_hosts={request.get_host()}, require_https=request.is_secure()
        )
        and candidate.startswith(within)
        and not candidate.startswith("//")
        and "/.." not in candidate  # "/q/<token>/../../elsewhere" leaves `within`
    ):
        return candidate
    return fallback
