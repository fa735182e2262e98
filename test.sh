#!/usr/bin/env bash
# Runs every test of Zhengfeng: unit and integration tests on SQLite, the same integration tests on a
# throw-away PostgreSQL cluster, and the browser tests in headless Chromium.
# Installs Debian's chromium, postgresql, LibreOffice Writer and poppler (the bulletin rendering test) and the CJK
# fonts when they are missing and this runs as root.
set -euo pipefail
cd "$(dirname "$0")"

pg_bin() { ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1; }

need=()
[ -x /usr/bin/chromium ] || need+=(chromium)
[ -n "$(pg_bin)" ] && [ -x "$(pg_bin)/initdb" ] || need+=(postgresql)
fc-list 2>/dev/null | grep -qi "CJK" || need+=(fonts-noto-cjk)
command -v soffice >/dev/null 2>&1 || need+=(libreoffice-writer-nogui)
command -v pdftoppm >/dev/null 2>&1 && command -v pdfinfo >/dev/null 2>&1 || need+=(poppler-utils)
if [ ${#need[@]} -gt 0 ]; then
  if [ "$(id -u)" = 0 ]; then
    echo "== installing ${need[*]}"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
  else
    echo "!! missing ${need[*]}: run as root once, or install them, for the PostgreSQL, browser and rendering tests" >&2
  fi
fi

# A throw-away PostgreSQL cluster on loopback, on a free port, with a streaming replica beside it; both removed on exit.
pg_dir=""
pg_port=""
cleanup() {
  if [ -n "$pg_dir" ] && [ -d "$pg_dir" ]; then
    [ -d "$pg_dir/replica" ] && run_pg "$(pg_bin)/pg_ctl" -D "$pg_dir/replica" -m immediate stop >/dev/null 2>&1 || true
    run_pg "$(pg_bin)/pg_ctl" -D "$pg_dir/data" -m immediate stop >/dev/null 2>&1 || true
    rm -rf "$pg_dir"
  fi
}
trap cleanup EXIT
run_pg() {
  # initdb refuses to run as root: run the cluster as the postgres user then.
  if [ "$(id -u)" = 0 ]; then su postgres -s /bin/sh -c "$(printf '%q ' "$@")"; else "$@"; fi
}
start_pg() {
  local bin; bin="$(pg_bin)"
  [ -n "$bin" ] && [ -x "$bin/initdb" ] || return 1
  pg_dir="$(mktemp -d /tmp/zf-pg.XXXXXX)"
  chmod 755 "$pg_dir"
  [ "$(id -u)" = 0 ] && chown postgres "$pg_dir"
  run_pg "$bin/initdb" -D "$pg_dir/data" -U postgres -A trust -E UTF8 --no-locale >/dev/null
  local port
  for _ in $(seq 1 20); do
    port=$(( 20000 + RANDOM % 20000 ))
    if run_pg "$bin/pg_ctl" -D "$pg_dir/data" -w -t 30 -l "$pg_dir/log" \
        -o "-p $port -k $pg_dir -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=300" start >/dev/null; then
      export ZHENGFENG_TEST_PG="Host=127.0.0.1;Port=$port;Username=postgres;Pooling=true;Maximum Pool Size=20"
      pg_port=$port
      return 0
    fi
  done
  return 1
}
# A hot standby streaming from the primary (pg_basebackup -R): the read-replica tests read from it.
start_replica() {
  local bin; bin="$(pg_bin)"
  run_pg "$bin/pg_basebackup" -h 127.0.0.1 -p "$pg_port" -U postgres -D "$pg_dir/replica" -R -X stream >/dev/null || return 1
  local port
  for _ in $(seq 1 20); do
    port=$(( 20000 + RANDOM % 20000 ))
    if run_pg "$bin/pg_ctl" -D "$pg_dir/replica" -w -t 30 -l "$pg_dir/replica.log" \
        -o "-p $port -k $pg_dir -c listen_addresses=127.0.0.1 -c hot_standby=on -c max_connections=300" start >/dev/null; then
      export ZHENGFENG_TEST_PG_REPLICA="Host=127.0.0.1;Port=$port;Username=postgres;Pooling=true;Maximum Pool Size=10"
      return 0
    fi
  done
  return 1
}

results=$(mktemp -d)
status=0
dotnet build Zhengfeng.slnx -c Release -v q -nologo || exit 1

# CI=1: a test that needs a tool (the bulletin rendering test needs LibreOffice and poppler) runs and fails when the
# tool is missing, instead of skipping; and any test that still skips fails this script below.
echo "== tests on SQLite, and browser tests"
CI=1 ZHENGFENG_TEST_PG= dotnet test Zhengfeng.slnx -c Release --no-build --logger "trx" --results-directory "$results/sqlite" || status=1

if start_pg; then
  if ! start_replica; then
    echo "!! the PostgreSQL replica did not start: the read-replica tests fail" >&2
    status=1
  fi
  echo "== integration tests on PostgreSQL (with a streaming replica)"
  CI=1 dotnet test tests/Zhengfeng.Tests -c Release --no-build --logger "trx" --results-directory "$results/postgres" || status=1
else
  echo "!! PostgreSQL is not available: the PostgreSQL run was not done" >&2
  status=1
fi

# One closing line over all runs: "tests: N passed, N failed, N skipped". A skipped test is a test that proved
# nothing, so any skip fails the run, with the names of the skipped tests.
passed=0; failed=0; skipped=0
skipped_names=()
for run in sqlite postgres; do
  [ -d "$results/$run" ] || continue
  ls "$results/$run"/*.trx >/dev/null 2>&1 || { echo "!! the $run run wrote no test results" >&2; status=1; }
done
for f in "$results"/*/*.trx; do
  [ -f "$f" ] || continue
  counters=$(grep -o '<Counters [^>]*>' "$f" | head -n 1)
  get() { echo "$counters" | grep -o " $1=\"[0-9]*\"" | grep -o '[0-9]*' || echo 0; }
  passed=$(( passed + $(get passed) ))
  failed=$(( failed + $(get failed) + $(get error) + $(get timeout) ))
  skipped=$(( skipped + $(get notExecuted) ))
  run=$(basename "$(dirname "$f")")
  while IFS= read -r name; do
    if [ -n "$name" ]; then skipped_names+=("$run: $name"); fi
  done < <(grep -o '<UnitTestResult [^>]*outcome="NotExecuted"[^>]*>' "$f" | grep -o ' testName="[^"]*"' | sed -e 's/^ testName="//' -e 's/"$//' \
    | sed -e 's/&quot;/"/g' -e "s/&apos;/'/g" -e 's/&lt;/</g' -e 's/&gt;/>/g' -e 's/&amp;/\&/g')
done
rm -rf "$results"
if [ "$skipped" -gt 0 ]; then
  echo "!! $skipped test(s) skipped; every test must run here:" >&2
  for name in "${skipped_names[@]}"; do
    echo "!!   skipped: $name" >&2
  done
  status=1
fi
echo "tests: $passed passed, $failed failed, $skipped skipped"
[ "$failed" = 0 ] || status=1
[ "$passed" -gt 0 ] || status=1
exit $status
