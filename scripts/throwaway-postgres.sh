#!/usr/bin/env bash
# Sourced by test.sh when TEST_POSTGRES is not set: installs PostgreSQL with apt when it is missing, starts a
# throwaway cluster on loopback (trust auth, a free port, a temporary directory), exports TEST_POSTGRES, and
# stops the cluster and deletes its directory when the calling script exits.

pg_bin="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)"
if [ -z "$pg_bin" ] || [ ! -x "$pg_bin/initdb" ]; then
  echo "PostgreSQL is not installed: installing it with apt-get" >&2
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
  pg_bin="$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)"
fi

pg_port=""
for candidate in $(seq 55432 55532); do
  if ! (exec 3<>"/dev/tcp/127.0.0.1/$candidate") 2>/dev/null; then pg_port="$candidate"; break; fi
done
[ -n "$pg_port" ] || { echo "no free port for PostgreSQL in 55432-55532" >&2; exit 1; }

pg_dir="$(mktemp -d /tmp/meridian-pg.XXXXXX)"
if [ "$(id -u)" = "0" ]; then
  # PostgreSQL refuses to run as root: run it as the postgres user the package created.
  chown postgres:postgres "$pg_dir"
  pg_as() { su postgres -s /bin/sh -c "$*"; }
else
  pg_as() { sh -c "$*"; }
fi

pg_as "'$pg_bin/initdb' -D '$pg_dir/data' -A trust -U postgres -E UTF8 >'$pg_dir/initdb.log' 2>&1" \
  || { cat "$pg_dir/initdb.log" >&2; exit 1; }
pg_as "'$pg_bin/pg_ctl' -D '$pg_dir/data' -l '$pg_dir/server.log' -w -o \"-p $pg_port -k $pg_dir -c listen_addresses=127.0.0.1 -c max_connections=300\" start >/dev/null" \
  || { cat "$pg_dir/server.log" >&2; exit 1; }

stop_throwaway_postgres() {
  pg_as "'$pg_bin/pg_ctl' -D '$pg_dir/data' -m immediate -w stop >/dev/null 2>&1" || true
  rm -rf "$pg_dir"
}
trap stop_throwaway_postgres EXIT

export TEST_POSTGRES="Host=127.0.0.1;Port=$pg_port;Username=postgres;Database=postgres"
echo "throwaway PostgreSQL on 127.0.0.1:$pg_port" >&2
