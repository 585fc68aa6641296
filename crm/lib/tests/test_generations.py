"""crm.lib.generations: pages are drawn, and writes go through, while the shared cache is away."""

import pytest
from django_scopes import scope

from crm.lib import generations, soft_cache


class Down:
    def __getattr__(self, name):
        def fail(*args, **kwargs):
            raise ConnectionError("Redis is away")

        return fail


@pytest.fixture
def redis_down(monkeypatch, settings):
    settings.GENERATION_CACHE = True
    monkeypatch.setattr(generations, "cache", Down())
    monkeypatch.setattr(soft_cache, "cache", Down())


@pytest.mark.django_db(transaction=True)
def test_no_generation_while_the_cache_is_away(redis_down):
    assert generations.current("customers", 1) is None


@pytest.mark.django_db(transaction=True)
def test_a_write_goes_through_while_the_cache_is_away(redis_down, caplog):
    generations.renew("customers", 1)  # must not raise: the write it follows is what matters
    assert "could not renew" in caplog.text


@pytest.mark.django_db(transaction=True)
def test_a_generation_lasts_until_renewed(settings):
    settings.GENERATION_CACHE = True
    first = generations.current("catalog", 7)
    assert first and generations.current("catalog", 7) == first
    assert generations.current("catalog", 8) != first
    generations.renew("catalog", 7)
    assert generations.current("catalog", 7) not in {None, first}


@pytest.mark.django_db(transaction=True)
def test_staff_pages_work_while_the_cache_is_away(redis_down, client_a, tenant_a):
    """The tenant menu and the filter options come from the database instead."""
    from customers.models import Tag

    with scope(tenant=tenant_a):
        Tag.objects.create(tenant=tenant_a, name="VIP")
    body = client_a.get("/anka/customers/").content.decode()
    assert "Anka Tekstil" in body and ">VIP</option>" in body
