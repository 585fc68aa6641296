"""QuickChoiceDisplay gives Django's own get_FOO_display(), for every choice field of every
model, every value and an unknown one, in every language."""

import pytest
from django.apps import apps
from django.conf import settings
from django.db import models
from django.utils import translation

from crm.lib.choices import QuickChoiceDisplay

FIELDS = [
    (model, field)
    for model in apps.get_models()
    if issubclass(model, QuickChoiceDisplay)
    for field in model._meta.concrete_fields
    if field.choices
]


def test_every_tenant_owned_model_has_it():
    assert len(FIELDS) >= 10


@pytest.mark.parametrize("language", [code for code, _ in settings.LANGUAGES])
def test_the_labels_are_djangos(language):
    with translation.override(language):
        for model, field in FIELDS:
            for value in [*(v for v, _label in field.flatchoices), "not-a-choice", None]:
                obj = model(**{field.attname: value})
                ours = getattr(obj, f"get_{field.name}_display")()
                assert ours == models.Model._get_FIELD_display(obj, field), (model, field, value)


def test_switched_off_django_draws_them(settings):
    from orders.models import Order

    settings.FAST_CHOICE_LABELS = False
    field = Order._meta.get_field("status")
    field.__dict__.pop("_display_labels", None)
    assert Order(status="shipped").get_status_display() == "Shipped"
    assert "_display_labels" not in field.__dict__
