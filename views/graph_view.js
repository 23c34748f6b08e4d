// The graph component: draws the view Python sends and reports clicks back.
//
// Streamlit calls the default export again on every change of `data`, with the same
// parent element. The vis Network lives on that element and is rebuilt only when the
// graph signature (the set of drawn nodes and edges) changes; otherwise labels and
// highlights are updated in place, so the layout never resets on a click.
//
// Every label and tooltip arrives as plain text. vis-network sets string tooltips with
// innerText and draws labels on a canvas, so article text is never parsed as HTML.

const LOAD_KEY = "__silkgraphVisLoading";

function loadVis(url, inline) {
  if (window.vis && window.vis.Network) return Promise.resolve(window.vis);
  if (!window[LOAD_KEY]) {
    window[LOAD_KEY] = new Promise((resolve, reject) => {
      const script = document.createElement("script");
      if (url) {
        script.src = new URL(url, document.baseURI).href;
        script.onload = () => resolve(window.vis);
        script.onerror = () => {
          window[LOAD_KEY] = null;
          reject(new Error("could not load vis-network from " + url));
        };
        document.head.appendChild(script);
      } else {
        script.textContent = inline;
        document.head.appendChild(script);
        resolve(window.vis);
      }
    });
  }
  return window[LOAD_KEY];
}

function options(data) {
  const big = data.nodes.length > data.physics_max_nodes;  // app.py PHYSICS_MAX_NODES
  const physics = data.layout === "physics";
  return {
    autoResize: true,
    layout: { randomSeed: 7, improvedLayout: !big && physics },
    interaction: {
      hover: true,
      tooltipDelay: 120,
      hideEdgesOnDrag: big,
      hideEdgesOnZoom: big,
      navigationButtons: false,
      keyboard: false,
      multiselect: false,
    },
    nodes: {
      borderWidth: 1,
      font: {
        size: 16,
        face: "Noto Naskh Arabic, Noto Sans Arabic, DejaVu Sans, sans-serif",
        color: "#1f1f24",
        strokeWidth: 4,
        strokeColor: "#ffffff",
      },
    },
    edges: {
      smooth: false,
      selectionWidth: 2,
      color: { inherit: false },
      font: {
        size: 12,
        align: "middle",
        color: "#55555f",
        strokeWidth: 3,
        strokeColor: "#ffffff",
        face: "Noto Naskh Arabic, Noto Sans Arabic, DejaVu Sans, sans-serif",
      },
    },
    physics: physics
      ? big
        ? {
            // tuned for hundreds to thousands of nodes: Barnes-Hut, few iterations, then frozen
            enabled: true,
            solver: "barnesHut",
            barnesHut: { gravitationalConstant: -6000, centralGravity: 0.3, springLength: 110,
                         springConstant: 0.04, damping: 0.25, avoidOverlap: 0.1 },
            minVelocity: 2,
            stabilization: { enabled: true, iterations: 200, updateInterval: 50, fit: true },
          }
        : {
            enabled: true,
            solver: "forceAtlas2Based",
            forceAtlas2Based: {
              gravitationalConstant: -110,
              centralGravity: 0.015,
              springLength: 140,
              springConstant: 0.05,
              avoidOverlap: 0.8,
            },
            minVelocity: 1.5,
            stabilization: { enabled: true, iterations: 400, updateInterval: 25, fit: true },
          }
      : { enabled: false },
  };
}

function publish(holder, state) {
  // For tests and benchmarks: the network and when it settled.
  window.silkgraph = {
    network: state.network,
    nodes: state.nodes,
    edges: state.edges,
    signature: state.signature,
    settled: state.settled,
    settledAt: state.settledAt,
    buildStartedAt: state.buildStartedAt,
    drawnNodes: state.nodes ? state.nodes.length : 0,
    builds: state.builds,
  };
  holder.dataset.settled = state.settled ? "1" : "0";
  holder.dataset.signature = state.signature || "";
}

function build(vis, state, data, holder, status, setStateValue) {
  if (state.network) {
    state.network.destroy();
    state.network = null;
  }
  state.signature = data.signature;
  state.settled = false;
  state.settledAt = null;
  state.builds = (state.builds || 0) + 1;
  state.buildStartedAt = performance.now();
  state.nodes = new vis.DataSet(data.nodes);
  state.edges = new vis.DataSet(data.edges);
  holder.style.height = (data.height || 620) + "px";
  status.classList.remove("sg-error");
  status.textContent =
    data.layout === "physics" ? "Laying out " + data.nodes.length + " nodes…" : "Drawing " + data.nodes.length + " nodes…";
  publish(holder, state);

  const network = new vis.Network(holder, { nodes: state.nodes, edges: state.edges }, options(data));
  state.network = network;
  const settle = () => {
    if (state.network !== network || state.settled) return;
    network.setOptions({ physics: { enabled: false } });
    state.settled = true;
    state.settledAt = performance.now();
    status.textContent = "";
    applySelection(state, data);
    publish(holder, state);
  };
  if (data.layout === "physics") {
    network.once("stabilizationIterationsDone", settle);
  } else {
    network.once("afterDrawing", settle);
  }
  network.on("click", (params) => {
    const stamp = Date.now();
    if (params.nodes && params.nodes.length) {
      setStateValue("selection", { kind: "node", id: String(params.nodes[0]), stamp });
    } else if (params.edges && params.edges.length) {
      setStateValue("selection", { kind: "edge", id: String(params.edges[0]), stamp });
    }
  });
  network.on("doubleClick", (params) => {
    if (params.nodes && params.nodes.length) {
      setStateValue("selection", { kind: "expand", id: String(params.nodes[0]), stamp: Date.now() });
    }
  });
  publish(holder, state);
}

function applySelection(state, data) {
  if (!state.network) return;
  const wanted = data.selected;
  if (wanted && state.nodes.get(wanted)) {
    state.network.selectNodes([wanted], false);
  } else {
    state.network.unselectAll();
  }
}

function update(state, data, holder) {
  // Same nodes and edges: refresh labels, colours and tooltips; positions stay.
  state.nodes.update(data.nodes.map(({ x, y, ...rest }) => rest));
  state.edges.update(data.edges);
  applySelection(state, data);
  publish(holder, state);
}

export default function (component) {
  const { data, parentElement, setStateValue } = component;
  const holder = parentElement.querySelector(".sg-canvas");
  const status = parentElement.querySelector(".sg-status");
  if (!holder || !data) return;
  const state = holder.__silkgraph || (holder.__silkgraph = {});
  const fit = parentElement.querySelector(".sg-fit");
  if (fit && !fit.__silkgraph) {
    fit.__silkgraph = true;
    fit.addEventListener("click", () => state.network && state.network.fit({ animation: false }));
  }
  loadVis(data.vis_url, data.vis_inline)
    .then((vis) => {
      if (!vis || !vis.Network) throw new Error("vis-network did not load");
      if (!state.network || state.signature !== data.signature) {
        build(vis, state, data, holder, status, setStateValue);
      } else {
        update(state, data, holder);
      }
    })
    .catch((err) => {
      status.classList.add("sg-error");
      status.textContent = "Could not draw the graph: " + err.message;
    });
}
