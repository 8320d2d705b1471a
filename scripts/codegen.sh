#!/usr/bin/env bash
# Regenerates the Wolverine handler code that the Host loads outside Development
# (src/Host/Internal/Generated). Run it after adding or changing a Wolverine handler and
# commit the result; tests outside Development fail while it is missing or stale.
set -euo pipefail
cd "$(dirname "$0")/.."
rm -rf src/Host/Internal/Generated
ASPNETCORE_ENVIRONMENT=Development dotnet run --project src/Host/BonSecours.Host.csproj -- codegen write
