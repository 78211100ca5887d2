#!/usr/bin/env bash
# Runs a benchmark by name; see bench/README.md. Usage: bench/run.sh runtime [options]
set -euo pipefail
cd "$(dirname "$0")/.."
name="${1:-}"
shift || true
case "$name" in
  runtime)
    dotnet run -c Release --project bench/Runtime.Bench -- runtime "$@"
    ;;
  *)
    echo "usage: bench/run.sh runtime [--grains N] [--callers N] [--calls N] [--rounds N] [--paced-seconds N]" >&2
    exit 2
    ;;
esac
