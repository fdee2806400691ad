"""What an import did, item by item where it matters, in words an operator can act on."""

from collections import Counter, defaultdict

OUTCOMES = ("created", "updated", "unchanged", "skipped")


class Report:
    def __init__(self, source, dry_run=False):
        self.source = source
        self.dry_run = dry_run
        self.counts = defaultdict(Counter)  # kind -> outcome -> count
        self.skip_reasons = defaultdict(Counter)  # kind -> reason -> count
        self.problems = []  # one line per item that could not be imported as it was
        self.unmapped = Counter()  # what had no block of its own -> how many times
        self.unmapped_in = defaultdict(list)  # what -> items it was found in
        self.shortcodes = defaultdict(list)  # shortcode -> items
        self.missing_media = []
        self.fatal = ""

    def count(self, kind, outcome, n=1):
        self.counts[kind][outcome] += n

    def skip(self, kind, reason, n=1, problem=None):
        self.counts[kind]["skipped"] += n
        self.skip_reasons[kind][reason] += n
        if problem:
            self.problems.append(problem)

    def problem(self, line):
        self.problems.append(line)

    def conversion(self, item_label, conversion):
        for what in conversion.unmapped:
            self.unmapped[what] += 1
            if item_label not in self.unmapped_in[what]:
                self.unmapped_in[what].append(item_label)
        for name in conversion.shortcodes:
            self.shortcodes[name].append(item_label)
        for src in conversion.missing_media:
            self.missing_media.append(f"{item_label}: image {src} is not among the imported media")

    def total(self, kind, outcome):
        return self.counts[kind][outcome]

    def render(self):
        lines = [f"WordPress import of {self.source}" + (" (dry run: nothing was written)" if self.dry_run else "")]
        if self.fatal:
            lines += ["", f"Stopped: {self.fatal}"]
        lines += ["", f"{'':12}" + "".join(f"{outcome:>11}" for outcome in OUTCOMES)]
        for kind in sorted(self.counts):
            lines.append(f"{kind:12}" + "".join(f"{self.counts[kind][outcome]:>11}" for outcome in OUTCOMES))
        for kind in sorted(self.skip_reasons):
            for reason, n in self.skip_reasons[kind].most_common():
                lines.append(f"  {kind} skipped: {reason}: {n}")
        sections = [
            ("Problems (one line per item)", self.problems),
            ("Missing media", self.missing_media),
            (
                "Content with no block of its own (kept as text, or as noted)",
                [f"{what}: {n} times, in {', '.join(self.unmapped_in[what][:5])}" for what, n in self.unmapped.items()],
            ),
            (
                "Shortcodes (left in the text as written)",
                [f"[{name}]: {len(items)} times, in {', '.join(items[:5])}" for name, items in self.shortcodes.items()],
            ),
        ]
        for title, entries in sections:
            if entries:
                lines += ["", f"{title}:"] + [f"  {entry}" for entry in entries]
        return "\n".join(lines) + "\n"
