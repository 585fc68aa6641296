from modeltranslation.admin import TabbedTranslationAdmin

from catalog.models import Category, ExchangeRate, Product, ProductPhoto, ProductPrice
from crm.core.admin_base import TenantOwnedAdmin, TenantOwnedInline, register_tenant_model


class ProductPriceInline(TenantOwnedInline):
    model = ProductPrice
    fields = ["currency", "price"]


@register_tenant_model(Category)
class CategoryAdmin(TenantOwnedAdmin, TabbedTranslationAdmin):
    list_display = ["name", "position"]
    list_editable = ["position"]
    search_fields = ["name"]


@register_tenant_model(Product)
class ProductAdmin(TenantOwnedAdmin, TabbedTranslationAdmin):
    list_display = ["sku", "name", "category", "unit", "price", "is_active", "position"]
    list_filter = ["is_active", "category", "unit"]
    search_fields = ["sku", "name"]
    autocomplete_fields = ["category"]
    list_select_related = ["category"]
    # Photos are added, ordered and removed on the product's own page (the catalog), which
    # stores them in the sizes pages need; here the main one is only shown.
    readonly_fields = ["image", "created_at", "updated_at"]
    inlines = [ProductPriceInline]


@register_tenant_model(ProductPrice)
class ProductPriceAdmin(TenantOwnedAdmin):
    list_display = ["product", "currency", "price"]
    list_filter = ["currency"]
    search_fields = ["product__sku", "product__name"]
    autocomplete_fields = ["product"]


@register_tenant_model(ExchangeRate)
class ExchangeRateAdmin(TenantOwnedAdmin):
    list_display = ["currency", "rate", "set_on"]
    search_fields = ["currency"]


@register_tenant_model(ProductPhoto)
class ProductPhotoAdmin(TenantOwnedAdmin):
    """Photos are managed on the product's page in the catalog; listed here, not changed."""

    list_display = ["product", "image", "position", "created_at"]
    search_fields = ["product__sku", "product__name"]
    list_select_related = ["product"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
