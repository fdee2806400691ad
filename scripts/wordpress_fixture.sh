#!/usr/bin/env bash
# Rebuilds the WordPress importer's test fixtures from a real WordPress: Debian's WordPress 6.1 as
# ../shared/bench/wordpress.sh sets it up (the seed article and its 50 comments), given what a real
# health blog has by scripts/wordpress_fixture.php, exported with WordPress's own export_wp().
#
# Usage: scripts/wordpress_fixture.sh [--keep]
#   --keep   leave the WordPress servers running afterwards (the script prints how to stop them)
# Environment: WORK_DIR (a WordPress already started by `wordpress.sh --url-only` there is reused;
#   else a fresh one is started), OUT (default tests/articles/wordpress/fixtures).
# Writes OUT/export.xml, OUT/uploads/ (media a site owner would copy from wp-content/uploads) and
# OUT/seed-article.html (the seed article's <main> as WordPress serves it, for comparison). Needs root.
set -euo pipefail

KEEP=0
[ "${1:-}" = "--keep" ] && KEEP=1
ROOT=$(cd "$(dirname "$0")/.." && pwd)
ANCHOR=${ANCHOR:-$ROOT/../shared/bench/wordpress.sh}
OUT=${OUT:-$ROOT/tests/articles/wordpress/fixtures}
HOST=127.0.0.1:${WP_PORT:-8083}
log() { echo "[wordpress-fixture] $*" >&2; }

if [ -n "${WORK_DIR:-}" ] && [ -x "$WORK_DIR/stop.sh" ]; then
  log "reusing the WordPress in $WORK_DIR"
else
  WORK_DIR=${WORK_DIR:-$(mktemp -d)}
  chmod 755 "$WORK_DIR"
  WORK_DIR=$WORK_DIR "$ANCHOR" --url-only >/dev/null
fi
stop() { [ "$KEEP" -eq 1 ] && log "still running; stop with: sh $WORK_DIR/stop.sh" || sh "$WORK_DIR/stop.sh" >&2; }
trap stop EXIT

rm -rf "$OUT/uploads" "$OUT/export.xml"
mkdir -p "$OUT"
url=$(php "$ROOT/scripts/wordpress_fixture.php" "$HOST" "$OUT" | tail -n 1)
# The article and its comments, without the theme's header, footer and inline styles.
curl -sf --max-time 30 "$url" | sed -n '/<main/,/<\/main>/p' >"$OUT/seed-article.html"
log "wrote $OUT/export.xml, $OUT/uploads and $OUT/seed-article.html ($url)"
