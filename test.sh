#!/usr/bin/env bash
# Runs every test of the solution on a fresh machine: restore, build (warnings are errors), test.
# Database tests use TEST_POSTGRES (an Npgsql connection string) when it is set; otherwise a throwaway
# PostgreSQL is installed if needed (apt), started on loopback for the run, and stopped afterwards. The browser tests
# need Debian's chromium, installed with apt when missing.
set -euo pipefail
cd "$(dirname "$0")"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
if [ -z "${TEST_POSTGRES:-}" ]; then
  # shellcheck source=scripts/throwaway-postgres.sh
  source scripts/throwaway-postgres.sh
fi
# The dashboard's browser tests drive Debian's chromium (never a browser Playwright downloads).
if ! command -v chromium >/dev/null 2>&1; then
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
fi
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1
dotnet restore Orleans.sln
dotnet build Orleans.sln -c Release --no-restore
dotnet test Orleans.sln -c Release --no-build
