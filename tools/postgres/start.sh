#!/usr/bin/env bash
# Starts a private PostgreSQL for the dispatch engine's tests and for trying the Postgres storage:
#   tools/postgres/start.sh DIR [PORT]
# initdb into DIR (first time only; DIR is owned by the postgres user when run as root, since PostgreSQL refuses to
# run as root), trust authentication on 127.0.0.1 only, listening on PORT (default 55432), a database named
# dispatch, room for 400 connections (a city cluster's silos pool connections per district). Prints the connection string as its last line. Starting a DIR that is already running says so and
# exits 0. Stop it with tools/postgres/stop.sh DIR.
set -euo pipefail

if [ $# -lt 1 ] || [ $# -gt 2 ] || [ -z "$1" ]; then
  echo "usage: $0 DIR [PORT]" >&2
  exit 64
fi
dir=$1
port=${2:-55432}
if ! [[ "$port" =~ ^[0-9]+$ ]] || [ "$port" -lt 1 ] || [ "$port" -gt 65535 ]; then
  echo "PORT must be a number from 1 to 65535" >&2
  exit 64
fi

bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)
if [ -z "$bin" ] || [ ! -x "$bin/initdb" ] || [ ! -x "$bin/pg_ctl" ]; then
  echo "PostgreSQL is not installed (no /usr/lib/postgresql/*/bin/initdb): apt-get install -y postgresql" >&2
  exit 3
fi

# As root, every PostgreSQL program runs as the postgres user; otherwise as the caller, who then owns DIR.
as_owner() {
  if [ "$(id -u)" -eq 0 ]; then
    runuser -u postgres -- "$@"
  else
    "$@"
  fi
}

connection() {
  echo "Host=127.0.0.1;Port=$1;Username=postgres;Database=dispatch"
}

if [ -s "$dir/PG_VERSION" ] && as_owner "$bin/pg_ctl" -D "$dir" status >/dev/null 2>&1; then
  running_port=$(sed -n 4p "$dir/postmaster.pid")
  echo "PostgreSQL in $dir is already running on port $running_port"
  if [ "$running_port" != "$port" ] && [ $# -eq 2 ]; then
    echo "note: port $port was asked for; stop it first to change the port" >&2
  fi
  connection "$running_port"
  exit 0
fi

if [ ! -s "$dir/PG_VERSION" ]; then
  if [ -e "$dir" ] && [ -n "$(ls -A "$dir" 2>/dev/null)" ]; then
    echo "$dir is not empty and holds no PostgreSQL data folder: give an empty or new folder" >&2
    exit 65
  fi
  mkdir -p "$dir"
  if [ "$(id -u)" -eq 0 ]; then
    chown postgres:postgres "$dir"
  fi
  chmod 700 "$dir"
  # C collation: text sorts by code point, as on SQLite, so listings page the same on both.
  as_owner "$bin/initdb" -D "$dir" -U postgres --auth=trust --encoding=UTF8 --locale=C >"$dir.initdb.log" 2>&1 || {
    echo "initdb failed (is $dir reachable by the postgres user?):" >&2
    cat "$dir.initdb.log" >&2
    exit 1
  }
  rm -f "$dir.initdb.log"
  as_owner tee "$dir/pg_hba.conf" >/dev/null <<HBA
# Private instance: the owner's socket in DIR and 127.0.0.1, trusted; nothing else.
local all all trust
host all all 127.0.0.1/32 trust
HBA
fi

as_owner "$bin/pg_ctl" -D "$dir" -l "$dir/server.log" -w -t 60 \
  -o "-c listen_addresses=127.0.0.1 -c port=$port -c unix_socket_directories='$dir' -c max_connections=400" start >/dev/null || {
  echo "PostgreSQL did not start; the end of $dir/server.log:" >&2
  tail -n 20 "$dir/server.log" >&2 || true
  exit 1
}

psql=("$bin/psql" -h 127.0.0.1 -p "$port" -U postgres -d postgres -v ON_ERROR_STOP=1 -tAq)
if [ "$("${psql[@]}" -c "SELECT 1 FROM pg_database WHERE datname = 'dispatch'")" != "1" ]; then
  "${psql[@]}" -c "CREATE DATABASE dispatch" >/dev/null
fi

echo "PostgreSQL started in $dir on port $port"
connection "$port"
