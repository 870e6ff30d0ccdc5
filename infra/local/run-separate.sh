#!/usr/bin/env bash
# Runs Switchboard as two processes on 127.0.0.1: a silo, and the API host as an Orleans client of it.
# Ctrl+C stops both (by PID).
set -euo pipefail
cd "$(dirname "$0")/../.."

dotnet build Switchboard.slnx -v quiet -nologo
dotnet run --no-build --project silo &
silo=$!
trap 'kill "$silo" "${api:-}" 2>/dev/null || true; wait' EXIT INT TERM

# The API connects once the silo's gateway listens.
for _ in $(seq 1 120); do
  if (exec 3<>/dev/tcp/127.0.0.1/"${Orleans__GatewayPort:-30000}") 2>/dev/null; then break; fi
  sleep 0.5
done

Orleans__Mode=Client dotnet run --no-build --project api &
api=$!
wait "$api"
