#!/usr/bin/env bash
# Stops the private PostgreSQL that tools/postgres/start.sh DIR started (fast shutdown: open sessions are ended,
# committed work is kept). Stopping a DIR that is not running says so and exits 0.
set -euo pipefail

if [ $# -ne 1 ] || [ -z "$1" ]; then
  echo "usage: $0 DIR" >&2
  exit 64
fi
dir=$1

bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)
if [ -z "$bin" ] || [ ! -x "$bin/pg_ctl" ]; then
  echo "PostgreSQL is not installed (no /usr/lib/postgresql/*/bin/pg_ctl): apt-get install -y postgresql" >&2
  exit 3
fi
if [ ! -s "$dir/PG_VERSION" ]; then
  echo "$dir holds no PostgreSQL data folder" >&2
  exit 65
fi

as_owner() {
  if [ "$(id -u)" -eq 0 ]; then
    runuser -u postgres -- "$@"
  else
    "$@"
  fi
}

if ! as_owner "$bin/pg_ctl" -D "$dir" status >/dev/null 2>&1; then
  echo "PostgreSQL in $dir is not running"
  exit 0
fi
as_owner "$bin/pg_ctl" -D "$dir" -m fast -w -t 60 stop >/dev/null
echo "PostgreSQL in $dir stopped"
