import logging
import sys
import time
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from articles.models import ArticleIndexPage
from articles.wordpress.importer import import_export


class Command(BaseCommand):
    help = "Import posts, pages, comments, authors, topics and media from a WordPress export (WXR) file."

    def add_arguments(self, parser):
        parser.add_argument("export", type=Path, help="The file from WordPress's Tools → Export.")
        parser.add_argument("--media-dir", type=Path, help="A copy of the old site's wp-content/uploads.")
        parser.add_argument("--index", help="The articles section to import posts into: its slug or id.")
        parser.add_argument("--dry-run", action="store_true", help="Report what would happen; write nothing.")
        parser.add_argument("--update", action="store_true", help="Update what an earlier import brought in.")
        parser.add_argument("--report", type=Path, help="Where to write the report (default: under var/).")

    def handle(self, *args, export, media_dir, index, dry_run, update, report, **options):
        if media_dir is not None and not media_dir.is_dir():
            raise CommandError(f"--media-dir {media_dir} is not a directory")
        started = time.monotonic()
        if options["verbosity"] < 2:
            # Wagtail logs a line or three per page saved: thousands for a site, drowning the report.
            logging.getLogger("wagtail").setLevel(logging.WARNING)
        result = import_export(
            export,
            index=self.find_index(index),
            media_dir=media_dir,
            update=update,
            dry_run=dry_run,
            progress=Progress(sys.stderr) if options["verbosity"] > 0 else None,
        )
        text = result.render() + f"\nTook {time.monotonic() - started:.1f} s.\n"
        path = report or settings.VAR_DIR / f"wordpress-import-{time.strftime('%Y%m%d-%H%M%S')}.txt"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text)
        self.stdout.write(text + f"Report written to {path}")
        if result.fatal:
            raise CommandError(result.fatal)

    def find_index(self, wanted):
        sections = ArticleIndexPage.objects.all()
        if wanted:
            sections = sections.filter(pk=wanted) if wanted.isdigit() else sections.filter(slug=wanted)
        found = list(sections[:2])
        if len(found) != 1:
            choices = ", ".join(f"{s.slug} ({s.pk})" for s in ArticleIndexPage.objects.all()) or "none exist"
            problem = "more than one articles section" if len(found) > 1 else "no such articles section"
            raise CommandError(f"{problem}: choose one with --index ({choices})")
        return found[0]


class Progress:
    """A progress bar on stderr, `[#######-----------------------] 2,345 / 10,000 items, 23%, about
    4 min left`: redrawn in place a few times a second on a terminal, a line every tenth in a log."""

    WIDTH = 30

    def __init__(self, stream, clock=time.monotonic):
        self.stream, self.clock = stream, clock
        self.started = clock()
        self.drawn_at = None
        self.tenth = -1
        self.terminal = stream.isatty()

    def __call__(self, done, total):
        now, finished = self.clock(), done >= total
        if self.terminal and not finished and self.drawn_at is not None and now - self.drawn_at < 0.25:
            return
        tenth = done * 10 // max(total, 1)
        if not self.terminal and tenth == self.tenth and not finished:
            return
        self.drawn_at, self.tenth = now, tenth
        line = self.line(done, total, now)
        if self.terminal:
            self.stream.write(f"\r{line}{chr(10) if finished else ''}")
        else:
            self.stream.write(line + "\n")
        self.stream.flush()

    def line(self, done, total, now):
        share = done / total if total else 1.0
        filled = round(share * self.WIDTH)
        text = f"[{'#' * filled}{'-' * (self.WIDTH - filled)}] {done:,} / {total:,} items, {share:.0%}"
        if 0 < done < total:
            left = (now - self.started) / done * (total - done)
            text += f", about {round(left / 60)} min left" if left >= 90 else f", about {max(1, round(left))} s left"
        return text
