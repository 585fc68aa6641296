import pytest
from django.utils import translation

from catalog.units import with_unit


@pytest.mark.parametrize(
    ("language", "quantity", "unit", "expected"),
    [
        ("en", 1, "piece", "1 piece"),
        ("en", 3, "piece", "3 pieces"),
        ("en", 2, "box", "2 boxes"),
        ("en", 2, "kg", "2 kg"),
        ("tr", 3, "piece", "3 adet"),
        ("ru", 1, "piece", "1 штука"),
        ("ru", 3, "piece", "3 штуки"),
        ("ru", 5, "piece", "5 штук"),
        ("ru", 21, "piece", "21 штука"),
        ("ro", 20, "box", "20 de cutii"),
        ("en", 4, "gone", "4 gone"),  # a unit no longer offered
    ],
)
def test_a_quantity_with_its_unit_in_the_right_plural(language, quantity, unit, expected):
    with translation.override(language):
        assert with_unit(quantity, unit) == expected
