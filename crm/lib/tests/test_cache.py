"""crm.lib.redis_cache.RedisCache: Django's Redis backend with one client per pool, on a
real Redis."""

import os

import pytest

from crm.lib.redis_cache import RedisCache

REDIS_URL = os.environ.get("CACHE_TEST_REDIS_URL", "redis://127.0.0.1:6379/13")


@pytest.fixture
def cache():
    import redis

    try:
        redis.Redis.from_url(REDIS_URL, socket_connect_timeout=1).flushdb()
    except redis.RedisError:
        if os.environ.get("CI"):
            pytest.fail(f"Redis is needed at {REDIS_URL}")
        pytest.skip("Redis is not running")
    return RedisCache(REDIS_URL, {"KEY_PREFIX": "test"})


def test_one_client_serves_every_operation(cache, monkeypatch):
    import redis

    built = []
    original = redis.Redis.__init__

    def counting_init(self, *args, **kwargs):
        built.append(self)
        original(self, *args, **kwargs)

    monkeypatch.setattr(redis.Redis, "__init__", counting_init)
    cache.set("a", 1)
    cache.set_many({"b": 2, "c": 3})
    assert cache.get("a") == 1
    assert cache.get_many(["b", "c", "missing"]) == {"b": 2, "c": 3}
    assert cache.incr("a") == 2
    cache.delete_many(["a", "b"])
    assert cache.get("a") is None and cache.get("c") == 3
    assert len(built) == 1  # Django's own client builds one per operation: 8 here
    assert cache._cache.get_client() is cache._cache.get_client(write=True)


def test_it_keeps_working_after_the_server_drops_its_connections(cache):
    import redis

    cache.set("kept", "yes", timeout=60)
    redis.Redis.from_url(REDIS_URL).client_kill_filter(_type="normal", skipme=True)
    assert cache.get("kept") == "yes"  # the pool reconnects, as with Django's client


def test_it_answers_as_djangos_own_backend(cache):
    from django.core.cache.backends.redis import RedisCache as DjangoRedisCache

    django_cache = DjangoRedisCache(REDIS_URL, {"KEY_PREFIX": "django"})

    def session(backend):
        backend.set("a", {"x": [1, "ş"]}, timeout=60)
        backend.set_many({"b": 2, "c": b"bytes"})
        answers = [backend.get("a"), backend.get_many(["b", "c", "missing"])]
        answers += [backend.add("a", 0), backend.add("d", 4), backend.incr("b", 5)]
        answers += [backend.touch("a", 30), backend.delete("d"), backend.has_key("d")]
        backend.delete_many(["a", "b"])
        return [*answers, backend.get("a", "gone"), backend.get("c")]

    assert session(cache) == session(django_cache)
