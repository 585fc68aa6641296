"""Pytest plugin loaded before Django (`-p crm.testing` in pytest.ini).

Tests use the development defaults (no HTTPS redirect, a development secret key) unless
the environment says otherwise; DATABASE_URL picks SQLite or PostgreSQL.
"""

import os

os.environ.setdefault("DEBUG", "1")
