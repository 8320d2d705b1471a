#!/usr/bin/env bash
# Runs every BonSecours test project against a real PostgreSQL and a real headless Chromium.
# One throwaway PostgreSQL cluster serves all test projects; each test host creates its own database.
set -euo pipefail
cd "$(dirname "$0")"
source scripts/prerequisites.sh

require_dotnet
require_postgres
require_chromium

dotnet build BonSecours.sln -c Release -nologo -v quiet

cluster_root="$(mktemp -d /tmp/bonsecours-test-cluster.XXXXXX)"
chmod 755 "$cluster_root"
cleanup() {
  dotnet src/Host/bin/Release/net10.0/BonSecours.Host.dll local-postgres stop --folder "$cluster_root" >/dev/null 2>&1 || true
  rm -rf "$cluster_root"
}
trap cleanup EXIT
BONSECOURS_TEST_POSTGRES="$(dotnet src/Host/bin/Release/net10.0/BonSecours.Host.dll local-postgres start --folder "$cluster_root" | tail -n 1)"
export BONSECOURS_TEST_POSTGRES

status=0
summary="$cluster_root/summary.txt"
for project in tests/Unit tests/Architecture tests/Integration tests/EndToEnd; do
  if [ -d "$project" ] && ls "$project"/*.csproj >/dev/null 2>&1; then
    echo "== $project"
    dotnet test "$project" -c Release --no-build -nologo --logger "console;verbosity=minimal" | tee -a "$summary" || status=1
  fi
done

# One closing line for all projects, in the form CI systems read: "N passed, N failed".
awk -F'[:,]' '/(Passed|Failed)! +- +Failed/ { failed += $2; passed += $4 } END { printf "%d passed, %d failed\n", passed, failed }' "$summary"
exit $status
