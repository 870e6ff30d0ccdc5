#!/usr/bin/env bash
# Runs Azurite's Table service durably (data in .azurite/ at the repository root) on 127.0.0.1:10002, the port
# 'UseDevelopmentStorage=true' points at. Installs the pinned Azurite (infra/local/azurite) on first use.
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
pkg="$root/infra/local/azurite"
main="$pkg/node_modules/azurite/dist/src/table/main.js"
[ -f "$main" ] || (cd "$pkg" && npm ci --no-audit --no-fund --loglevel=error)
mkdir -p "$root/.azurite"
exec node "$main" --tableHost 127.0.0.1 --tablePort "${AZURITE_TABLE_PORT:-10002}" \
  --location "$root/.azurite" --disableTelemetry --skipApiVersionCheck
