#!/usr/bin/env bash
# The test command from README.md: installs what is missing, then runs every test against a real embedded PostgreSQL.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/ensure-postgres.sh
CHROMIUM_PATH="$(scripts/ensure-chromium.sh)"   # the browser test (Api.Tests/Browser) drives it headless
export CHROMIUM_PATH
exec dotnet test Slices.sln -c Release --logger "trx;LogFileName=results.trx" --results-directory TestResults "$@"
