#!/bin/sh
# Runs a command again whenever it exits, until this script is stopped (INT or TERM, passed on to
# the command). `make serve` runs the task worker under it: email must not stop for good because
# the worker did.
child=
trap 'if [ -n "$child" ]; then kill "$child" 2>/dev/null; wait "$child"; fi; exit 0' INT TERM
while :; do
  "$@" &
  child=$!
  wait "$child"
  echo "supervise: '$*' exited with status $?; starting it again in 2 s" >&2
  sleep 2
done
