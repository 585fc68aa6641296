from modeltranslation.admin import TabbedTranslationAdmin

from catalog.models import Category, ExchangeRate, Product, ProductPrice
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
    readonly_fields = ["created_at", "updated_at"]
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
