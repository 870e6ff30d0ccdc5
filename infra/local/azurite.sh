#!/usr/bin/env bash
# Runs Azurite's Blob, Queue and Table services durably (data in .azurite/ at the repository root) on 127.0.0.1:10000,
# 10001 and 10002, the ports 'UseDevelopmentStorage=true' points at. Installs the pinned Azurite (infra/local/azurite)
# on first use.
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
pkg="$root/infra/local/azurite"
main="$pkg/node_modules/azurite/dist/src/azurite.js"
[ -f "$main" ] || (cd "$pkg" && npm ci --no-audit --no-fund --loglevel=error)
mkdir -p "$root/.azurite"
exec node "$main" --blobHost 127.0.0.1 --blobPort "${AZURITE_BLOB_PORT:-10000}" \
  --queueHost 127.0.0.1 --queuePort "${AZURITE_QUEUE_PORT:-10001}" \
  --tableHost 127.0.0.1 --tablePort "${AZURITE_TABLE_PORT:-10002}" \
  --location "$root/.azurite" --disableTelemetry --skipApiVersionCheck
