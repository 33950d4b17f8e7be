#!/usr/bin/env bash
# The headless browser of the portal's browser tests (PortalBrowserTest): Debian's chromium and chromium-driver.
# Idempotent: does nothing when both are on the PATH. Installs with apt-get only as root; otherwise exits 3 with a
# message (the browser tests then skip, saying why).
set -euo pipefail
if command -v chromium >/dev/null 2>&1 && command -v chromedriver >/dev/null 2>&1; then
    exit 0
fi
if [[ "$(id -u)" != 0 ]]; then
    echo "install-browser: chromium and chromium-driver are missing and this is not root:" \
        "sudo apt-get install chromium chromium-driver" >&2
    exit 3
fi
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends chromium chromium-driver fonts-dejavu-core >/dev/null
command -v chromium >/dev/null && command -v chromedriver >/dev/null
