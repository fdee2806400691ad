#!/bin/sh
# One setup step of `make run` / `make test`, run quietly: a newcomer sees one line per step, not
# pip's and migrate's hundreds. The step's output is kept in var/log/NAME.log and shown only when
# the step fails; VERBOSE=1 shows everything as it happens instead.
#
#     sh scripts/step.sh NAME "what it sets up" command [argument...]
#
# POSIX sh, no virtualenv: it runs before anything is installed.
set -u
name=$1
what=$2
shift 2

if [ "${VERBOSE:-0}" != 0 ]; then
    echo "==> $what"
    exec "$@"
fi

log=var/log/$name.log
mkdir -p var/log
printf '  %s ... ' "$what"
"$@" >"$log" 2>&1
status=$?
if [ "$status" -eq 0 ]; then
    echo done
    exit 0
fi

echo "FAILED (exit status $status)"
# A failing pip or migrate says why at the end; the start of a long log is only progress.
shown=150
lines=$(wc -l <"$log")
if [ "$lines" -gt "$shown" ]; then
    echo "--- the last $shown of $lines lines of $log:"
    tail -n "$shown" "$log"
else
    echo "--- $log:"
    cat "$log"
fi
echo "--- run again with VERBOSE=1 to see every step's output as it happens."
exit "$status"
