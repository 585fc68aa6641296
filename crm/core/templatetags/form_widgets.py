"""Filters for the widget templates in templates/django/forms/widgets/ (crm.lib.widgets)."""

from django import template

from crm.lib import widgets

register = template.Library()
register.filter("html_attrs", widgets.html_attrs)
register.filter("select_options", widgets.select_options)
