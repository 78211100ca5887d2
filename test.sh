#!/usr/bin/env bash
# Runs every test of the solution on a fresh machine: restore, build (warnings are errors), test.
# Database tests use TEST_POSTGRES (an Npgsql connection string) when it is set; otherwise a throwaway
# PostgreSQL is installed if needed (apt), started on loopback for the run, and stopped afterwards.
set -euo pipefail
cd "$(dirname "$0")"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
if [ -z "${TEST_POSTGRES:-}" ]; then
  # shellcheck source=scripts/throwaway-postgres.sh
  source scripts/throwaway-postgres.sh
fi
dotnet restore Orleans.sln
dotnet build Orleans.sln -c Release --no-restore
dotnet test Orleans.sln -c Release --no-build
