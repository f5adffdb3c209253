#!/usr/bin/env bash
# Runs every SalesHub test (unit, data on SQLite and PostgreSQL, components, API, browser).
# Installs what is missing, starts a throwaway PostgreSQL on 127.0.0.1, and ends with one
# line "N passed, N failed".
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/prerequisites.sh --tests

work=$(mktemp -d /tmp/saleshub-tests.XXXXXX)
pg_bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
as_postgres=()
if [[ $(id -u) -eq 0 ]]; then
  chown postgres "$work"
  as_postgres=(runuser -u postgres --)
fi
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')

stop_postgres() {
  "${as_postgres[@]}" "$pg_bin/pg_ctl" -D "$work/pg" -m immediate stop >/dev/null 2>&1 || true
  rm -rf "$work"
}
trap stop_postgres EXIT

"${as_postgres[@]}" "$pg_bin/initdb" -D "$work/pg" -A trust -U postgres --no-sync >/dev/null
"${as_postgres[@]}" "$pg_bin/pg_ctl" -D "$work/pg" -l "$work/pg.log" -w \
  -o "-c listen_addresses=127.0.0.1 -p $port -k $work -c fsync=off -c synchronous_commit=off" start >/dev/null

export SALESHUB_TEST_POSTGRES="Host=127.0.0.1;Port=$port;Username=postgres"
export SALESHUB_CHROMIUM=${SALESHUB_CHROMIUM:-$(command -v chromium)}

results="$PWD/artifacts/test-results"
rm -rf "$results"
status=0
dotnet test SalesHub.sln -c Release --logger "trx;LogFileName=results.trx" --results-directory "$results" "$@" || status=$?

counters=$(grep -o '<Counters [^>]*>' "$results/results.trx" 2>/dev/null || true)
count() { sed -n "s/.* $1=\"\([0-9]*\)\".*/\1/p" <<<"$counters"; }
passed=$(count passed); failed=$(count failed); total=$(count total); executed=$(count executed)
passed=${passed:-0}; failed=${failed:-0}
skipped=$(( ${total:-0} - ${executed:-0} ))
if ((skipped > 0)); then
  echo "$passed passed, $failed failed, $skipped skipped"
else
  echo "$passed passed, $failed failed"
fi
if [[ -z "$counters" ]]; then
  echo "No test results were written." >&2
  exit 1
fi
exit "$status"
