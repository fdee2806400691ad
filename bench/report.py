"""The table `make bench` prints."""


def table(results):
    lines = [f"{'page':<40} {'req/s':>9} {'p50 ms':>8} {'p99 ms':>8} {'queries':>8} {'errors':>7}"]
    for name, figures in results["pages"].items():
        if isinstance(figures, dict):
            queries = figures.get("queries")
            lines.append(
                f"{name:<40} {figures['rps']:>9.1f} {figures['p50_ms'] or 0:>8.2f} {figures['p99_ms'] or 0:>8.2f} "
                f"{'' if queries is None else queries:>8} {figures['non_2xx']:>7}"
            )
        else:
            lines.append(f"{name:<40} {', '.join(map(str, figures))}")
    hello = results["hello"]
    lines.append(
        f"{'bare WSGI hello (ceiling)':<40} {hello['rps']:>9.1f} {hello['p50_ms']:>8.2f} {hello['p99_ms']:>8.2f}"
    )
    if results.get("wordpress", {}).get("wordpress"):
        wp = results["wordpress"]["wordpress"]
        lines.append(
            f"{'WordPress 6.1, 50 comments':<40} {wp['rps']:>9.1f} {wp['p50_ms']:>8.2f} {wp['p99_ms']:>8.2f} "
            f"{results['wordpress'].get('queries', ''):>8}"
        )
    for name, figures in results.get("varnish", {}).items():
        lines.append(f"{name:<40} {figures['rps']:>9.1f} {figures['p50_ms']:>8.2f} {figures['p99_ms']:>8.2f}")
    signed_in = results.get("signed_in") or {}
    for label, figures in (
        ("signed-in superuser, article 50 comments", signed_in),
        ("signed-in non-staff reader, the same", signed_in.get("reader")),
    ):
        if figures:
            lines.append(
                f"{label:<40} {figures['rps']:>9.1f} {figures['p50_ms']:>8.2f} "
                f"{figures['p99_ms']:>8.2f} {figures['queries']:>8}"
            )
    posting = results["posting"]
    lines.append(
        f"\nposting: {posting['posts']} comments from {posting['clients']} clients at {posting['posts_per_s']}/s; "
        f"accepted {posting['accepted']}, stored {posting['stored']}, 5xx {posting['server_errors']}"
    )
    if results.get("growth"):
        lines.append(
            '\nsearch: one query ("cramp", page cache off) and a Zipf mix of queries typed in different '
            "ways, as in production (hit: page cache; kept: rankings found kept) and cold (nothing kept)"
        )
        lines.append(
            f"{'articles':>9} {'comments':>9} | {'article q':>9} {'p50':>7} | {'search q':>8} {'p50':>7} | "
            f"{'1-client p50':>12} | {'mix p50':>7} {'req/s':>6} {'hit':>6} {'kept':>6} | {'cold p50':>8} "
            f"{'req/s':>6} | {'queue q':>7} {'p50':>7}"
        )
        for row in results["growth"]:
            mix, cold = row["search mix"], row["search mix, cold"]
            lines.append(
                f"{row['articles']:>9} {row['comments']:>9} | {row['article']['queries']:>9} "
                f"{row['article']['p50_ms']:>7} | {row['search']['queries']:>8} {row['search']['p50_ms']:>7} | "
                f"{row['search, 1 client']['p50_ms']:>12} | {mix['p50_ms']:>7} {mix['rps']:>6.0f} "
                f"{mix['hit_rate']:>6.1%} {mix['ranking_hit_rate']:>6.1%} | {cold['p50_ms']:>8} {cold['rps']:>6.0f} | "
                f"{row['moderation queue']['queries']:>7} {row['moderation queue']['p50_ms']:>7}"
            )
    if results.get("churn"):
        churn = results["churn"]
        lines.append(f"\nchurn, {churn['articles']} articles, Zipf reads from 32 clients, 1 approval/s:")
        for mode in ("tags", "global generation"):
            row = churn[mode]
            lines.append(
                f"  {mode:<18} hit rate {row.get('hit_rate', 0):.1%}, {row['rps']:.1f} req/s, p99 {row['p99_ms']} ms, "
                f"{row.get('approved', 0)} approved, {row.get('stale', 0)} stale"
            )
    return "\n".join(lines)


def targets(results):
    """Issue 14's targets as (target, result, met) rows, every ratio taken within this one run."""
    rows = []
    wordpress = results.get("wordpress", {}).get("wordpress", {}).get("rps")
    varnish = results.get("varnish", {})
    through, static = (
        varnish.get("article, 50 comments, through Varnish"),
        varnish.get("article, 50 comments, nginx static file"),
    )
    if through and static:
        share = through["rps"] / static["rps"]
        rows.append(
            (
                "through Varnish, cached article: at least 50% of nginx's req/s",
                f"{through['rps']:,.0f} vs {static['rps']:,.0f}: {share:.0%}",
                share >= 0.5,
            )
        )
        rows.append(
            ("through Varnish, p99 under 10 ms at 32 clients", f"{through['p99_ms']} ms", through["p99_ms"] < 10)
        )
    churn = results.get("churn", {})
    if churn.get("tags"):
        tags, old = churn["tags"], churn.get("global generation", {})
        rows.append(
            (
                "churn: hit rate at least 95%, 0 stale",
                f"{tags['hit_rate']:.1%} (global generation {old.get('hit_rate', 0):.1%}), "
                f"{tags['stale']} stale of {tags['approved']} approvals, p99 {tags['p99_ms']} ms",
                tags["hit_rate"] >= 0.95 and tags["stale"] == 0,
            )
        )
    signed_in = results.get("signed_in")
    if signed_in and wordpress:
        times = signed_in["rps"] / wordpress
        rows.append(
            (
                "signed-in reader: at least 10x WordPress, 12 queries or fewer",
                f"{signed_in['rps']:,.1f} vs {wordpress:,.1f} req/s: {times:.1f}x; {signed_in['queries']} queries",
                times >= 10 and signed_in["queries"] <= 12,
            )
        )
    growth = results.get("growth") or []
    if growth:
        largest = growth[-1]
        mix, cold = largest["search mix"], largest["search mix, cold"]
        rows.append(
            (
                f"search at {largest['articles']:,} articles, 32 clients, Zipf mix as in production: p50 under 200 ms",
                f"{mix['p50_ms']} ms ({mix['rps']:,.0f} req/s, page-cache hits {mix['hit_rate']:.1%}, rankings kept "
                f"{mix['ranking_hit_rate']:.1%}); cold, nothing kept: {cold['p50_ms']} ms ({cold['rps']:,.0f} req/s)",
                mix["p50_ms"] is not None and mix["p50_ms"] < 200,
            )
        )
    return rows


def targets_table(results):
    return "\n".join(f"{'met   ' if met else 'MISSED'} {target}: {result}" for target, result, met in targets(results))
