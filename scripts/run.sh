#!/usr/bin/env bash
# Runs SalesHub on http://localhost:5000 with its embedded database in ./data
# (the demo company is created on first start). Extra arguments go to the app,
# e.g. --urls http://0.0.0.0:8080 or --Database:DataDirectory=/var/lib/saleshub.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/prerequisites.sh
exec dotnet run --project SalesHub.Web -c Release -- --contentRoot "$PWD/SalesHub.Web" --Database:DataDirectory="$PWD/data" "$@"
