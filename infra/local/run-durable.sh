#!/usr/bin/env bash
# Switchboard on Azurite: durable state on the embedded default (one process). Starts Azurite (data in .azurite/),
# then the API host with Storage:Provider=AzureTables; Ctrl+C stops both (by PID).
set -euo pipefail
cd "$(dirname "$0")/../.."

infra/local/azurite.sh > .azurite.log 2>&1 &
azurite=$!
trap 'kill "$azurite" "${api:-}" 2>/dev/null || true; wait' EXIT INT TERM
for _ in $(seq 1 120); do
  if (exec 3<>/dev/tcp/127.0.0.1/"${AZURITE_TABLE_PORT:-10002}") 2>/dev/null; then break; fi
  sleep 0.5
done

Storage__Provider=AzureTables ConnectionStrings__AzureStorage="${ConnectionStrings__AzureStorage:-UseDevelopmentStorage=true}" \
  dotnet run --project api &
api=$!
wait "$api"
