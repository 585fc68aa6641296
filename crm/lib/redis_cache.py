"""Django's Redis cache backend, keeping one client per connection pool.

Django's `RedisCacheClient.get_client()` builds a new `redis.Redis` for every cache
operation, and each one copies redis-py's table of ~170 response callbacks. A `redis.Redis`
over a connection pool is safe to share between threads (it takes a connection from the
pool per command), so one per pool does the same work without that: a fifth of the
instructions of a logged-in request whose session is read through the cache (docs/scaling.md).

It builds on Django's private `_get_connection_pool()` and `_client` (listed in
docs/scaling.md's upgrade checklist); REDIS_CLIENT_PER_POOL=0 uses Django's backend as it is.
"""

from django.core.cache.backends import redis as django_redis


class RedisCacheClient(django_redis.RedisCacheClient):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._clients = {}  # connection pool -> its client

    def get_client(self, key=None, *, write=False):
        pool = self._get_connection_pool(write)  # Django's, created on first use
        client = self._clients.get(pool)
        if client is None:
            client = self._clients[pool] = self._client(connection_pool=pool)
        return client


class RedisCache(django_redis.RedisCache):
    def __init__(self, server, params):
        super().__init__(server, params)
        self._class = RedisCacheClient
