'use strict';
// The /lineage page: a tag's lineage (upstream to its source systems, or downstream to derived tags) or a
// source's impact, drawn left to right as data flows: systems → tables → fields → tags → classes.
// Plain script, no build step; Cytoscape.js draws, dagre orders the nodes inside each column.

const LINEAGE = `query Lineage($code: ID!, $direction: LineageDirection) {
  lineage(tagCode: $code, direction: $direction) {
    tag { code name tagClass { code name } classChain { code name } }
    nodes { code kind name degree customerCount }
    edges { from to kind transform }
    sourceSystems { code name }
    isPartial
  }
}`;

const IMPACT = `query Impact($code: ID!) {
  impact(sourceCode: $code) {
    source { code kind name }
    nodes { code kind name degree customerCount }
    edges { from to kind transform }
    tags { tag { code } }
    classes { tagClass { code } }
    customerCount
    isPartial
  }
}`;

const CATALOGUE = `{ sourceSystems { code name tables { code name fields { code name } } } }`;
const SEARCH = `query Search($text: String!) { searchTags(text: $text, first: 20) { code name } }`;

// Left-to-right column of each kind; derived tags get one column more per derivation hop.
const COLUMN = { SOURCE_SYSTEM: 0, SOURCE_TABLE: 1, SOURCE_FIELD: 2, TAG: 3 };
const VAR = { SOURCE_SYSTEM: '--system', SOURCE_TABLE: '--table', SOURCE_FIELD: '--field', TAG: '--tag', TAG_CLASS: '--class' };
const FONT = getComputedStyle(document.body).getPropertyValue('--font').trim();
const colour = kind => getComputedStyle(document.documentElement).getPropertyValue(VAR[kind]).trim();
const $ = id => document.getElementById(id);

const sources = new Map(); // every source code in the catalogue → its name, for the pick list
let cy;
let latest = 0; // the last view asked for: a slower answer to an earlier click must not replace it

async function graphql(query, variables = {}) {
  const response = await fetch('/graphql', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Accept: 'application/graphql-response+json' },
    body: JSON.stringify({ query, variables }),
  });
  const body = await response.json().catch(() => ({ errors: [{ message: `HTTP ${response.status} ${response.statusText}` }] }));
  const errors = (body.errors || []).map(e => e.message + (e.extensions?.code ? ` [${e.extensions.code}]` : ''));
  return { data: body.data, errors };
}

// A code is a source when the catalogue knows it or it is qualified (S1.C_CONS); otherwise a tag.
const isSource = code => sources.has(code) || code.includes('.');

function direction() {
  return document.querySelector('input[name=direction]:checked').value;
}

async function show(code, dir, push) {
  code = code.trim();
  if (!code) return;
  $('code').value = code;
  const source = isSource(code);
  document.querySelector(`input[name=direction][value=${dir}]`).checked = true;
  $('direction').disabled = source;
  if (push) {
    const url = new URL(location.href);
    url.search = new URLSearchParams(source || dir === 'UPSTREAM' ? { code } : { code, direction: dir });
    history.pushState(null, '', url);
  }
  setState('loading', code);
  const ticket = ++latest;
  try {
    const reply = source ? await graphql(IMPACT, { code }) : await graphql(LINEAGE, { code, direction: dir });
    if (ticket !== latest) return;
    const result = reply.data && (source ? reply.data.impact : reply.data.lineage);
    showErrors(reply.errors);
    if (!result) {
      if (!reply.errors.length) showErrors([`No ${source ? 'source system, table or field' : 'tag'} with code ${code}.`]);
      $('summary').textContent = '';
      showRule(null, []);
      draw([], [], code);
      setState('error', code);
      return;
    }
    const { nodes, edges } = source ? result : withClass(result);
    $('summary').textContent = source ? impactSummary(result) : lineageSummary(result, dir);
    $('partial').hidden = !result.isPartial;
    showRule(source ? null : code, edges);
    draw(nodes, edges, code);
    setState(reply.errors.length ? 'error' : 'ready', code);
  }
  catch (e) {
    if (ticket !== latest) return;
    showErrors([`Request failed: ${e.message}`]);
    $('summary').textContent = '';
    setState('error', code);
  }
}

// A computed tag's rule: the SQL its lineage edges carry as their transform, read by the engine's
// binder when the rule was approved. Each edge shows it again when tapped.
function showRule(code, edges) {
  const own = (edges || []).find(e => e.from === code && e.kind === 'DERIVED_FROM' && e.transform);
  $('rule').hidden = !own;
  $('rule-sql').textContent = own ? own.transform : '';
  $('rule-title').textContent = own ? `Rule of ${code} (the transform of its ${
    edges.filter(e => e.from === code && e.kind === 'DERIVED_FROM').length} lineage edges)` : '';
}

// Lineage stops at the tag; its class goes at the right, as impact draws classes.
function withClass(lineage) {
  const tag = lineage.tag;
  return {
    nodes: [...lineage.nodes, { code: tag.tagClass.code, kind: 'TAG_CLASS', name: tag.tagClass.name }],
    edges: [...lineage.edges, { from: tag.code, to: tag.tagClass.code, kind: 'IN_CLASS' }],
  };
}

function lineageSummary(lineage, dir) {
  const tag = lineage.tag;
  const chain = tag.classChain.map(c => `${c.code} ${c.name}`).join(' › ');
  const systems = lineage.sourceSystems.map(s => `${s.code} ${s.name}`).join(', ');
  const tags = lineage.nodes.filter(n => n.kind === 'TAG').length - 1;
  return `${tag.code} ${tag.name} (${chain}) — ` + (dir === 'UPSTREAM'
    ? `from ${lineage.sourceSystems.length} source system(s): ${systems || 'none recorded'}`
    : `${tags} tag(s) derived from it`);
}

function impactSummary(impact) {
  const s = impact.source;
  const name = s.name && s.name !== s.code.split('.').pop() ? ` ${s.name}` : '';
  return `${s.code}${name} — affects ${impact.tags.length} tag(s) in ${impact.classes.length} class(es), `
    + `${count(impact.customerCount)} distinct customer(s)`;
}

const count = n => (n ?? 0).toLocaleString('en');

function showErrors(messages) {
  $('error').hidden = !messages.length;
  $('error').textContent = messages.join('\n');
}

// For tests and scripts: body[data-state] is loading, ready or error, for body[data-code].
function setState(state, code) {
  document.body.dataset.state = state;
  document.body.dataset.code = code;
  if (state === 'loading') {
    $('summary').textContent = `Loading ${code}…`;
    showErrors([]);
    $('partial').hidden = true;
    $('detail').textContent = '';
  }
}

function label(n) {
  const local = n.code.split('.').pop();
  switch (n.kind) {
    case 'TAG':
      return `${n.code}\n${n.name ?? ''}` + (n.customerCount != null ? `\n${count(n.customerCount)} customers` : '');
    case 'SOURCE_FIELD':
      return local;
    case 'SOURCE_TABLE':
      return n.name && n.name !== local ? `${local}\n${n.name}` : local;
    default:
      return `${n.code}\n${n.name ?? ''}`;
  }
}

// Node boxes fit their label, measured in the font Cytoscape draws with.
const measure = document.createElement('canvas').getContext('2d');
function size(text) {
  measure.font = `12px ${FONT}`;
  const lines = text.split('\n');
  return { w: Math.max(...lines.map(l => measure.measureText(l).width)) + 20, h: lines.length * 15 + 12 };
}

// Edges run derived → source in the data; flow runs source → derived, except a tag's class, which follows it.
function flow(e) {
  return e.kind === 'IN_CLASS' ? [e.from, e.to] : [e.to, e.from];
}

// Columns: fixed per source kind; a tag one right of the rightmost tag it is derived from; classes last.
function columns(nodes, edges) {
  const byCode = new Map(nodes.map(n => [n.code, n]));
  const feeders = new Map();
  edges.filter(e => e.kind === 'DERIVED_FROM').forEach(e => {
    const [from, to] = flow(e);
    if (byCode.get(from)?.kind === 'TAG') feeders.set(to, [...(feeders.get(to) || []), from]);
  });
  const column = new Map();
  const place = (code, seen) => {
    if (column.has(code)) return column.get(code);
    if (seen.has(code)) return COLUMN.TAG; // derivations are acyclic; this only guards against bad data
    seen.add(code);
    const c = Math.max(COLUMN.TAG, ...(feeders.get(code) || []).map(f => place(f, seen) + 1));
    column.set(code, c);
    return c;
  };
  nodes.filter(n => n.kind !== 'TAG_CLASS').forEach(n => column.set(n.code, n.kind === 'TAG' ? place(n.code, new Set()) : COLUMN[n.kind]));
  const last = Math.max(COLUMN.TAG, ...column.values()) + 1;
  nodes.filter(n => n.kind === 'TAG_CLASS').forEach(n => column.set(n.code, last));
  return column;
}

// dagre orders each column to cut crossings and routes each edge between the nodes. Every edge's minimum
// length is its column span, so the optimal ranking keeps every node in its column.
function layout(elements, column) {
  const g = new dagre.graphlib.Graph({ multigraph: true });
  g.setGraph({ rankdir: 'LR', nodesep: 14, ranksep: 70, edgesep: 6 });
  elements.nodes.forEach(n => g.setNode(n.data.id, { width: n.data.w, height: n.data.h }));
  elements.edges.forEach(e => g.setEdge(e.data.source, e.data.target,
    { minlen: Math.max(1, column.get(e.data.target) - column.get(e.data.source)) }, e.data.id));
  dagre.layout(g);
  const at = Object.fromEntries(g.nodes().map(id => [id, { x: g.node(id).x, y: g.node(id).y }]));
  elements.edges.forEach(e => Object.assign(e.data,
    route(at[e.data.source], at[e.data.target], g.edge(e.data.source, e.data.target, e.data.id).points.slice(1, -1))));
  return at;
}

// dagre's bend points as Cytoscape control points: a weight along the line between the two node centres
// and a distance across it.
function route(s, t, points) {
  const dx = t.x - s.x, dy = t.y - s.y, length2 = dx * dx + dy * dy || 1;
  return {
    weights: points.map(p => ((p.x - s.x) * dx + (p.y - s.y) * dy) / length2),
    distances: points.map(p => ((p.y - s.y) * dx - (p.x - s.x) * dy) / Math.sqrt(length2)),
  };
}

function draw(nodes, edges, focus) {
  const known = new Set(nodes.map(n => n.code));
  const elements = {
    nodes: nodes.map(n => {
      const text = label(n);
      return { data: { id: n.code, kind: n.kind, name: n.name, degree: n.degree, customerCount: n.customerCount,
        label: text, ...size(text) }, classes: n.code === focus ? 'focus' : '' };
    }),
    edges: edges.filter(e => known.has(e.from) && known.has(e.to)).map((e, i) => {
      const [source, target] = flow(e);
      return { data: { id: `e${i}`, source, target, kind: e.kind, from: e.from, to: e.to, transform: e.transform } };
    }),
  };
  const at = layout(elements, columns(nodes, edges));
  cy.elements().remove();
  cy.add(elements);
  cy.layout({ name: 'preset', positions: n => at[n.id()], fit: true, padding: 24, animate: false }).run();
  if (cy.zoom() > 1.3) { // a few nodes: keep them at reading size rather than filling the screen
    cy.zoom(1.3);
    cy.center();
  }
}

function describe(n) {
  const d = n.data();
  const parts = [`${d.id}${d.name && d.kind !== 'SOURCE_FIELD' ? ' ' + d.name : ''}`, d.kind.replace('_', ' ').toLowerCase()];
  if (d.degree != null) parts.push(`${d.degree} hop(s) away`);
  if (d.customerCount != null) parts.push(`${count(d.customerCount)} customers`);
  return parts.join(' · ') + (d.kind === 'TAG_CLASS' ? '' : ' — click to centre here');
}

function start() {
  cy = window.cy = cytoscape({
    container: $('graph'),
    wheelSensitivity: 0.3,
    minZoom: 0.1,
    maxZoom: 3,
    style: [
      { selector: 'node', style: {
        shape: 'round-rectangle', width: 'data(w)', height: 'data(h)', label: 'data(label)',
        'text-wrap': 'wrap', 'text-valign': 'center', 'text-halign': 'center', 'font-size': 12,
        'font-family': FONT, 'line-height': 1.25, color: '#fff', 'border-width': 0 } },
      ...Object.keys(VAR).map(kind => ({ selector: `node[kind = "${kind}"]`, style: { 'background-color': colour(kind) } })),
      { selector: 'node.focus', style: { 'border-width': 4, 'border-color': '#1a1a1a' } },
      { selector: 'edge', style: {
        width: 1.5, 'curve-style': 'unbundled-bezier', 'edge-distances': 'node-position',
        'control-point-weights': e => e.data('weights'), 'control-point-distances': e => e.data('distances'),
        'line-color': '#9aa5b1', 'target-arrow-color': '#9aa5b1',
        'target-arrow-shape': 'triangle', 'arrow-scale': 0.8 } },
      { selector: 'edge[kind = "DERIVED_FROM"]', style: { 'line-color': '#c98a3e', 'target-arrow-color': '#c98a3e' } },
      { selector: 'edge[kind = "IN_CLASS"]', style: { 'line-style': 'dashed', 'target-arrow-shape': 'none' } },
      { selector: ':selected', style: { 'overlay-opacity': 0.15 } },
    ],
  });
  cy.on('tap', 'node', e => {
    const kind = e.target.data('kind');
    if (kind !== 'TAG_CLASS') show(e.target.id(), kind === 'TAG' ? direction() : 'UPSTREAM', true);
  });
  cy.on('mouseover', 'node', e => { $('detail').textContent = describe(e.target); });
  cy.on('tap', 'edge', e => {
    const d = e.target.data();
    $('detail').textContent = `${d.from} ${d.kind} ${d.to}${d.transform ? ' — ' + d.transform : ''}`;
  });

  $('ask').addEventListener('submit', e => {
    e.preventDefault();
    show($('code').value, direction(), true);
  });
  document.querySelectorAll('input[name=direction]').forEach(r => r.addEventListener('change', () => {
    if ($('code').value.trim()) show($('code').value, direction(), true);
  }));
  let typing;
  $('code').addEventListener('input', () => {
    clearTimeout(typing);
    typing = setTimeout(suggest, 200);
  });
  window.addEventListener('popstate', fromUrl);

  catalogue().finally(fromUrl);
}

// The source catalogue is read once: it feeds the pick list and tells source codes from tag codes.
async function catalogue() {
  const { data, errors } = await graphql(CATALOGUE);
  showErrors(errors);
  (data?.sourceSystems || []).forEach(s => {
    sources.set(s.code, s.name);
    s.tables.forEach(t => {
      sources.set(t.code, t.name);
      t.fields.forEach(f => sources.set(f.code, f.name));
    });
  });
  suggest();
}

async function suggest() {
  const text = $('code').value.trim();
  const tags = text ? (await graphql(SEARCH, { text })).data?.searchTags || [] : [];
  const matching = [...sources].filter(([code]) => !text || code.toLowerCase().startsWith(text.toLowerCase())).slice(0, 40);
  const options = [...tags.map(t => [t.code, t.name]), ...matching].map(([code, name]) => {
    const option = document.createElement('option');
    option.value = code;
    option.label = name ? `${code} ${name}` : code;
    return option;
  });
  $('codes').replaceChildren(...options);
}

function fromUrl() {
  const params = new URLSearchParams(location.search);
  const code = params.get('code');
  if (code) show(code, params.get('direction') === 'DOWNSTREAM' ? 'DOWNSTREAM' : 'UPSTREAM', false);
}

start();
