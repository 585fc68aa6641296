from django.core.management.base import BaseCommand

from jobs import schedule


class Command(BaseCommand):
    help = (
        "Enqueue the scheduled jobs that are due (run it every few minutes: cron, a systemd "
        "timer, a Kubernetes CronJob). Running it twice does nothing twice."
    )

    def handle(self, *args, **options):
        report = schedule.tick()
        self.stdout.write(
            f"enqueued {report['enqueued']} scheduled jobs, sent {report['resent']} lost "
            f"emails again, marked {report['stale']} stale jobs failed"
        )
