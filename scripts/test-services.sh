#!/usr/bin/env bash
# Throwaway PostgreSQL + Redis for the pg/redis test labels.
#
#   scripts/test-services.sh run -- <command...>
#       Starts both services in a fresh temp dir on free random loopback ports,
#       exports TEST_DATABASE_URL and TEST_REDIS_URL, runs the command, then always
#       stops both services and deletes the temp dir (also on failure, Ctrl-C,
#       SIGTERM). Exits with the command's exit code (128+N if killed by signal N).
#
#   scripts/test-services.sh start <dir>
#       Starts both services with their state in <dir> (created; must be empty
#       or a previous `start` dir) and writes <dir>/env for `source <dir>/env`.
#       Running `start` again on a running dir is a no-op. The exports are also
#       printed on stdout, so `eval "$(scripts/test-services.sh start <dir>)"` works.
#
#   scripts/test-services.sh stop <dir>
#       Stops the services started by `start <dir>` and deletes <dir>.
#       Running `stop` on a dir with nothing to stop is a no-op.
#
# Layout of a service dir:
#   <dir>/pg/data         PostgreSQL cluster (owned by `postgres` when run as root)
#   <dir>/pg/             unix socket dir, postgres.log
#   <dir>/redis.pid, redis.log
#   <dir>/state           ports (for `stop`), <dir>/env (exports)
#   <dir>/.test-services  marker: `stop` only deletes dirs carrying it
#
# Environment knobs: PG_BINDIR (override the PostgreSQL bin dir),
# TEST_SERVICES_PG_USER (unprivileged user for PostgreSQL when root; default postgres),
# TEST_SERVICES_PORT_MIN/MAX (random port range; default 20000-60000).
# shellcheck disable=SC2317  # see the last line
set -euo pipefail

readonly PROG=test-services
readonly MARKER=.test-services
readonly PORT_MIN=${TEST_SERVICES_PORT_MIN:-20000} PORT_MAX=${TEST_SERVICES_PORT_MAX:-60000}
readonly PG_DB=chat_test PG_USER=chat

log() { printf '%s: %s\n' "$PROG" "$*" >&2; }
die() { log "error: $*"; exit 1; }

usage() {
  cat >&2 <<'EOF'
usage: scripts/test-services.sh run -- <command...>
       scripts/test-services.sh start <dir>
       scripts/test-services.sh stop <dir>
EOF
  exit 2
}

# ---------------------------------------------------------------------------
# helpers

# Absolute, symlink-free path of an existing directory.
abs_dir() { (cd "$1" && pwd -P); }

# Prints the PostgreSQL server bin dir (the one holding initdb/pg_ctl).
find_pg_bindir() {
  local d
  if [[ -n ${PG_BINDIR:-} ]]; then
    [[ -x $PG_BINDIR/initdb ]] || die "PG_BINDIR=$PG_BINDIR has no initdb"
    printf '%s\n' "$PG_BINDIR"; return
  fi
  if command -v pg_config >/dev/null 2>&1; then
    d=$(pg_config --bindir 2>/dev/null || true)
    if [[ -n $d && -x $d/initdb && -x $d/pg_ctl ]]; then printf '%s\n' "$d"; return; fi
  fi
  # Newest /usr/lib/postgresql/<major>/bin with a server in it.
  d=$(for b in /usr/lib/postgresql/*/bin; do [[ -x $b/initdb && -x $b/pg_ctl ]] && printf '%s\n' "$b"; done |
      sort -t/ -k5,5 -V | tail -n1)
  [[ -n $d ]] || die "no PostgreSQL server found (pg_config --bindir, /usr/lib/postgresql/*/bin)"
  printf '%s\n' "$d"
}

# Command prefix running a command as the unprivileged PostgreSQL user when we
# are root (directly otherwise), from / so it never trips over an unreadable cwd.
# An array, not a function: `func >file` would redirect this shell's own stderr
# while it runs, and a trap firing then would log into that file.
AS_PG=()
setup_as_pg() {
  if (( EUID == 0 )); then
    if runuser -u "$PG_OS_USER" -- true 2>/dev/null; then
      AS_PG=(runuser -u "$PG_OS_USER" -- env -C /)
    else
      AS_PG=(setpriv --reuid="$PG_OS_USER" --regid="$PG_OS_USER" --init-groups --reset-env -- env -C /)
    fi
  else
    AS_PG=(env -C /)
  fi
}

# True if nothing on 127.0.0.1 holds TCP port $1 (bind test, SO_REUSEADDR like the servers).
port_is_free() {
  local port=$1
  if command -v python3 >/dev/null 2>&1; then
    python3 - "$port" 2>/dev/null <<'PY' && return 0
import socket, sys
s = socket.socket()
s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
try:
    s.bind(("127.0.0.1", int(sys.argv[1])))
except OSError:
    sys.exit(1)
sys.exit(0)
PY
    # exit 1 = taken; any other failure (broken python) falls through to probing below
    [[ $? -eq 1 ]] && return 1
  fi
  # Fallback: a connect that succeeds means something listens.
  if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then return 1; fi
  return 0
}

# Prints a free random port in [PORT_MIN, PORT_MAX], different from any in "$@".
pick_port() {
  local port avoid i taken
  for ((i = 0; i < 100; i++)); do
    port=$(( ((RANDOM << 15) | RANDOM) % (PORT_MAX - PORT_MIN + 1) + PORT_MIN ))
    taken=0
    for avoid in "$@"; do [[ $avoid == "$port" ]] && taken=1; done
    (( taken )) && continue
    port_is_free "$port" && { printf '%s\n' "$port"; return 0; }
  done
  die "no free port found in $PORT_MIN-$PORT_MAX"
}

# Closes every fd above 2 in the current (sub)shell. Used before launching the
# daemons so they inherit nothing from us or our caller (the start/stop lock,
# pipes of whoever ran us) and cannot keep those open after we exit.
close_fds() {
  local f fd
  for f in "/proc/$BASHPID/fd"/*; do
    fd=${f##*/}
    # (No redirection on this loop: bash would park the real stderr on a high fd,
    # which we would then close.)
    if [[ $fd =~ ^[0-9]+$ ]] && (( fd > 2 )); then exec {fd}>&-; fi
  done
}

# True if pid $1 exists and is not a zombie (a zombie has exited; it only awaits
# reaping, and this machine's init may take a while to reap).
pid_alive() {
  local state
  [[ ${1:-} =~ ^[0-9]+$ ]] && kill -0 "$1" 2>/dev/null || return 1
  state=$(sed -n 's/^State:[[:space:]]*\([A-Z]\).*/\1/p' "/proc/$1/status" 2>/dev/null || true)
  [[ $state != Z && $state != X ]]
}

# Waits up to $2 seconds (default 10) for pid $1 to exit.
wait_pid_gone() {
  local pid=$1 t=${2:-10} i
  for ((i = 0; i < t * 10; i++)); do pid_alive "$pid" || return 0; sleep 0.1; done
  return 1
}

# ---------------------------------------------------------------------------
# PostgreSQL

pg_data() { printf '%s/pg/data\n' "$1"; }

# pg_start <dir> <avoid-port>: sets PG_PORT on success.
pg_start() {
  local dir=$1 avoid=$2 pgdir="$1/pg" data logf attempt port locale_opt
  data=$(pg_data "$dir"); logf=$pgdir/postgres.log
  mkdir -p "$pgdir" || return 1
  chmod 700 "$pgdir" || return 1
  if (( EUID == 0 )); then
    chown "$PG_OS_USER": "$pgdir" || return 1
    "${AS_PG[@]}" test -w "$pgdir" ||
      die "user $PG_OS_USER cannot write $pgdir (is a parent dir private?); use a dir under /tmp"
  fi
  # Socket path limit (sun_path 108 bytes incl. NUL): "$pgdir/.s.PGSQL.NNNNN".
  (( ${#pgdir} + 17 < 108 )) || die "dir path too long for a unix socket: $pgdir"

  # C.UTF-8: deterministic byte-order collation, but Unicode-aware upper()/lower().
  if locale -a 2>/dev/null | grep -qiE '^c\.utf-?8$'; then locale_opt=--locale=C.UTF-8; else locale_opt=--no-locale; fi
  if ! "${AS_PG[@]}" "$PG_BIN/initdb" -D "$data" -A trust -U "$PG_USER" --no-sync -E UTF8 "$locale_opt" \
         >"$pgdir/initdb.log" 2>&1; then
    log "initdb failed:"; tail -n 30 "$pgdir/initdb.log" >&2 || true
    return 1
  fi
  # (fsync etc. stay at their defaults: durability is tested too.)
  cat >>"$data/postgresql.conf" <<EOF || return 1

# --- scripts/test-services.sh ---
listen_addresses = '127.0.0.1'
unix_socket_directories = '$pgdir'
max_connections = 200
shared_buffers = 128MB
EOF
  # Trust on loopback only (we also only listen there).
  cat >"$data/pg_hba.conf" <<'EOF' || return 1
# scripts/test-services.sh: throwaway test cluster, trust on loopback only
local   all   all                 trust
host    all   all   127.0.0.1/32  trust
EOF

  # The log is created by pg_ctl as the server user; our own stderr goes elsewhere.
  local ctl_log=$pgdir/pg_ctl.out
  for ((attempt = 1; attempt <= 5; attempt++)); do
    port=$(pick_port "$avoid") || return 1
    rm -f "$logf"
    if ( close_fds; exec "${AS_PG[@]}" "$PG_BIN/pg_ctl" -D "$data" -l "$logf" -o "-p $port" -w -t 30 -s start ) \
         </dev/null >"$ctl_log" 2>&1; then
      PG_PORT=$port
      break
    fi
    if grep -qsiE 'could not bind|address already in use|could not create any TCP/IP sockets|lock file .* already exists' "$logf"; then
      log "postgresql: port $port taken, retrying"
      continue
    fi
    log "postgresql failed to start; pg_ctl said:"
    cat "$ctl_log" >&2 || true
    log "tail of $logf:"
    tail -n 30 "$logf" >&2 || true
    return 1
  done
  [[ -n ${PG_PORT:-} ]] || { log "postgresql: no usable port after 5 attempts"; tail -n 30 "$logf" >&2 || true; return 1; }

  if ! "$PG_BIN/createdb" -h 127.0.0.1 -p "$PG_PORT" -U "$PG_USER" -O "$PG_USER" -E UTF8 "$PG_DB" 2>"$ctl_log"; then
    log "createdb $PG_DB failed:"; cat "$ctl_log" >&2 || true
    log "tail of $logf:"; tail -n 30 "$logf" >&2 || true
    return 1
  fi
  log "postgresql on 127.0.0.1:$PG_PORT"
}

# pg_stop <dir> [port-for-message]: stops the cluster in <dir> if it runs. Never fails.
pg_stop() {
  local dir=$1 port=${2:-?} data pid
  data=$(pg_data "$dir")
  [[ -f $data/postmaster.pid ]] || return 0
  pid=$(head -n1 "$data/postmaster.pid" 2>/dev/null || true)
  if ! pid_alive "$pid"; then return 0; fi
  if ! "${AS_PG[@]}" "$PG_BIN/pg_ctl" -D "$data" -m fast -w -t 30 -s stop >/dev/null 2>&1; then
    "${AS_PG[@]}" "$PG_BIN/pg_ctl" -D "$data" -m immediate -w -t 10 -s stop >/dev/null 2>&1 || true
  fi
  if ! wait_pid_gone "$pid" 5; then
    log "postgresql (pid $pid) did not stop; killing"
    kill -KILL "$pid" 2>/dev/null || true
    wait_pid_gone "$pid" 5 || true
  fi
  log "postgresql on 127.0.0.1:$port stopped"
}

# ---------------------------------------------------------------------------
# Redis

# Prints the dir the Redis on port $1 runs in (empty if none answers).
redis_dir_on_port() {
  redis-cli -h 127.0.0.1 -p "$1" --raw config get dir 2>/dev/null | sed -n 2p || true
}

# redis_start <dir> <avoid-port>: sets REDIS_PORT on success.
redis_start() {
  local dir=$1 avoid=$2 attempt port i logf=$1/redis.log pidf=$1/redis.pid ok launched
  for ((attempt = 1; attempt <= 5; attempt++)); do
    port=$(pick_port "$avoid") || return 1
    rm -f "$pidf"; : >"$logf"
    REDIS_STARTING_PORT=$port
    # With --daemonize the launcher exits 0 once it has forked; non-zero = bad config etc.
    launched=0
    ( close_fds; exec redis-server --port "$port" --bind 127.0.0.1 --save '' --appendonly no \
        --daemonize yes --pidfile "$pidf" --dir "$dir" --logfile "$logf" ) </dev/null >"$dir/redis.out" 2>&1 || launched=$?
    # Ready = answers PONG, *and* it is ours (same --dir): a concurrent run may
    # have won the race for this port, and its Redis answers PONG too.
    ok=0
    for ((i = 0; launched == 0 && i < 100; i++)); do
      if [[ $(redis-cli -h 127.0.0.1 -p "$port" ping 2>/dev/null || true) == PONG &&
            $(redis_dir_on_port "$port") == "$dir" && -s $pidf ]]; then ok=1; break; fi
      if grep -qiE 'address already in use|could not create server tcp listening socket|failed listening' "$logf"; then
        break
      fi
      sleep 0.1
    done
    if (( ok )); then
      REDIS_PORT=$port; REDIS_STARTING_PORT=
      log "redis on 127.0.0.1:$REDIS_PORT"
      return 0
    fi
    redis_stop "$dir" "$port" quiet   # in case it came up late
    REDIS_STARTING_PORT=
    if grep -qiE 'address already in use|could not create server tcp listening socket|failed listening' "$logf"; then
      log "redis: port $port taken, retrying"
      continue
    fi
    if (( launched )); then
      log "redis-server exited with status $launched:"
    else
      log "redis did not answer PING within 10 s:"
    fi
    cat "$dir/redis.out" >&2 || true
    log "tail of $logf:"
    tail -n 30 "$logf" >&2 || true
    return 1
  done
  log "redis: no usable port after 5 attempts"
  return 1
}

# redis_stop <dir> <port> [quiet]: stops the Redis started in <dir>. Never fails.
redis_stop() {
  local dir=$1 port=$2 quiet=${3:-} pidf=$1/redis.pid pid=
  [[ -s $pidf ]] && pid=$(cat "$pidf" 2>/dev/null || true)
  # Only talk to the port if the Redis there is ours.
  if [[ -n $port && $(redis_dir_on_port "$port") == "$dir" ]]; then
    [[ -n $pid ]] || pid=$(redis-cli -h 127.0.0.1 -p "$port" --raw info server 2>/dev/null |
                           tr -d '\r' | sed -n 's/^process_id://p' || true)
    redis-cli -h 127.0.0.1 -p "$port" shutdown nosave >/dev/null 2>&1 || true
  elif ! pid_alive "$pid"; then
    return 0
  fi
  if [[ -n $pid ]] && ! wait_pid_gone "$pid" 10; then
    # Fallback: kill, but only if that pid really is a redis-server.
    if tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null | grep -q redis-server; then
      kill -TERM "$pid" 2>/dev/null || true
      wait_pid_gone "$pid" 5 || { kill -KILL "$pid" 2>/dev/null || true; wait_pid_gone "$pid" 5 || true; }
    fi
  fi
  [[ -n $quiet ]] || log "redis on 127.0.0.1:$port stopped"
}

# ---------------------------------------------------------------------------
# start / stop both

PG_PORT='' REDIS_PORT='' REDIS_STARTING_PORT=''

# services_start <dir>: starts both, writes <dir>/state and <dir>/env.
services_start() {
  local dir=$1
  # Plain calls: under set -e a failure exits, and the caller's EXIT trap cleans up.
  # (`pg_start ... || ...` would switch errexit off inside pg_start.)
  pg_start "$dir" ""
  printf 'PG_PORT=%s\nREDIS_PORT=\n' "$PG_PORT" >"$dir/state"
  redis_start "$dir" "$PG_PORT"
  printf 'PG_PORT=%s\nREDIS_PORT=%s\n' "$PG_PORT" "$REDIS_PORT" >"$dir/state"
  cat >"$dir/env" <<EOF
export TEST_DATABASE_URL=postgres://$PG_USER@127.0.0.1:$PG_PORT/$PG_DB
export TEST_REDIS_URL=redis://127.0.0.1:$REDIS_PORT/0
EOF
}

# services_stop <dir>: stops whatever of the two runs from <dir>. Never fails.
services_stop() {
  local dir=$1 pg_port=$PG_PORT redis_port=$REDIS_PORT
  if [[ -z $pg_port && -f $dir/state ]]; then pg_port=$(sed -n 's/^PG_PORT=//p' "$dir/state"); fi
  if [[ -z $redis_port && -f $dir/state ]]; then redis_port=$(sed -n 's/^REDIS_PORT=//p' "$dir/state"); fi
  [[ -n $redis_port ]] || redis_port=$REDIS_STARTING_PORT
  if [[ -n $redis_port || -s $dir/redis.pid ]]; then redis_stop "$dir" "$redis_port"; fi
  pg_stop "$dir" "${pg_port:-?}"
  PG_PORT='' REDIS_PORT='' REDIS_STARTING_PORT=''
}

# Resets SIGINT/SIGQUIT to default for the command: bash makes background jobs
# ignore them, and an inherited SIG_IGN would break tests that rely on them.
if env --default-signal=INT true >/dev/null 2>&1; then
  # shellcheck disable=SC2054  # the comma is part of the option
  DEFAULT_SIGNALS=(env --default-signal=INT,QUIT --)
else
  # shellcheck disable=SC2016  # perl code, not shell
  DEFAULT_SIGNALS=(perl -e '$SIG{INT}=$SIG{QUIT}="DEFAULT"; exec {$ARGV[0]} @ARGV or exit 127')
fi

# ---------------------------------------------------------------------------
# modes

CHILD_PID=
RUN_DIR=
CLEANED=0

run_cleanup() {
  local rc=$?
  (( CLEANED )) && return 0
  CLEANED=1
  trap '' INT TERM HUP   # finish cleaning up even if hit again
  set +e
  if [[ -n $CHILD_PID ]]; then
    # Interrupted: give the command 10 s to exit on SIGTERM, then SIGKILL; reap it.
    kill -TERM "$CHILD_PID" 2>/dev/null
    wait_pid_gone "$CHILD_PID" 10 || kill -KILL "$CHILD_PID" 2>/dev/null
    wait "$CHILD_PID" 2>/dev/null
    CHILD_PID=
  fi
  if [[ -n $RUN_DIR && -d $RUN_DIR ]]; then
    services_stop "$RUN_DIR"
    rm -rf -- "$RUN_DIR"
  fi
  exit "$rc"
}

on_signal() {
  local sig=$1 num=$2
  log "caught SIG$sig, cleaning up"
  trap '' INT TERM HUP
  if pid_alive "$CHILD_PID"; then
    kill -TERM "$CHILD_PID" 2>/dev/null || true
  fi
  exit $((128 + num))
}

cmd_run() {
  [[ ${1:-} == -- ]] && shift
  (( $# > 0 )) || usage
  trap run_cleanup EXIT
  trap 'on_signal INT 2' INT
  trap 'on_signal TERM 15' TERM
  trap 'on_signal HUP 1' HUP

  local base=${TMPDIR:-/tmp}
  RUN_DIR=$(mktemp -d "$base/chat-test-services.XXXXXX") || die "mktemp -d failed"
  RUN_DIR=$(abs_dir "$RUN_DIR")
  chmod 711 "$RUN_DIR"   # traversable for the unprivileged PostgreSQL user
  if (( EUID == 0 )) && [[ $base != /tmp ]] && ! "${AS_PG[@]}" test -x "$RUN_DIR"; then
    rm -rf -- "$RUN_DIR"
    RUN_DIR=$(abs_dir "$(mktemp -d /tmp/chat-test-services.XXXXXX)")
    chmod 711 "$RUN_DIR"
  fi
  touch "$RUN_DIR/$MARKER"

  services_start "$RUN_DIR"
  # shellcheck disable=SC1091
  source "$RUN_DIR/env"

  # Background + wait so a signal to this script is handled at once (bash defers
  # traps while a foreground child runs). Keep our stdin for the command.
  "${DEFAULT_SIGNALS[@]}" "$@" <&0 &
  CHILD_PID=$!
  local rc=0
  wait "$CHILD_PID" || rc=$?
  CHILD_PID=
  exit "$rc"
}

# Serialises start/stop on the same dir.
lock_dir() {
  exec 9<"$1"
  flock -w 120 9 || die "timed out waiting for the lock on $1"
}

both_running() {
  local dir=$1 pg_port redis_port pid
  [[ -f $dir/state && -f $dir/env ]] || return 1
  pg_port=$(sed -n 's/^PG_PORT=//p' "$dir/state")
  redis_port=$(sed -n 's/^REDIS_PORT=//p' "$dir/state")
  [[ -n $pg_port && -n $redis_port ]] || return 1
  pid=$(head -n1 "$(pg_data "$dir")/postmaster.pid" 2>/dev/null || true)
  pid_alive "$pid" || return 1
  "$PG_BIN/pg_isready" -q -h 127.0.0.1 -p "$pg_port" -U "$PG_USER" -d "$PG_DB" || return 1
  [[ $(redis_dir_on_port "$redis_port") == "$dir" ]]
}

start_failed() {
  local rc=$?
  if [[ -n $RUN_DIR ]]; then
    trap '' INT TERM HUP
    set +e
    services_stop "$RUN_DIR"
    log "start failed; logs kept in $RUN_DIR (remove with: $0 stop $RUN_DIR)"
  fi
  exit "$rc"
}

cmd_start() {
  (( $# == 1 )) || usage
  local dir=$1
  mkdir -p -- "$dir"
  dir=$(abs_dir "$dir")
  lock_dir "$dir"
  if [[ -f $dir/$MARKER ]]; then
    if both_running "$dir"; then
      log "already running in $dir"
      cat "$dir/env"
      return 0
    fi
    log "stale state in $dir, restarting"
    services_stop "$dir"
    find "$dir" -mindepth 1 -maxdepth 1 ! -name "$MARKER" -exec rm -rf -- {} +
  elif [[ -n $(ls -A -- "$dir") ]]; then
    die "$dir is not empty and was not made by $PROG start; refusing to use it"
  fi
  touch "$dir/$MARKER"
  chmod 711 "$dir"

  # On failure, undo what was started; on success, leave it running.
  RUN_DIR=$dir
  trap 'start_failed' EXIT
  trap 'exit 130' INT; trap 'exit 143' TERM; trap 'exit 129' HUP
  services_start "$dir"
  RUN_DIR=
  trap - EXIT INT TERM HUP
  log "env written to $dir/env (source it); stop with: $0 stop $dir"
  cat "$dir/env"
}

cmd_stop() {
  (( $# == 1 )) || usage
  local dir=$1
  if [[ ! -d $dir ]]; then log "nothing to stop in $dir"; return 0; fi
  dir=$(abs_dir "$dir")
  [[ -f $dir/$MARKER ]] || die "$dir was not made by $PROG start; refusing to touch it"
  lock_dir "$dir"
  trap '' INT TERM HUP
  services_stop "$dir"
  rm -rf -- "$dir"
}

main() {
  (( $# > 0 )) || usage
  local mode=$1; shift
  case $mode in
    run|start|stop) ;;
    -h|--help|help) usage ;;
    *) usage ;;
  esac
  PG_OS_USER=${TEST_SERVICES_PG_USER:-postgres}
  if (( EUID == 0 )); then
    id -u "$PG_OS_USER" >/dev/null 2>&1 || die "running as root needs an unprivileged user '$PG_OS_USER' for PostgreSQL"
  fi
  setup_as_pg
  PG_BIN=$(find_pg_bindir)
  command -v redis-server >/dev/null || die "redis-server not found"
  command -v redis-cli >/dev/null || die "redis-cli not found"
  "cmd_$mode" "$@"
}

# One compound command: bash has read all of it before running it, so editing
# this file cannot disturb a run in progress. (shellcheck then wrongly believes
# every function is unreachable, hence the SC2317 disable at the top.)
{ main "$@"; exit; }
