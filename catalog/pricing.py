"""Prices are computed here and only here, on the server, in Decimal.

unit_price(product, currency, discount_percent) gives the list price in `currency` (an
explicit ProductPrice, else the base price converted with the tenant's ExchangeRate) and
the discounted price (list price minus the discount %), each rounded half-up to the
currency's minor units.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from django.db.models import OuterRef, Subquery

from catalog.models import ExchangeRate, Product, ProductPrice
from crm.lib.money import quantize

HUNDRED = Decimal(100)


class PriceUnavailable(Exception):
    """The product cannot be priced in this currency (no explicit price and no rate)."""


@dataclass(frozen=True)
class UnitPrice:
    currency: str
    list_price: Decimal
    discounted: Decimal
    discount_percent: Decimal


def apply_discount(amount: Decimal, discount_percent: Decimal, currency: str) -> Decimal:
    discount_percent = min(max(Decimal(discount_percent), Decimal(0)), HUNDRED)
    return quantize(amount * (HUNDRED - discount_percent) / HUNDRED, currency)


class PriceBook:
    """Prices of many products in one currency with two queries, whatever their number.

    Built inside the tenant's scope; list pages and order placement use it so that pricing
    a 500-product catalog is not 1,000 queries.
    """

    # Up to this many products, their prices are asked for by id; for more (a whole
    # catalog), every price of the tenant in the currency: a long IN list costs more.
    LIST_LIMIT = 50

    def __init__(self, tenant, currency: str, products=None, *, annotated: bool = False):
        """`annotated`: the products came through `with_explicit_prices(..., currency)`,
        so their explicit prices are already read."""
        self.tenant = tenant
        self.currency = currency
        self.rate = None
        if currency != tenant.base_currency:
            rate = ExchangeRate.objects.filter(currency=currency).first()
            self.rate = rate.rate if rate else None
        if annotated:
            self.explicit = {
                p.pk: p.explicit_price for p in products if p.explicit_price is not None
            }
            return
        explicit = ProductPrice.objects.filter(currency=currency)
        if products is not None and len(products) <= self.LIST_LIMIT:
            explicit = explicit.filter(product__in=[p.pk for p in products])
        self.explicit = dict(explicit.values_list("product_id", "price"))

    @staticmethod
    def with_explicit_prices(products, currency: str):
        """The products queryset with each one's explicit price in `currency` (or None)
        read in the same query, for `PriceBook(..., annotated=True)`."""
        return products.annotate(
            explicit_price=Subquery(
                ProductPrice.objects.filter(product=OuterRef("pk"), currency=currency).values(
                    "price"
                )[:1]
            )
        )

    def list_price(self, product: Product) -> Decimal:
        if product.pk in self.explicit:
            return quantize(self.explicit[product.pk], self.currency)
        if self.currency == self.tenant.base_currency:
            return quantize(product.price, self.currency)
        if self.rate is None:
            raise PriceUnavailable(self.currency)
        return quantize(product.price * self.rate, self.currency)

    def unit_price(self, product: Product, discount_percent: Decimal = Decimal(0)) -> UnitPrice:
        list_price = self.list_price(product)
        return UnitPrice(
            currency=self.currency,
            list_price=list_price,
            discounted=apply_discount(list_price, discount_percent, self.currency),
            discount_percent=Decimal(discount_percent),
        )


def unit_price(
    product: Product, currency: str, discount_percent: Decimal = Decimal(0)
) -> UnitPrice:
    """The price of one product (see the module docstring)."""
    return PriceBook(product.tenant, currency, [product]).unit_price(product, discount_percent)
