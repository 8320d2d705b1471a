#!/usr/bin/env bash
# Checks, and installs where it can, what BonSecours needs on a Debian machine.
# Sourced by run.sh and test.sh; each function exits with the command to run when it cannot help.

require_dotnet() {
  if ! command -v dotnet >/dev/null 2>&1; then
    echo "The .NET 10 SDK is missing. Install it from Microsoft's Debian packages: https://learn.microsoft.com/dotnet/core/install/linux-debian" >&2
    exit 1
  fi
}

# Runs apt-get as root or through sudo; returns non-zero when neither is possible.
apt_install() {
  local runner=""
  if [ "$(id -u)" -ne 0 ]; then
    if command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
      runner="sudo"
    else
      return 1
    fi
  fi
  $runner apt-get update -qq >/dev/null && DEBIAN_FRONTEND=noninteractive $runner apt-get install -y -qq "$@" >/dev/null
}

require_postgres() {
  if command -v pg_ctl >/dev/null 2>&1 || ls /usr/lib/postgresql/*/bin/pg_ctl >/dev/null 2>&1; then
    return
  fi
  echo "Installing the PostgreSQL server binaries (Debian package postgresql)..."
  if ! apt_install postgresql; then
    echo "PostgreSQL server binaries are missing. Install them with: sudo apt-get install -y postgresql" >&2
    exit 1
  fi
}

require_chromium() {
  if [ -x /usr/bin/chromium ]; then
    return
  fi
  echo "Installing Chromium for the browser tests (Debian package chromium)..."
  if ! apt_install chromium; then
    echo "Chromium is missing for the browser tests. Install it with: sudo apt-get install -y chromium" >&2
    exit 1
  fi
}
