"""Translated catalog fields: a column per language in settings.LANGUAGES."""

from modeltranslation.translator import TranslationOptions, register

from catalog.models import Category, Product


@register(Category)
class CategoryTranslationOptions(TranslationOptions):
    fields = ("name",)


@register(Product)
class ProductTranslationOptions(TranslationOptions):
    fields = ("name", "description")
