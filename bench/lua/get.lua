-- GET with the session cookie given in the COOKIE environment variable.
wrk.headers["Cookie"] = os.getenv("COOKIE") or ""
