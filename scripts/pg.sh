#!/usr/bin/env bash
# A private PostgreSQL server for tests and trials: scripts/pg.sh {start|stop|status|url}
#
#   start   installs Debian's `postgresql` package if no server binaries are found (needs root and the package
#           registry), creates a cluster under $WA_PG_DIR (UTF8, C collation), starts it on 127.0.0.1:$WA_PG_PORT,
#           creates the role and database `wirearchive` (password `wirearchive`, CREATEDB) and waits until it
#           accepts connections. Starting a running server is a no-op.
#   stop    stops the server (its data stays; `start` again reuses it).
#   status  exit 0 when the server accepts connections.
#   url     prints the JDBC URL, credentials included.
#
# Environment: WA_PG_DIR (default /tmp/wirearchive-pg), WA_PG_PORT (default 5433).
# Exit codes: 0 ok; 1 the server could not be installed or started (the reason is on stderr); 2 usage.
set -euo pipefail

DIR=${WA_PG_DIR:-/tmp/wirearchive-pg}
PORT=${WA_PG_PORT:-5433}
DB=wirearchive
ROLE=wirearchive
PASSWORD=wirearchive
DATA=$DIR/data
LOG=$DIR/server.log

die() {
    echo "pg.sh: $*" >&2
    exit 1
}

# The newest installed server's bin directory, or nothing.
pg_bin() {
    local d
    d=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1 || true)
    if [[ -n $d && -x $d/initdb && -x $d/pg_ctl ]]; then
        echo "$d"
    fi
}

install_server() {
    [[ $(id -u) -eq 0 ]] || die "PostgreSQL is not installed and installing it needs root: apt-get install postgresql"
    command -v apt-get >/dev/null || die "PostgreSQL is not installed and this is not a Debian-like system (no apt-get)"
    echo "pg.sh: installing Debian's postgresql package" >&2
    # Bounded: no network must fail, not hang. Debian's package does not start a server inside a container.
    local apt_opts=(-o Acquire::Retries=1 -o Acquire::http::Timeout=30 -o Acquire::https::Timeout=30
        -o DPkg::Lock::Timeout=120)
    export DEBIAN_FRONTEND=noninteractive
    timeout 300 apt-get "${apt_opts[@]}" update -qq >&2 || die "apt-get update failed (no network or registry?)"
    timeout 600 apt-get "${apt_opts[@]}" install -y -qq --no-install-recommends postgresql >&2 \
        || die "apt-get install postgresql failed"
}

# Runs a server binary as the owner of the cluster: `postgres` when we are root (the server refuses root).
as_owner() {
    if [[ $(id -u) -eq 0 ]]; then
        id postgres >/dev/null 2>&1 || die "no 'postgres' user to run the server as"
        runuser -u postgres -- "$@"
    else
        "$@"
    fi
}

psql_admin() {
    # Over the private Unix socket, as the superuser (trusted locally); TCP needs a password.
    "$BIN/psql" -X -q -v ON_ERROR_STOP=1 -h "$DIR" -p "$PORT" -U postgres -d postgres "$@"
}

ready() {
    "$BIN/pg_isready" -q -h 127.0.0.1 -p "$PORT" -t 2
}

url() {
    echo "jdbc:postgresql://127.0.0.1:$PORT/$DB?user=$ROLE&password=$PASSWORD"
}

start() {
    BIN=$(pg_bin)
    if [[ -z $BIN ]]; then
        install_server
        BIN=$(pg_bin)
        [[ -n $BIN ]] || die "postgresql was installed but no server binaries were found under /usr/lib/postgresql"
    fi
    mkdir -p "$DIR"
    if [[ $(id -u) -eq 0 ]]; then
        chown postgres "$DIR"
    fi
    chmod 700 "$DIR"
    if [[ ! -s $DATA/PG_VERSION ]]; then
        rm -rf "$DATA"
        as_owner "$BIN/initdb" -D "$DATA" -U postgres -E UTF8 --no-locale --auth-local=trust \
            --auth-host=scram-sha-256 >"$DIR/initdb.log" 2>&1 || { cat "$DIR/initdb.log" >&2; die "initdb failed"; }
    fi
    if ! as_owner "$BIN/pg_ctl" -D "$DATA" status >/dev/null 2>&1; then
        if ready; then
            die "another server already listens on 127.0.0.1:$PORT (set WA_PG_PORT to use another port)"
        fi
        # autovacuum off: tests create and drop a database each; an autovacuum worker connected to one (a superuser
        # process) makes the test role's DROP DATABASE ... WITH (FORCE) fail ("must be a member of the role ...")
        as_owner "$BIN/pg_ctl" -D "$DATA" -l "$LOG" -w -t 60 \
            -o "-p $PORT -k $DIR -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=100 -c autovacuum=off" \
            start >/dev/null \
            || { tail -20 "$LOG" >&2 || true; die "the server did not start (log: $LOG)"; }
    fi
    local i
    for i in $(seq 1 60); do
        ready && break
        sleep 0.5
    done
    ready || die "the server on 127.0.0.1:$PORT does not accept connections (log: $LOG)"
    psql_admin <<SQL
SELECT 'CREATE ROLE $ROLE LOGIN CREATEDB PASSWORD ''$PASSWORD'''
 WHERE NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '$ROLE') \gexec
SELECT 'CREATE DATABASE $DB OWNER $ROLE TEMPLATE template0 ENCODING ''UTF8'' LC_COLLATE ''C'' LC_CTYPE ''C'''
 WHERE NOT EXISTS (SELECT 1 FROM pg_database WHERE datname = '$DB') \gexec
SQL
    echo "pg.sh: PostgreSQL $("$BIN/postgres" --version | awk '{print $3}') ready on 127.0.0.1:$PORT, data in $DATA" >&2
}

stop() {
    BIN=$(pg_bin)
    [[ -n $BIN && -s $DATA/PG_VERSION ]] || return 0
    if as_owner "$BIN/pg_ctl" -D "$DATA" status >/dev/null 2>&1; then
        as_owner "$BIN/pg_ctl" -D "$DATA" -m fast -w stop >/dev/null
    fi
}

case "${1:-}" in
    start) start ;;
    stop) stop ;;
    status) BIN=$(pg_bin); [[ -n $BIN ]] && ready ;;
    url) url ;;
    *) echo "usage: $0 {start|stop|status|url}" >&2; exit 2 ;;
esac
