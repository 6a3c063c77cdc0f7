#!/usr/bin/env bash
# Installs Debian's Chromium for the browser tests (test/e2e), once: a rerun with
# /usr/bin/chromium present does nothing. playwright-core drives it; no browser is downloaded.
set -euo pipefail
if [ -x /usr/bin/chromium ]; then
  exit 0
fi
if ! command -v apt-get >/dev/null; then
  echo "setup-chromium: no apt-get here; install Chromium at /usr/bin/chromium by hand" >&2
  exit 1
fi
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends chromium fonts-dejavu-core >/dev/null
/usr/bin/chromium --version
