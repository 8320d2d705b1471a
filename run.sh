#!/usr/bin/env bash
# Builds and runs BonSecours: the Host, the portal and a private PostgreSQL with the demo residence.
# Extra arguments go to the Host, for example: ./run.sh --urls http://127.0.0.1:5391
set -euo pipefail
cd "$(dirname "$0")"
source scripts/prerequisites.sh

require_dotnet
require_postgres

export ASPNETCORE_ENVIRONMENT="${ASPNETCORE_ENVIRONMENT:-Development}"
export BONSECOURS_DATA_DIR="${BONSECOURS_DATA_DIR:-$PWD/.data}"

urls_given=false
for argument in "$@"; do
  if [ "$argument" = "--urls" ] || [[ "$argument" == --urls=* ]]; then
    urls_given=true
  fi
done
if [ "$urls_given" = false ]; then
  set -- --urls http://127.0.0.1:5080 "$@"
fi

dotnet build src/Host/BonSecours.Host.csproj -c Release -nologo -v quiet
# The Host reads appsettings.json from its working directory, so it runs from its build output.
cd src/Host/bin/Release/net10.0
exec dotnet BonSecours.Host.dll "$@"
