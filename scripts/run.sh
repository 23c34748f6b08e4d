#!/usr/bin/env bash
# Build the graph from seeds/ (or the paths given) and open the explorer.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh app
mkdir -p out
.venv/bin/silkgraph build "${@:-seeds/}" --out out/graph.graphml
if [ -f app.py ]; then
    exec .venv/bin/streamlit run app.py --server.headless true -- --graph out/graph.graphml
fi
