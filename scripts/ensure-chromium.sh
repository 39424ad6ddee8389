#!/usr/bin/env bash
# Makes sure a headless Chromium is present for the browser tests (Api.Tests/Browser). Installs Debian's chromium package with
# apt-get when it is missing (needs root, as on CI). Prints the binary's path. Playwright's own browser download is not used.
set -euo pipefail
find_chromium() {
  for c in "${CHROMIUM_PATH:-}" /usr/bin/chromium /usr/bin/chromium-browser /usr/lib/chromium/chromium; do
    if [ -n "$c" ] && [ -x "$c" ]; then echo "$c"; return 0; fi
  done
  return 1
}
if find_chromium; then exit 0; fi
if [ "$(id -u)" -ne 0 ]; then
  echo "Chromium is missing. Install it (Debian/Ubuntu: sudo apt-get install -y chromium) or set CHROMIUM_PATH." >&2
  exit 1
fi
echo "Installing Chromium from Debian's packages..." >&2
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq >/dev/null
apt-get install -y -qq --no-install-recommends chromium >/dev/null
find_chromium
