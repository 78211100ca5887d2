#!/usr/bin/env bash
# Runs a benchmark by name; see bench/README.md. Usage: bench/run.sh runtime|storage|orders|backtest|models|http [options]
set -euo pipefail
cd "$(dirname "$0")/.."
name="${1:-}"
shift || true
case "$name" in
  runtime)
    dotnet run -c Release --project bench/Runtime.Bench -- runtime "$@"
    ;;
  storage)
    # PostgreSQL from BENCH_POSTGRES or TEST_POSTGRES; otherwise a throwaway cluster, stopped when this script exits.
    if [ -z "${BENCH_POSTGRES:-}" ] && [ -z "${TEST_POSTGRES:-}" ]; then
      # shellcheck source=../scripts/throwaway-postgres.sh
      source scripts/throwaway-postgres.sh
    fi
    dotnet run -c Release --project bench/Storage.Bench -- storage "$@"
    ;;
  orders)
    dotnet run -c Release --project bench/Orders.Bench -- orders "$@"
    ;;
  backtest)
    dotnet run -c Release --project bench/Backtest.Bench -- backtest "$@"
    ;;
  models)
    dotnet run -c Release --project bench/Models.Bench -- models "$@"
    ;;
  http)
    # The platform under test runs in its own process (the Silo's build); the driver is this separate process.
    dotnet build -c Release Silo/Silo.csproj -v quiet -nologo
    dotnet run -c Release --project bench/Http.Bench -- http "$@"
    ;;
  *)
    echo "usage: bench/run.sh runtime [--grains N] [--callers N] [--calls N] [--rounds N] [--paced-seconds N]" >&2
    echo "       bench/run.sh storage [--writers N] [--warmup-seconds N] [--seconds N] [--rounds N] [--stream-events N] [--streams N]" \
      "[--publishers N] [--paced-rate N] [--paced-seconds N]" >&2
    echo "       bench/run.sh orders [--risk-checks N] [--portfolios N] [--callers N] [--orders N] [--rounds N] [--paced-seconds N] [--storage memory|discard]" >&2
    echo "       bench/run.sh backtest [--symbols N] [--years N] [--rounds N]" >&2
    echo "       bench/run.sh models [--symbols N] [--years N] [--trees N] [--leaves N] [--predictions N]" >&2
    echo "       bench/run.sh http [--connections N] [--seconds N] [--warmup-seconds N] [--portfolios N] [--port N]" >&2
    exit 2
    ;;
esac
