#!/usr/bin/env bash
# Makes sure PostgreSQL server binaries (initdb, pg_ctl, postgres) are present for the embedded default and the tests.
# Installs Debian's postgresql package with apt-get when they are missing (needs root, as on CI).
set -euo pipefail
have() {
  command -v initdb >/dev/null 2>&1 && command -v pg_ctl >/dev/null 2>&1 && command -v postgres >/dev/null 2>&1 && return 0
  ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1
}
if have; then exit 0; fi
if [ "$(id -u)" -ne 0 ]; then
  echo "PostgreSQL server binaries are missing. Install them (Debian/Ubuntu: sudo apt-get install -y postgresql)" >&2
  echo "or set ConnectionStrings__Postgres to an existing server." >&2
  exit 1
fi
echo "Installing PostgreSQL server binaries from Debian's packages..." >&2
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq >/dev/null
apt-get install -y -qq --no-install-recommends postgresql >/dev/null
# the package may start a cluster of its own; Slices runs private clusters, so stop it
(command -v service >/dev/null && service postgresql stop >/dev/null 2>&1) || true
have
