#!/usr/bin/env bash
# Regenerate man/ and completions/ from the clap definitions (commit the result).
set -euo pipefail
cd "$(dirname "$0")/.."
HAKIT_BLESS=1 cargo test --quiet --test main docs::
git status --short man completions
