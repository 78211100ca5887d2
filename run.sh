#!/usr/bin/env bash
# Runs the platform on embedded defaults until Ctrl+C (see README.md).
set -euo pipefail
cd "$(dirname "$0")"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
exec dotnet run -c Release --project Silo -- run "$@"
