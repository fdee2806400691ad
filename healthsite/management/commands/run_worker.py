"""`manage.py run_worker`: django-tasks-db's worker, made to outlive the database.

The stock `db_worker` exits on the first lost connection and stays dead. This one runs the stock
loop a batch at a time inside its own loop, which waits with backoff while the database is
unreachable, recovers tasks a dead worker left running, and writes a heartbeat. `make serve` also
restarts it should it exit anyway."""

import logging
import time

from django.db import InterfaceError, OperationalError, connections
from django_tasks_db.compat import DEFAULT_TASK_BACKEND_ALIAS, DEFAULT_TASK_QUEUE_NAME
from django_tasks_db.management.commands import db_worker

from healthsite.worker import beat, recover_stale_tasks

logger = logging.getLogger("healthsite.worker")
MAX_BACKOFF = 30  # seconds between attempts while the database stays down
HOUSEKEEPING_EVERY = 10  # seconds between heartbeats and stale-task checks


class ResilientWorker(db_worker.Worker):
    def __init__(self, **options):
        super().__init__(batch=True, startup_delay=False, max_tasks=None, excluded_queue_names=[], **options)
        self.last_housekeeping = 0.0

    def run(self):
        failures = 0
        while self.running:
            try:
                self.housekeeping()
                super().run()  # a batch: every ready task, then back here
            except (OperationalError, InterfaceError) as error:
                failures += 1
                delay = min(2**failures, MAX_BACKOFF)
                logger.warning("Database unreachable (%s); trying again in %d s", type(error).__name__, delay)
                connections.close_all()
                time.sleep(delay)
                continue
            if failures:
                logger.warning("Database reachable again after %d failed attempt(s)", failures)
                failures = 0
            time.sleep(self.interval)

    def housekeeping(self):
        if time.monotonic() - self.last_housekeeping < HOUSEKEEPING_EVERY:
            return
        recovered = recover_stale_tasks()
        if recovered:
            logger.warning("Made %d task(s) left running by a dead worker ready again", recovered)
        beat()
        self.last_housekeeping = time.monotonic()


class Command(db_worker.Command):
    help = "Run the background task worker: retries while the database is down, never exits on a lost connection."

    def add_arguments(self, parser):
        parser.add_argument("--queue-name", default=DEFAULT_TASK_QUEUE_NAME, help="Queues, comma-separated.")
        parser.add_argument("--interval", default=1, type=db_worker.valid_interval, help="Seconds between polls.")
        parser.add_argument(
            "--backend", default=DEFAULT_TASK_BACKEND_ALIAS, type=db_worker.valid_backend_name, dest="backend_name"
        )
        parser.add_argument("--worker-id", type=db_worker.validate_worker_id, default=db_worker.get_random_string(32))

    def handle(self, *, verbosity, queue_name, interval, backend_name, worker_id, **options):
        self.configure_logging(verbosity)
        if verbosity < 2:
            # The stock loop announces every batch it starts and ends: once a second.
            db_worker.logger.setLevel(logging.WARNING)
        if not logger.hasHandlers():
            logger.addHandler(logging.StreamHandler(self.stderr))
        logger.setLevel(logging.INFO)
        worker = ResilientWorker(
            queue_names=queue_name.split(","), interval=interval, backend_name=backend_name, worker_id=worker_id
        )
        worker.configure_signals()
        logger.info("Worker %s started", worker_id)
        worker.run()
