#!/usr/bin/env bash
# The test command from README.md: installs what is missing, then runs every test against a real embedded PostgreSQL.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/ensure-postgres.sh
exec dotnet test Slices.sln -c Release --logger "trx;LogFileName=results.trx" --results-directory TestResults "$@"
