"""Form widgets drawn in Python where Django's templates cost the most.

Django draws a <select> with one template include per option, and another per option's
attributes: a few hundred options (countries, time zones, currencies) took most of a form
page's time. templates/django/forms/widgets/select.html and attrs.html (picked up through
the TemplatesSetting form renderer, Django's documented way to override widget templates)
call these instead. The markup is the same as Django's own templates give.
"""

from __future__ import annotations

from html import escape

from django.utils.safestring import SafeString, mark_safe


def _escaped(value) -> str:
    """conditional_escape without its lazy-string wrapper (called per option): a value that
    is already safe HTML is kept, anything else escaped as Django's escape does."""
    if hasattr(value, "__html__"):
        return value.__html__()
    return escape(str(value), quote=True)


def _attrs(attrs: dict) -> str:
    parts = []
    for name, value in attrs.items():
        if value is False:
            continue
        if value is True:
            parts.append(f" {_escaped(name)}")
        else:
            parts.append(f' {_escaped(name)}="{_escaped(value)}"')
    return "".join(parts)


def html_attrs(attrs: dict) -> SafeString:
    """` name="value"` for each attribute, as django/forms/widgets/attrs.html writes them:
    True gives the bare name, False leaves the attribute out."""
    return mark_safe(_attrs(attrs))  # noqa: S308  (every part escaped)


def select_options(optgroups) -> SafeString:
    """The <option>s (in <optgroup>s where the choices are grouped) of a Select's context."""
    parts = []
    for group_name, options, _index in optgroups:
        if group_name:
            parts.append(f'\n  <optgroup label="{_escaped(group_name)}">')
        for option in options:
            parts.append(
                f'\n  <option value="{_escaped(option["value"])}"{_attrs(option["attrs"])}>'
                f"{_escaped(option['label'])}</option>"
            )
        if group_name:
            parts.append("\n  </optgroup>")
    return mark_safe("".join(parts))  # noqa: S308  (every value escaped)
