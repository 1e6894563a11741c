# Starts a throw-away PostgreSQL server for the storage tests; sourced by test.sh.
#
#   source .ci/postgres.sh
#   parley_postgres_start   # exports PARLEY_TEST_POSTGRES=postgres://parley:PASSWORD@127.0.0.1:PORT/parley
#   ...tests...
#   parley_postgres_stop    # also run by the EXIT trap that start installs
#
# The server runs from Debian's `postgresql` package (installed with apt-get when its binaries are
# absent and we are root), as an unprivileged user (never root: PostgreSQL refuses to), in a
# temporary directory, listening on 127.0.0.1 only, on a free port, with a generated password.
# When PostgreSQL cannot be had, PARLEY_TEST_POSTGRES stays unset and the PostgreSQL tests report
# themselves as skipped with that reason; the SQLite half of the suite runs regardless.

parley_postgres_dir=""
parley_postgres_bin=""
parley_postgres_user=""

parley_postgres_log() { echo "postgres: $*" >&2; }

# The newest installed server's bin directory, or nothing.
parley_postgres_find_bin() {
  local dir
  dir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
  if [ -n "$dir" ] && [ -x "$dir/initdb" ] && [ -x "$dir/pg_ctl" ]; then
    echo "$dir"
  fi
}

parley_postgres_install() {
  if [ "$(id -u)" -ne 0 ]; then
    parley_postgres_log "not installed and not root: install Debian's postgresql package to run the PostgreSQL tests"
    return 1
  fi
  parley_postgres_log "installing Debian's postgresql package"
  # No default cluster: the package would otherwise start its own server on port 5432.
  mkdir -p /etc/postgresql-common/createcluster.d
  echo "create_main_cluster = false" > /etc/postgresql-common/createcluster.d/parley-tests.conf
  apt-get update -qq >/dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
}

# Runs a command as the unprivileged server user (or as ourselves when we are not root).
parley_postgres_as_user() {
  if [ "$(id -u)" -eq 0 ]; then
    runuser -u "$parley_postgres_user" -- "$@"
  else
    "$@"
  fi
}

parley_postgres_free_port() {
  local port tries=0
  while [ $tries -lt 50 ]; do
    port=$((20000 + RANDOM % 30000))
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
      echo "$port"
      return 0
    fi
    tries=$((tries + 1))
  done
  return 1
}

parley_postgres_start() {
  unset PARLEY_TEST_POSTGRES
  parley_postgres_bin=$(parley_postgres_find_bin)
  if [ -z "$parley_postgres_bin" ]; then
    parley_postgres_install || return 0
    parley_postgres_bin=$(parley_postgres_find_bin)
    if [ -z "$parley_postgres_bin" ]; then
      parley_postgres_log "could not install PostgreSQL; its tests will be skipped"
      return 0
    fi
  fi

  if [ "$(id -u)" -eq 0 ]; then
    parley_postgres_user=parley-test
    if ! id "$parley_postgres_user" >/dev/null 2>&1; then
      useradd --system --no-create-home --shell /usr/sbin/nologin "$parley_postgres_user" 2>/dev/null || parley_postgres_user=nobody
    fi
  fi

  parley_postgres_dir=$(mktemp -d /tmp/parley-postgres.XXXXXX)
  trap parley_postgres_stop EXIT
  local password port
  password=$(head -c 18 /dev/urandom | base64 | tr -dc 'A-Za-z0-9')
  echo "$password" > "$parley_postgres_dir/pwfile"
  if [ "$(id -u)" -eq 0 ]; then
    chown -R "$parley_postgres_user" "$parley_postgres_dir"
  fi
  chmod 700 "$parley_postgres_dir"

  if ! parley_postgres_as_user "$parley_postgres_bin/initdb" -D "$parley_postgres_dir/data" -U parley \
      --pwfile="$parley_postgres_dir/pwfile" --auth=scram-sha-256 --encoding=UTF8 --locale=C.UTF-8 \
      >"$parley_postgres_dir/initdb.log" 2>&1; then
    parley_postgres_log "initdb failed; its tests will be skipped:"
    tail -n 5 "$parley_postgres_dir/initdb.log" >&2
    return 0
  fi

  port=$(parley_postgres_free_port) || { parley_postgres_log "no free port; its tests will be skipped"; return 0; }
  if ! parley_postgres_as_user "$parley_postgres_bin/pg_ctl" -D "$parley_postgres_dir/data" -w -t 60 \
      -l "$parley_postgres_dir/server.log" \
      -o "-c listen_addresses=127.0.0.1 -c port=$port -c unix_socket_directories=$parley_postgres_dir -c fsync=off" \
      start >/dev/null; then
    parley_postgres_log "the server did not start; its tests will be skipped:"
    tail -n 5 "$parley_postgres_dir/server.log" >&2
    return 0
  fi

  if ! PGPASSWORD="$password" parley_postgres_as_user "$parley_postgres_bin/createdb" -h 127.0.0.1 -p "$port" -U parley parley; then
    parley_postgres_log "createdb failed; its tests will be skipped"
    return 0
  fi

  export PARLEY_TEST_POSTGRES="postgres://parley:$password@127.0.0.1:$port/parley"
  parley_postgres_log "PostgreSQL $("$parley_postgres_bin/postgres" --version | grep -o '[0-9][0-9.]*' | head -n 1) on 127.0.0.1:$port (PARLEY_TEST_POSTGRES)"
}

parley_postgres_stop() {
  if [ -n "$parley_postgres_dir" ] && [ -d "$parley_postgres_dir" ]; then
    if [ -f "$parley_postgres_dir/data/postmaster.pid" ]; then
      parley_postgres_as_user "$parley_postgres_bin/pg_ctl" -D "$parley_postgres_dir/data" -m fast -w stop >/dev/null 2>&1
    fi
    rm -rf "$parley_postgres_dir"
  fi
  parley_postgres_dir=""
  unset PARLEY_TEST_POSTGRES
}
