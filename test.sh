#!/usr/bin/env bash
# Runs every test of the solution on a fresh machine: restore, build (warnings are errors), test.
# Needs only the .NET SDK of global.json. Later issues add their own set-up here (e.g. PostgreSQL).
set -euo pipefail
cd "$(dirname "$0")"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
dotnet restore Orleans.sln
dotnet build Orleans.sln -c Release --no-restore
dotnet test Orleans.sln -c Release --no-build
