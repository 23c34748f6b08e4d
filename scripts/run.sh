#!/usr/bin/env bash
# Build the graph from seeds/ (or the paths given) and open the explorer on this machine
# (http://127.0.0.1:8501). SILKGRAPH_ADDRESS=0.0.0.0 opens it to the network: anyone who can
# reach it can add articles. SILKGRAPH_PORT picks another port.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh app
mkdir -p out
.venv/bin/silkgraph build "${@:-seeds/}" --out out/graph.graphml
if [ -f app.py ]; then
    exec .venv/bin/streamlit run app.py --server.headless true \
        --server.address "${SILKGRAPH_ADDRESS:-127.0.0.1}" --server.port "${SILKGRAPH_PORT:-8501}" \
        -- --graph out/graph.graphml
fi
