"""Django's Redis cache backend, keeping one client per connection pool.

Django's `RedisCacheClient.get_client()` builds a new `redis.Redis` for every cache
operation, and each one copies redis-py's table of ~170 response callbacks: about a third
of the Python time of a session read through the cache (`cached_db`), on every staff page.
A `redis.Redis` over a connection pool is safe to share between threads (it takes a
connection from the pool per command), so one per pool does the same work without that.
"""

from django.core.cache.backends import redis as django_redis


class RedisCacheClient(django_redis.RedisCacheClient):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._clients = {}

    def get_client(self, key=None, *, write=False):
        index = self._get_connection_pool_index(write)
        client = self._clients.get(index)
        if client is None:
            # As Django's: a client over the pool of that server (created on first use).
            pool = self._pool_at(index)
            client = self._clients[index] = self._client(connection_pool=pool)
        return client

    def _pool_at(self, index):
        if index not in self._pools:
            self._pools[index] = self._pool_class.from_url(
                self._servers[index], **self._pool_options
            )
        return self._pools[index]


class RedisCache(django_redis.RedisCache):
    def __init__(self, server, params):
        super().__init__(server, params)
        self._class = RedisCacheClient
