#!/usr/bin/env bash
# Builds candor-policy.vsix with @vscode/vsce from the npm registry.
set -euo pipefail
cd "$(dirname "$0")"
npm ci --no-audit --no-fund
npm test
npx vsce package --skip-license --out candor-policy.vsix
