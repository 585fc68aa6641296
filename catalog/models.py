"""The tenant's catalog: categories and products (translated with django-modeltranslation,
see catalog/translation.py), prices in other currencies and exchange rates."""

from decimal import Decimal

from django.core.validators import MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from crm.core.models import TenantOwned
from crm.lib.images import validate_image
from crm.lib.money import validate_currency


class Category(TenantOwned):
    name = models.CharField(_("name"), max_length=100)
    position = models.PositiveSmallIntegerField(_("position"), default=0)

    class Meta:
        verbose_name = _("category")
        verbose_name_plural = _("categories")
        ordering = ["position", "id"]

    def __str__(self) -> str:
        return self.name or ""


class Product(TenantOwned):
    class Unit(models.TextChoices):
        PIECE = "piece", _("piece")
        KG = "kg", _("kg")
        METRE = "m", _("m")
        BOX = "box", _("box")
        PACK = "pack", _("pack")
        LITRE = "l", _("litre")
        DOZEN = "dozen", _("dozen")

    sku = models.CharField(_("SKU"), max_length=50)
    sku_key = models.CharField(max_length=150, editable=False)  # crm.lib.text.fold(sku)
    name = models.CharField(_("name"), max_length=200)
    description = models.TextField(_("description"), blank=True, max_length=4000)
    category = models.ForeignKey(
        Category,
        verbose_name=_("category"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="products",
    )
    unit = models.CharField(_("unit"), max_length=10, choices=Unit.choices, default=Unit.PIECE)
    price = models.DecimalField(
        _("price"),
        max_digits=14,
        decimal_places=3,
        validators=[MinValueValidator(Decimal("0.001"))],
        help_text=_("In the business's base currency."),
    )
    is_active = models.BooleanField(
        _("active"), default=True, help_text=_("Only active products can be ordered.")
    )
    # The main photo (the first of `photos`, kept here by catalog.photos so that a catalog
    # of 500 products reads it with the product): its largest size, the others beside it.
    image = models.ImageField(
        _("main photo"), upload_to="products/", blank=True, validators=[validate_image]
    )
    position = models.PositiveIntegerField(_("position"), default=0)
    created_at = models.DateTimeField(_("added"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    folded_keys = {"sku_key": "sku"}

    class Meta:
        verbose_name = _("product")
        verbose_name_plural = _("products")
        ordering = ["position", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["tenant", "sku_key"],
                name="product_tenant_sku_uniq",
                violation_error_message=_("A product with this SKU already exists."),
            ),
            models.CheckConstraint(
                condition=models.Q(price__gt=0),
                name="product_price_positive",
                violation_error_message=_("The price must be greater than zero."),
            ),
        ]
        indexes = [
            models.Index(
                fields=["tenant", "is_active", "category", "position"], name="product_listing"
            )
        ]

    def __str__(self) -> str:
        return f"{self.sku} · {self.name}"


class ProductPhoto(TenantOwned):
    """A photo of a product, stored in the sizes pages ask for (catalog/photos.py); the
    first by position is the main one."""

    product = models.ForeignKey(
        Product, verbose_name=_("product"), on_delete=models.CASCADE, related_name="photos"
    )
    image = models.ImageField(_("photo"), upload_to="products/", max_length=200)
    position = models.PositiveIntegerField(_("position"), default=0)
    created_at = models.DateTimeField(_("added"), auto_now_add=True)

    class Meta:
        verbose_name = _("product photo")
        verbose_name_plural = _("product photos")
        ordering = ["position", "id"]
        indexes = [models.Index(fields=["product", "position"], name="productphoto_order")]

    def __str__(self) -> str:
        return self.image.name


class ProductPrice(TenantOwned):
    """An explicit price of a product in one currency; wins over the exchange rate."""

    product = models.ForeignKey(
        Product, verbose_name=_("product"), on_delete=models.CASCADE, related_name="prices"
    )
    currency = models.CharField(_("currency"), max_length=3, validators=[validate_currency])
    price = models.DecimalField(
        _("price"),
        max_digits=14,
        decimal_places=3,
        validators=[MinValueValidator(Decimal("0.001"))],
    )

    class Meta:
        verbose_name = _("price in another currency")
        verbose_name_plural = _("prices in other currencies")
        constraints = [
            models.UniqueConstraint(
                fields=["tenant", "product", "currency"],
                name="productprice_tenant_product_currency_uniq",
                violation_error_message=_("This product already has a price in this currency."),
            ),
            models.CheckConstraint(
                condition=models.Q(price__gt=0), name="productprice_price_positive"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.product.sku} {self.price} {self.currency}"


class ExchangeRate(TenantOwned):
    """How many units of `currency` one unit of the tenant's base currency buys."""

    currency = models.CharField(_("currency"), max_length=3, validators=[validate_currency])
    rate = models.DecimalField(
        _("rate"),
        max_digits=18,
        decimal_places=8,
        validators=[MinValueValidator(Decimal("0.00000001"))],
        help_text=_("Units of this currency for one unit of the base currency."),
    )
    set_on = models.DateField(_("set on"))

    class Meta:
        verbose_name = _("exchange rate")
        verbose_name_plural = _("exchange rates")
        ordering = ["currency"]
        constraints = [
            models.UniqueConstraint(
                fields=["tenant", "currency"],
                name="exchangerate_tenant_currency_uniq",
                violation_error_message=_("There is already a rate for this currency."),
            ),
            models.CheckConstraint(condition=models.Q(rate__gt=0), name="exchangerate_positive"),
        ]

    def __str__(self) -> str:
        return f"1 → {self.rate} {self.currency}"
