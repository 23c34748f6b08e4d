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

function physicsFor(data) {
  // tuned for hundreds to thousands of nodes: Barnes-Hut, few iterations, then frozen
  if (data.nodes.length > data.physics_max_nodes) {
    return {
      enabled: true,
      solver: "barnesHut",
      barnesHut: { gravitationalConstant: -6000, centralGravity: 0.3, springLength: 110,
                   springConstant: 0.04, damping: 0.25, avoidOverlap: 0.1 },
      minVelocity: 2,
      stabilization: { enabled: true, iterations: 200, updateInterval: 50, fit: true },
    };
  }
  return {
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
  };
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
        size: 20,  // drawn at about 12 px once a seeds-sized graph is fitted into the canvas
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
        size: 14,
        align: "middle",
        color: "#55555f",
        strokeWidth: 3,
        strokeColor: "#ffffff",
        face: "Noto Naskh Arabic, Noto Sans Arabic, DejaVu Sans, sans-serif",
      },
    },
    physics: physics ? physicsFor(data) : { enabled: false },
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
    morphs: state.morphs || 0,
    labelsShown: state.labelsShown,
    clusters: Object.keys(state.clusterHub || {}),
    layout: state.layout,
  };
  holder.dataset.settled = state.settled ? "1" : "0";
  holder.dataset.signature = state.signature || "";
}

function settled(state, data, holder, status) {
  // The layout is done: physics off (or the graph jitters), selection and labels applied.
  state.network.setOptions({ physics: { enabled: false } });
  state.settled = true;
  state.settledAt = performance.now();
  status.textContent = "";
  applySelection(state, data);
  applyLabels(state);
  applyClusters(state, data);
  publish(holder, state);
  if (data.report !== false) reportPositions(state, false);
}

function build(vis, state, data, holder, status, setStateValue) {
  if (state.network) {
    state.network.destroy();
    state.network = null;
  }
  state.signature = data.signature;
  state.layout = data.layout;
  state.placed = data.placed || 0;
  state.style = data.style;
  state.settled = false;
  state.settledAt = null;
  state.builds = (state.builds || 0) + 1;
  state.clusterKey = null;
  state.clusterHub = {};
  state.unfolded = new Set();
  rememberLabels(state, data);
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
    settled(state, data, holder, status);
  };
  network.on("zoom", () => scheduleLabels(state, holder));
  if (data.layout === "physics") {
    network.once("stabilizationIterationsDone", settle);
  } else {
    network.once("afterDrawing", settle);
  }
  network.on("click", (params) => {
    const stamp = Date.now();
    if (params.nodes && params.nodes.length) {
      const id = String(params.nodes[0]);  // a fold stands for its hub's leaves: select the hub
      setStateValue("selection", { kind: "node", id: state.clusterHub[id] || id, stamp });
    } else if (params.edges && params.edges.length) {
      setStateValue("selection", { kind: "edge", id: String(params.edges[0]), stamp });
    }
  });
  network.on("dragEnd", (params) => {
    if (params.nodes && params.nodes.length) reportPositions(state, true);
  });
  network.on("doubleClick", (params) => {
    if (params.nodes && params.nodes.length && unfold(state, String(params.nodes[0]))) {
      publish(holder, state);
    } else if (params.nodes && params.nodes.length) {
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
  if (data.style && data.style === state.style) {  // only the selection changed
    applyClusters(state, data);
    applySelection(state, data);
    publish(holder, state);
    return;
  }
  state.style = data.style;
  rememberLabels(state, data);
  state.nodes.update(data.nodes.map(({ x, y, ...rest }) => rest));
  state.edges.update(data.edges);
  applySelection(state, data);
  applyLabels(state);
  applyClusters(state, data);
  publish(holder, state);
}

// --- labels that appear as one zooms in: each node has labelAt, the scale its label needs

function rememberLabels(state, data) {
  state.labels = {};
  state.labelAt = {};
  for (const n of data.nodes) {
    state.labels[n.id] = n.label;
    state.labelAt[n.id] = n.labelAt || 0;
  }
}

function applyLabels(state) {
  if (!state.network || !state.labels) return;
  const scale = state.network.getScale();
  const changes = [];
  let shown = 0;
  state.nodes.forEach((n) => {
    const visible = !(state.labelAt[n.id] > scale);
    const want = visible ? state.labels[n.id] : "";
    if (visible) shown += 1;
    if (n.label !== want) changes.push({ id: n.id, label: want });
  });
  if (changes.length) state.nodes.update(changes);
  state.labelsShown = shown;
}

function scheduleLabels(state, holder) {
  if (state.labelTimer) return;
  state.labelTimer = setTimeout(() => {
    state.labelTimer = null;
    applyLabels(state);
    publish(holder, state);
  }, 80);
}

// --- a changed view (an article added or removed, a filter, the timeline) keeps the layout

function overlap(state, data) {
  const kept = data.nodes.filter((n) => state.nodes.get(n.id)).length;
  return data.nodes.length ? kept / data.nodes.length : 0;
}

function morph(state, data, holder, status) {
  // Nodes already drawn keep their place; new ones start beside their drawn neighbours and
  // a short layout run (old nodes held fixed) settles them; removed ones go.
  const network = state.network;
  openClusters(state);
  const old = network.getPositions();
  const wanted = new Set(data.nodes.map((n) => n.id));
  const wantedEdges = new Set(data.edges.map((e) => e.id));
  state.nodes.remove(state.nodes.getIds().filter((id) => !wanted.has(id)));
  state.edges.remove(state.edges.getIds().filter((id) => !wantedEdges.has(id)));
  const near = {};
  for (const e of data.edges) {
    (near[e.from] = near[e.from] || []).push(e.to);
    (near[e.to] = near[e.to] || []).push(e.from);
  }
  const placed = Object.values(old);
  const cx = placed.reduce((a, p) => a + p.x, 0) / (placed.length || 1);
  const cy = placed.reduce((a, p) => a + p.y, 0) / (placed.length || 1);
  const fresh = [];
  const records = data.nodes.map(({ x, y, ...rest }) => {
    if (old[rest.id]) return { ...rest, fixed: { x: true, y: true } };
    const anchors = (near[rest.id] || []).filter((m) => old[m]).map((m) => old[m]);
    const ax = anchors.length ? anchors.reduce((a, p) => a + p.x, 0) / anchors.length : cx;
    const ay = anchors.length ? anchors.reduce((a, p) => a + p.y, 0) / anchors.length : cy;
    const angle = Math.random() * 2 * Math.PI;
    fresh.push(rest.id);
    return { ...rest, x: ax + 60 * Math.cos(angle), y: ay + 60 * Math.sin(angle) };
  });
  rememberLabels(state, data);
  state.nodes.update(records);
  state.edges.update(data.edges);
  state.signature = data.signature;
  state.style = data.style;
  state.morphs = (state.morphs || 0) + 1;
  const pinned = new Set(data.nodes.filter((n) => n.fixed === true).map((n) => n.id));
  const release = () => {
    state.nodes.update(state.nodes.getIds().map((id) => ({ id, fixed: pinned.has(id) })));
    settled(state, data, holder, status);
  };
  if (!fresh.length) {
    release();
    return;
  }
  state.settled = false;
  status.textContent = "Placing " + fresh.length + " new node" + (fresh.length === 1 ? "" : "s") + "…";
  publish(holder, state);
  const physics = physicsFor(data);
  network.setOptions({ physics: { ...physics, stabilization: { ...physics.stabilization, iterations: 120, fit: false } } });
  network.once("stabilizationIterationsDone", release);
  network.stabilize(120);
}

// --- where the nodes are drawn, for view URLs, saved views and pins (views/placement.py)

function reportPositions(state, moved) {
  if (!state.network || !state.setStateValue) return;
  const pos = {};
  for (const [id, p] of Object.entries(state.network.getPositions())) pos[id] = [Math.round(p.x), Math.round(p.y)];
  const text = JSON.stringify(pos);
  if (!moved && text === state.reported) return;
  state.reported = text;
  state.setStateValue("positions", { pos, moved: !!moved, placed: state.placed || 0 });
}

function downloadPng(holder) {
  // The canvas as drawn (transparent background made white), saved as silkgraph-view.png.
  const canvas = holder.querySelector("canvas");
  if (!canvas) return;
  const out = document.createElement("canvas");
  out.width = canvas.width;
  out.height = canvas.height;
  const ctx = out.getContext("2d");
  ctx.fillStyle = "#ffffff";
  ctx.fillRect(0, 0, out.width, out.height);
  ctx.drawImage(canvas, 0, 0);
  const link = document.createElement("a");
  link.download = "silkgraph-view.png";
  link.href = out.toDataURL("image/png");
  document.body.appendChild(link);
  link.click();
  link.remove();
}

// --- hubs' leaves folded into one node (vis-network clustering), unfolded by a double-click

function openClusters(state) {
  for (const id of Object.keys(state.clusterHub || {})) {
    if (state.network.isCluster(id)) state.network.openCluster(id);
  }
  state.clusterHub = {};
  state.clusterKey = null;
}

function unfold(state, id) {
  if (!state.network || !state.network.isCluster(id)) return false;
  state.unfolded.add(state.clusterHub[id]);
  state.network.openCluster(id);
  delete state.clusterHub[id];
  return true;
}

function applyClusters(state, data) {
  if (!state.network || !state.settled) return;
  const wanted = (data.clusters || []).filter((c) => !state.unfolded.has(c.hub));
  const key = JSON.stringify(wanted.map((c) => [c.id, c.members, c.label, c.title]));  // title: the language
  if (key === state.clusterKey) return;
  openClusters(state);
  state.clusterKey = key;
  for (const c of wanted) {
    const members = new Set(c.members.filter((id) => state.nodes.get(id)));
    if (members.size < 2) continue;
    const placed = Object.values(state.network.getPositions([...members]));
    const x = placed.reduce((a, p) => a + p.x, 0) / placed.length;
    const y = placed.reduce((a, p) => a + p.y, 0) / placed.length;
    state.network.cluster({
      joinCondition: (node) => members.has(String(node.id)),
      clusterNodeProperties: {
        id: c.id, label: c.label, title: c.title, shape: c.shape, size: c.size, x, y,
        color: c.color, borderWidth: 1, font: { size: 18 }, allowSingleNodeCluster: false,
      },
    });
    state.clusterHub[c.id] = c.hub;
  }
}

// --- the drawn view as SVG, GraphML or GEXF: the positions go to Python, the file comes back

function requestExport(state, format, setTriggerValue, status) {
  if (!state.network || !setTriggerValue) return;
  const positions = {};
  state.nodes.getIds().forEach((id) => {
    const p = state.network.getPosition(id);
    positions[id] = [Math.round(p.x * 10) / 10, Math.round(p.y * 10) / 10];
  });
  state.exportAsked = format + ":" + Date.now() + ":" + Math.random().toString(36).slice(2, 8);
  status.classList.remove("sg-error");
  status.textContent = "Preparing the " + format.toUpperCase() + " file…";
  setTriggerValue("export", { format, positions, nonce: state.exportAsked });
}

function deliver(state, data, status) {
  // the file the run after an export request sent: saved once
  const file = data.download;
  if (!file || !file.nonce || file.nonce === state.exportSaved) return;
  state.exportSaved = file.nonce;
  if (file.error) {
    status.classList.add("sg-error");
    status.textContent = "Could not export: " + file.error;
    return;
  }
  const url = URL.createObjectURL(new Blob([file.text], { type: file.mime }));
  const link = document.createElement("a");
  link.download = file.name;
  link.href = url;
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60000);
  if (status.textContent.startsWith("Preparing")) status.textContent = "";
}

function decode(raw) {
  // the app sends UTF-8 JSON bytes (views/component.py encode_payload); plain objects also work
  if (raw instanceof ArrayBuffer || ArrayBuffer.isView(raw)) {
    return JSON.parse(new TextDecoder("utf-8").decode(raw));
  }
  return raw;
}

export default function (component) {
  const { parentElement, setStateValue } = component;
  const data = decode(component.data);
  const holder = parentElement.querySelector(".sg-canvas");
  const status = parentElement.querySelector(".sg-status");
  if (!holder || !data) return;
  const state = holder.__silkgraph || (holder.__silkgraph = {});
  state.setStateValue = setStateValue;
  const fit = parentElement.querySelector(".sg-fit");
  if (fit && !fit.__silkgraph) {
    fit.__silkgraph = true;
    fit.addEventListener("click", () => state.network && state.network.fit({ animation: false }));
  }
  const png = parentElement.querySelector(".sg-png");
  if (png && !png.__silkgraph) {
    png.__silkgraph = true;
    png.addEventListener("click", () => downloadPng(holder));
  }
  for (const button of parentElement.querySelectorAll(".sg-export")) {
    if (button.__silkgraph) continue;
    button.__silkgraph = true;
    button.addEventListener("click", () => requestExport(state, button.dataset.format, state.setTriggerValue, status));
  }
  state.setTriggerValue = component.setTriggerValue;
  deliver(state, data, status);
  loadVis(data.vis_url, data.vis_inline)
    .then((vis) => {
      if (!vis || !vis.Network) throw new Error("vis-network did not load");
      const replace = data.placed && data.placed !== state.placed;  // a saved view's or view URL's positions
      const redraw = state.network && state.signature !== data.signature
        && (data.layout === "geo" || overlap(state, data) < 0.25);
      if (!state.network || replace || state.layout !== data.layout || redraw) {  // a map keeps its places: redrawn
        build(vis, state, data, holder, status, setStateValue);
      } else if (state.signature !== data.signature) {
        morph(state, data, holder, status);
      } else {
        update(state, data, holder);
        // the first change from the opening view: report its layout (nothing settles on an update)
        if (data.report !== false && state.settled) reportPositions(state, false);
      }
    })
    .catch((err) => {
      status.classList.add("sg-error");
      status.textContent = "Could not draw the graph: " + err.message;
    });
}
