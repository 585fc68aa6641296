# Production image: gunicorn behind your proxy, PostgreSQL via DATABASE_URL. The same image
# runs the background worker (`python manage.py db_worker --queue-name "*"`) and the
# scheduler (`python manage.py run_scheduled`, every few minutes): compose.yaml.
FROM python:3.11-slim

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    PORT=8000 \
    WEB_CONCURRENCY=2

WORKDIR /app

COPY requirements.txt .
RUN pip install -r requirements.txt

COPY . .

# Build-time only: collecting static files needs settings, not secrets.
RUN python scripts/compilemessages.py \
 && DEBUG=0 SECRET_KEY=build-only-not-secret DATABASE_URL=sqlite:////tmp/build.sqlite3 \
    python manage.py collectstatic --no-input \
 && useradd --system --uid 10001 --home-dir /app crm \
 && mkdir -p /app/media && chown -R crm /app/media

USER crm
EXPOSE 8000

HEALTHCHECK --interval=30s --timeout=5s --start-period=20s --retries=3 \
  CMD python -c "import os, urllib.request; urllib.request.urlopen(f'http://127.0.0.1:{os.environ[\"PORT\"]}/healthz', timeout=4)" || exit 1

CMD ["sh", "-c", "exec gunicorn crm.wsgi:application --bind 0.0.0.0:${PORT} --workers ${WEB_CONCURRENCY} --forwarded-allow-ips='*'"]
