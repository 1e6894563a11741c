// Parley workbench: one page, plain ES module, no framework (docs/workbench.md). Every view is
// built from the JSON API of `parley serve`; the routes live in the URL's hash so they never
// collide with the API's paths. A view adds NAME to <body data-ready> when it is usable, and the name of each
// later stage it reaches (the run view: "run", then "run run-charts"); see ready(). A view draws and marks
// through its page handle (pageHandle), which goes quiet once the route has changed.

const main = document.getElementById('main');
const statusLine = document.getElementById('status');
let models = null;      // GET /models, loaded once
let current = null;     // the view's teardown (EventSource, timers)
let routeGeneration = 0; // counts route changes; a view's page handle is live while it is the latest
let leaveWarning = null; // the view's question before its page is left (the editor's unsaved changes), or null

// ---------- small helpers ----------

function h(tag, attributes = {}, ...children) {
  const element = document.createElement(tag);
  for (const [key, value] of Object.entries(attributes)) {
    if (value === undefined || value === null || value === false) continue;
    if (key.startsWith('on')) element.addEventListener(key.slice(2), value);
    else if (key === 'text') element.textContent = value;
    else if (key === 'dataset') Object.assign(element.dataset, value);
    else if (key in element && typeof value !== 'string') element[key] = value;
    else element.setAttribute(key, value === true ? '' : value);
  }
  for (const child of children.flat()) {
    if (child === null || child === undefined || child === false) continue;
    element.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return element;
}

let unique = 0;
const nextId = prefix => `${prefix}-${++unique}`;

/** A labelled control: <label for> + control, so every control has a name. */
function labelled(text, control, hint) {
  control.id ||= nextId('f');
  // The label is a sibling, not a wrapper, so its name is its text alone (not the options of a select).
  return h('div', { class: 'field' }, h('label', { for: control.id }, text), control, hint ? h('span', { class: 'hint' }, hint) : null);
}

function say(text) { statusLine.textContent = text; if (text) setTimeout(() => { if (statusLine.textContent === text) statusLine.textContent = ''; }, 6000); }

function number(value, digits = 1) {
  if (value === undefined || value === null || Number.isNaN(value)) return '';
  if (typeof value !== 'number') return String(value);
  return Math.abs(value) >= 100 || Number.isInteger(value) ? String(Math.round(value * 10) / 10) : value.toFixed(digits === 1 && Math.abs(value) < 1 ? 3 : digits);
}

/**
 * A value on an issue's scale as the CLI, the reports and the charts print it (Parley.Reports' ScaleNumber): 3 - floor(log10
 * width) decimals, from 0 to 4 (one on 0-100, three on 0-1), trailing zeros dropped; 14 rather than 14.0, 0.14 rather than 0.140.
 */
function scaleNumber(value, width) {
  if (value === undefined || value === null || Number.isNaN(value)) return '';
  const text = String(Number(value.toFixed(scaleDecimals(width))));
  return text === '-0' ? '0' : text;
}

/** The decimals of scaleNumber (ScaleNumber.Decimals): 3 - floor(log10 width), from 0 to 4; 2 for an unknown width. */
const scaleDecimals = width => Number.isFinite(width) && width > 0 ? Math.min(4, Math.max(0, 3 - Math.floor(Math.log10(width)))) : 2;

/** As scaleNumber with every decimal kept (ScaleNumber.Fixed), for values that line up in a column: 0.50, not 0.5. */
function fixedScaleNumber(value, width) {
  if (value === undefined || value === null || Number.isNaN(value)) return '';
  const text = value.toFixed(scaleDecimals(width));
  return /^-[0.]*$/.test(text) ? text.slice(1) : text;
}

/** As scaleNumber, with its sign: +1.5, -0.2, 0. */
function signedScaleNumber(value, width) {
  const text = scaleNumber(value, width);
  return text === '' || text === '0' || text.startsWith('-') ? text : `+${text}`;
}

/** The width of an issue's scale, from an issue of a scenario or a result (min and max). */
const scaleWidth = issue => issue && Number.isFinite(issue.max) && Number.isFinite(issue.min) ? issue.max - issue.min : NaN;

/**
 * The API's pointers to its own listings ("no run 9 in the store; GET /runs lists them") in the page's terms: the
 * page that lists them.
 */
const inPageTerms = detail => detail
  .replace(/; GET \/runs lists them$/, '; the Runs page lists them')
  .replace(/; GET \/scenarios lists them$/, '; the Scenarios page lists them')
  .replace(/; GET \/scenarios\/.+\/versions lists them$/, '; the scenario\'s History lists them');

async function api(path, options = {}) {
  const response = await fetch(path, options);
  const type = response.headers.get('content-type') || '';
  const body = type.includes('json') ? await response.json() : await response.text();
  if (!response.ok) {
    const error = new Error(body && body.detail ? inPageTerms(body.detail) : `${response.status} ${response.statusText}`);
    error.status = response.status;
    error.body = body;
    throw error;
  }
  return { status: response.status, body, headers: response.headers };
}

const postJson = (path, body) => api(path, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

/**
 * Marks a stage of the current view as reached. The stages accumulate (data-ready="run run-charts") until the
 * route changes: a stage that was replaced by the next one could pass unseen by anything that waits for it (a
 * test polls the page every half second, and the charts often follow the table sooner), so a wait for "run"
 * hung whenever the charts were drawn first. Match a stage with [data-ready~="NAME"].
 */
function ready(name) {
  const reached = (document.body.dataset.ready || '').split(' ').filter(Boolean);
  if (!reached.includes(name)) reached.push(name);
  document.body.dataset.ready = reached.join(' ');
  if (window.parleyReadyAt === undefined) window.parleyReadyAt = performance.now();
}

/**
 * A view's hold on the page, for the route that started it. Views load across several requests (and the run view
 * loads the chart library too); when the route changes meanwhile, the old view must neither draw over the new page
 * nor mark its stages (a stale "run-charts" on the next run's page would say its charts were drawn). So a view
 * shows its content, marks its stages and registers its teardown through this handle, which does nothing once a
 * later route has begun: show() then returns false, and the view stops.
 */
function pageHandle() {
  const generation = routeGeneration;
  const live = () => generation === routeGeneration;
  return {
    live,
    show(...children) { if (live()) main.replaceChildren(...children); return live(); },
    ready(name) { if (live()) ready(name); },
    /** Registers a teardown for route(), or runs it at once when the route has already changed. */
    onLeave(teardown) { if (live()) { const previous = current; current = () => { previous?.(); teardown(); }; } else teardown(); },
  };
}

/** Marks a control as invalid, with its message after it (described by it), as the editor shows parley validate's. */
function markInvalid(control, message) {
  const note = h('span', { class: 'field-error', id: nextId('error') }, message);
  control.classList.add('invalid');
  control.setAttribute('aria-invalid', 'true');
  control.setAttribute('aria-describedby', [control.getAttribute('aria-describedby'), note.id].filter(Boolean).join(' '));
  control.insertAdjacentElement('afterend', note);
}

/** Removes the marks markInvalid left on the controls within `root` that `keep` does not exclude. */
function clearInvalid(root, keep = () => true) {
  root.querySelectorAll('.field-error').forEach(x => { if (keep(x)) x.remove(); });
  root.querySelectorAll('.invalid').forEach(x => { if (keep(x)) { x.classList.remove('invalid'); x.removeAttribute('aria-invalid'); x.removeAttribute('aria-describedby'); } });
}

function problemList(error) {
  const body = error.body || {};
  const items = [...(body.diagnostics || []).map(d => d.sheet ? `${d.file}:${d.sheet}!${d.cell}: ${d.message}` : `${d.file}:${d.line}:${d.column}: ${d.message}`), ...(body.errors || [])];
  if (items.length === 0) items.push(error.message);
  return h('div', { class: 'problems', role: 'alert' }, h('ul', {}, items.map(text => h('li', {}, text))));
}

function table(headers, rows, options = {}) {
  return h('div', { class: 'table-wrap', tabindex: options.scroll ? '0' : null, role: options.scroll ? 'region' : null, 'aria-label': options.scroll ? options.caption : null },
    h('table', { class: options.class || '', id: options.id || null },
      options.caption ? h('caption', { class: 'muted' }, options.caption) : null,
      h('thead', {}, h('tr', {}, headers.map(x => h('th', { scope: 'col', class: x.num ? 'num' : '' }, x.hidden ? h('span', { class: 'visually-hidden' }, x.text) : x.text ?? x)))),
      rows.length === 1 && rows[0] instanceof HTMLTableSectionElement ? rows[0] : h('tbody', {}, rows)));
}

// ---------- routing ----------

const routes = [
  [/^#?\/?$/, (m, page) => scenarioList(page)],
  [/^#\/new$/, (m, page) => editor(null, page)],
  [/^#\/scenario\/([^/]+)$/, (m, page) => editor(decodeURIComponent(m[1]), page)],
  [/^#\/runs(?:\?scenario=([^&]+))?$/, (m, page) => runList(m[1] === undefined ? null : decodeURIComponent(m[1]), page)],
  [/^#\/runs\/(\d+)$/, (m, page) => runView(Number(m[1]), page)],
  [/^#\/compare\/(\d+)\/(\d+)$/, (m, page) => compare(Number(m[1]), Number(m[2]), page)],
];

async function route() {
  routeGeneration++;
  if (current) { current(); current = null; }
  delete document.body.dataset.ready;
  delete document.body.dataset.checked;
  const hash = location.hash.startsWith('#/') ? location.hash : '#/';
  for (const [pattern, view] of routes) {
    const match = hash.match(pattern);
    if (match) {
      main.replaceChildren(h('p', { class: 'muted' }, 'Loading…'));
      const page = pageHandle();
      try { await view(match, page); } catch (error) {
        // The view is gone: the stages it had reached no longer hold (unless a later route has taken the page).
        if (page.show(h('h1', {}, error.status === 404 ? 'Not found' : 'Something went wrong'), problemList(error), h('p', {}, h('a', { href: '#/' }, 'Back to the scenarios')))) {
          delete document.body.dataset.ready;
          ready('error');
        }
      }
      // How many views have finished loading, the stale ones included (a test waits on it).
      window.parleyViewsDone = (window.parleyViewsDone || 0) + 1;
      return;
    }
  }
  main.replaceChildren(h('h1', {}, 'No such page'), h('p', {}, h('a', { href: '#/' }, 'Back to the scenarios')));
  ready('missing');
}

// The address's hash names the page (#/...); any other hash is an anchor within the page (the skip link's #main,
// the scenario page's #run): go to that element and put the page's own address back, without a change of page.
window.addEventListener('hashchange', event => {
  const hash = location.hash;
  if (hash.length > 1 && !hash.startsWith('#/')) {
    history.replaceState(history.state, '', new URL(event.oldURL).hash || '#/');
    const target = document.getElementById(decodeURIComponent(hash.slice(1)));
    target?.scrollIntoView();
    target?.focus();
    return;
  }
  // Another page of the workbench: the editor's unsaved changes would be lost without a word (a reload asks through beforeunload).
  const question = leaveWarning?.();
  if (question && !confirm(question)) {
    history.replaceState(history.state, '', new URL(event.oldURL).hash || '#/');
    return;
  }
  route();
});

// ---------- scenarios: list, create, upload ----------

async function scenarioList(page) {
  const { body: scenarios } = await api('/scenarios');
  const file = h('input', { type: 'file', name: 'file', required: true });
  const format = h('select', { name: 'format' }, ['', 'yaml', 'json', 'ktab', 'ktab-xml', 'decide', 'bdm', 'deu'].map(f => h('option', { value: f }, f || 'detect from the content')));
  const message = h('input', { type: 'text', name: 'message', placeholder: 'why this version' });
  const uploadProblems = h('div');
  const upload = h('form', { class: 'stack', 'aria-labelledby': 'upload-title', onsubmit: async event => {
    event.preventDefault();
    const form = new FormData();
    form.append('file', file.files[0]);
    if (format.value) form.append('format', format.value);
    if (message.value) form.append('message', message.value);
    uploadProblems.replaceChildren();
    try {
      const { body } = await api('/scenarios/upload', { method: 'POST', body: form });
      say(body.created === false ? `${body.reference}: unchanged` : `saved ${body.reference}`);
      location.hash = `#/scenario/${encodeURIComponent(body.name)}`;
    } catch (error) { uploadProblems.replaceChildren(problemList(error)); }
  } },
  h('div', { class: 'row' }, labelled('Scenario file (YAML, JSON, KTAB, Decide, BDM, DEU)', file), labelled('Format', format), labelled('Message', message), h('button', { type: 'submit' }, 'Upload')),
  uploadProblems);

  const id = h('input', { type: 'text', required: true, pattern: '[A-Za-z0-9][A-Za-z0-9_.\\-]*', placeholder: 'e.g. coalition-2026' });
  const title = h('input', { type: 'text', required: true, placeholder: 'e.g. Coalition talks after the election' });
  const create = h('form', { class: 'row', 'aria-labelledby': 'create-title', onsubmit: event => {
    event.preventDefault();
    sessionStorage.setItem('parley-new', JSON.stringify({ id: id.value.trim(), title: title.value.trim(), actors: [], issues: [], stances: [] }));
    location.hash = '#/new';
  } }, labelled('Id', id), labelled('Title', title), h('button', { type: 'submit' }, 'Create'));

  if (!page.show(
    h('h1', {}, 'Scenarios'),
    scenarios.length === 0 ? h('p', {}, 'No scenario in the store yet: create one or upload a file.') :
      table(['Scenario', { text: 'Versions', num: true }, { text: 'Runs', num: true }, 'Latest'], scenarios.map(s => h('tr', {},
        h('td', {}, h('a', { href: `#/scenario/${encodeURIComponent(s.name)}` }, s.name)),
        h('td', { class: 'num' }, s.versions ?? ''), h('td', { class: 'num' }, s.runs ?? ''), h('td', { class: 'muted' }, (s.latest_hash || s.hash || '').slice(0, 12))))),
    h('h2', { id: 'create-title' }, 'Create a scenario by hand'), create,
    h('h2', { id: 'upload-title' }, 'Upload a scenario file'), upload)) return;
  page.ready('scenarios');
}

// ---------- the editor ----------

/** JSON text of `value` exactly as JSON.stringify(value, null, 2), and for each line the path of the field it holds. */
function serialise(value) {
  const lines = [];
  const paths = [];
  function write(node, indent, prefix, path, last) {
    const pad = '  '.repeat(indent);
    const comma = last ? '' : ',';
    if (Array.isArray(node) && node.length > 0) {
      lines.push(`${pad}${prefix}[`); paths.push(path);
      node.forEach((item, i) => write(item, indent + 1, '', path ? `${path}.${i}` : String(i), i === node.length - 1));
      lines.push(`${pad}]${comma}`); paths.push(path);
    } else if (node && typeof node === 'object' && !Array.isArray(node) && Object.keys(node).length > 0) {
      const keys = Object.keys(node).filter(k => node[k] !== undefined);
      lines.push(`${pad}${prefix}{`); paths.push(path);
      keys.forEach((key, i) => write(node[key], indent + 1, `${JSON.stringify(key)}: `, path ? `${path}.${key}` : key, i === keys.length - 1));
      lines.push(`${pad}}${comma}`); paths.push(path);
    } else {
      lines.push(`${pad}${prefix}${JSON.stringify(node)}${comma}`); paths.push(path);
    }
  }
  write(value, 0, '', '', true);
  return { text: lines.join('\n') + '\n', paths };
}

/** Number text as a number; anything else is kept as typed, so the checker names it. Empty: absent. */
function parseValue(text) {
  const trimmed = text.trim();
  if (trimmed === '') return undefined;
  const value = Number(trimmed);
  return Number.isFinite(value) && /^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/.test(trimmed) ? value : trimmed;
}

const show = value => value === undefined || value === null ? '' : String(value);

async function editor(name, page) {
  let doc;
  let versions = [];
  if (name === null) {
    doc = JSON.parse(sessionStorage.getItem('parley-new') || 'null');
    if (!doc) { location.hash = '#/'; return; }
  } else {
    const [{ body }, history] = await Promise.all([api(`/scenarios/${encodeURIComponent(name)}/document`), api(`/scenarios/${encodeURIComponent(name)}/versions`), loadModels()]);
    doc = body;
    versions = history.body;
  }
  doc.actors ||= []; doc.issues ||= []; doc.stances ||= [];
  const stored = name !== null;
  const problemsBox = h('div', { id: 'problems', 'aria-live': 'polite' });
  const summary = h('p', { class: 'muted', id: 'check-summary' });
  let checkTimer = null;
  let checkSeq = 0;

  // The text last loaded or saved: the editor holds unsaved changes while its own text differs from it. A run reads the
  // stored version, so Start waits for a save (or a discard), and leaving the page asks first.
  let savedText = null;
  let runForm = null;
  const unsaved = () => savedText !== null && serialise(doc).text !== savedText;
  /** Whether to go on with what replaces the editor's content (a version loaded, a matrix imported): asked when changes would be lost. */
  const keepGoing = () => !unsaved() || confirm('The editor has changes that are not saved; they will be lost. Go on?');

  function changed() { runForm?.setUnsaved(unsaved()); clearTimeout(checkTimer); checkTimer = setTimeout(check, 250); }

  function setField(path, value) {
    const keys = path.split('.');
    let node = doc;
    for (const key of keys.slice(0, -1)) node = node[key];
    if (value === undefined) delete node[keys.at(-1)]; else node[keys.at(-1)] = value;
    changed();
  }

  function input(path, options = {}) {
    const keys = path.split('.');
    let value = doc;
    for (const key of keys) value = value == null ? undefined : value[key];
    const control = h('input', { type: 'text', inputmode: options.numeric ? 'decimal' : null, value: options.list ? (value || []).join(', ') : show(value), dataset: { path }, size: options.size || null, 'aria-label': options.label || null, class: options.class || null });
    control.addEventListener('input', () => {
      const text = control.value;
      setField(path, options.list ? (text.trim() ? text.split(',').map(x => x.trim()).filter(Boolean) : undefined) : options.numeric ? parseValue(text) : (text.trim() === '' && !options.keepEmpty ? undefined : text));
    });
    return control;
  }

  /**
   * The low, high and standard deviation inputs of the uncertainty range at `path` ({ low, high, sd }: a stance's
   * position_range or salience_range, an actor's capability_range). The range is dropped when all three are empty.
   */
  function rangeInputs(path, label) {
    const keys = path.split('.');
    const owner = () => { let node = doc; for (const key of keys.slice(0, -1)) node = node[key]; return node; };
    return [['low', 'low'], ['high', 'high'], ['sd', 'standard deviation']].map(([part, name]) => {
      const control = h('input', { type: 'text', inputmode: 'decimal', size: 4, value: show(owner()[keys.at(-1)]?.[part]), 'aria-label': `${label}: ${name}`, dataset: { path: `${path}.${part}` } });
      control.addEventListener('input', () => {
        const node = owner();
        const range = { ...(node[keys.at(-1)] || {}) };
        const value = parseValue(control.value);
        if (value === undefined) delete range[part]; else range[part] = value;
        // In the file's order, low, high, sd, so that the text (and the unsaved check) does not depend on typing order.
        const ordered = Object.fromEntries(['low', 'high', 'sd'].filter(k => range[k] !== undefined).map(k => [k, range[k]]));
        if (Object.keys(ordered).length) node[keys.at(-1)] = ordered; else delete node[keys.at(-1)];
        changed();
      });
      return control;
    });
  }

  // -- scenario fields
  const details = h('section', { 'aria-labelledby': 'details-title' }, h('h2', { id: 'details-title' }, 'Scenario'),
    h('div', { class: 'row' }, labelled('Id', input('id', { size: 24 })), labelled('Title', input('title', { size: 50 })), labelled('Date', input('date', { size: 12 }))));

  // -- actors
  const actorsBody = h('tbody');
  function renderActors() {
    actorsBody.replaceChildren(...doc.actors.map((actor, i) => {
      const kind = h('select', { dataset: { path: `actors.${i}.kind` }, 'aria-label': `Kind of actor ${i + 1}` }, ['', 'state', 'person', 'organisation', 'bloc'].map(k => h('option', { value: k, selected: (actor.kind || '') === k }, k || '(none)')));
      kind.addEventListener('change', () => setField(`actors.${i}.kind`, kind.value || undefined));
      return h('tr', { dataset: { path: `actors.${i}` } },
        h('td', {}, input(`actors.${i}.id`, { label: `Id of actor ${i + 1}`, size: 10 })),
        h('td', {}, input(`actors.${i}.name`, { label: `Name of actor ${i + 1}`, size: 18 })),
        h('td', {}, kind),
        h('td', {}, input(`actors.${i}.capability`, { numeric: true, label: `Capability of actor ${i + 1}`, size: 6 })),
        h('td', {}, h('span', { class: 'range', dataset: { path: `actors.${i}.capability_range` } }, rangeInputs(`actors.${i}.capability_range`, `Capability range of actor ${i + 1}`))),
        h('td', {}, input(`actors.${i}.members`, { list: true, label: `Members of actor ${i + 1} (actor ids, comma-separated)`, size: 18 })),
        h('td', {}, h('button', { type: 'button', class: 'danger', 'aria-label': `Remove actor ${i + 1}`, onclick: () => removeActor(i) }, 'Remove')));
    }));
  }
  function removeActor(i) {
    const id = doc.actors[i].id;
    doc.actors.splice(i, 1);
    doc.stances = doc.stances.filter(s => s.actor !== id);
    renderAll(); changed();
  }
  const actors = h('section', { 'aria-labelledby': 'actors-title' }, h('h2', { id: 'actors-title' }, 'Actors'),
    table(['Id', 'Name', 'Kind', 'Capability (0 or more)', 'Capability range (low, high, sd)', 'Members / bloc', { text: 'Remove the actor', hidden: true }], [actorsBody], { caption: 'Actors with their capability and its uncertainty range (optional: Monte Carlo and sensitivity draw within it); members are the ids of the persons or states an actor speaks for.' }),
    h('button', { type: 'button', class: 'secondary', onclick: () => { doc.actors.push({ id: `actor${doc.actors.length + 1}`, name: '', kind: 'state', capability: 1 }); renderAll(); changed(); focusLast('actors'); } }, 'Add an actor'));

  // -- issues
  const issuesBody = h('tbody');
  function renderIssues() {
    issuesBody.replaceChildren(...doc.issues.map((issue, i) => {
      const anchors = h('input', { type: 'text', size: 28, value: (issue.anchors || []).map(a => `${a.value}=${a.label}`).join('; '), dataset: { path: `issues.${i}.anchors` }, 'aria-label': `Labelled points of issue ${i + 1} (value=label; …)` });
      anchors.addEventListener('input', () => {
        const list = anchors.value.split(';').map(x => x.trim()).filter(Boolean).map(x => { const at = x.indexOf('='); return { value: parseValue(at < 0 ? x : x.slice(0, at)), label: at < 0 ? '' : x.slice(at + 1).trim() }; });
        setField(`issues.${i}.anchors`, list.length ? list : undefined);
      });
      return h('tr', { dataset: { path: `issues.${i}` } },
        h('td', {}, input(`issues.${i}.id`, { label: `Id of issue ${i + 1}`, size: 10 })),
        h('td', {}, input(`issues.${i}.name`, { label: `Name of issue ${i + 1}`, size: 20 })),
        h('td', {}, input(`issues.${i}.min`, { numeric: true, label: `Scale minimum of issue ${i + 1}`, size: 5 })),
        h('td', {}, input(`issues.${i}.max`, { numeric: true, label: `Scale maximum of issue ${i + 1}`, size: 5 })),
        h('td', {}, input(`issues.${i}.status_quo`, { numeric: true, label: `Status quo of issue ${i + 1}`, size: 5 })),
        h('td', {}, anchors),
        h('td', {}, h('button', { type: 'button', class: 'danger', 'aria-label': `Remove issue ${i + 1}`, onclick: () => { const id = doc.issues[i].id; doc.issues.splice(i, 1); doc.stances = doc.stances.filter(s => s.issue !== id); renderAll(); changed(); } }, 'Remove')));
    }));
  }
  const issues = h('section', { 'aria-labelledby': 'issues-title' }, h('h2', { id: 'issues-title' }, 'Issues'),
    table(['Id', 'Name', 'Min', 'Max', 'Status quo', 'Labelled points (value=label; …)', { text: 'Remove the issue', hidden: true }], [issuesBody]),
    h('button', { type: 'button', class: 'secondary', onclick: () => { doc.issues.push({ id: `issue${doc.issues.length + 1}`, name: '', min: 0, max: 100 }); renderAll(); changed(); focusLast('issues'); } }, 'Add an issue'));

  // -- the stance grid: actor x issue
  const grid = h('div');
  function stanceIndex(actor, issue) { return doc.stances.findIndex(s => s.actor === actor && s.issue === issue); }
  function stanceInput(actorId, issueId, field) {
    const index = stanceIndex(actorId, issueId);
    const value = index >= 0 ? doc.stances[index][field] : undefined;
    const control = h('input', { type: 'text', inputmode: 'decimal', size: 4, value: show(value), 'aria-label': `${field} of ${actorId} on ${issueId}`, dataset: { path: index >= 0 ? `stances.${index}.${field}` : `new.${actorId}.${issueId}.${field}`, actor: actorId, issue: issueId, field } });
    control.addEventListener('input', () => {
      let at = stanceIndex(actorId, issueId);
      const parsed = parseValue(control.value);
      if (at < 0) {
        if (parsed === undefined) return;
        doc.stances.push({ actor: actorId, issue: issueId });
        at = doc.stances.length - 1;
        control.closest('td').querySelectorAll('input').forEach(x => { x.dataset.path = `stances.${at}.${x.dataset.field}`; });
      }
      setField(`stances.${at}.${field}`, parsed);
      const stance = doc.stances[at];
      if (stance.position === undefined && stance.salience === undefined && !(stance.evidence || []).length) {
        doc.stances.splice(at, 1);
        renderGrid();
      }
    });
    return control;
  }
  function renderGrid() {
    if (doc.actors.length === 0 || doc.issues.length === 0) { grid.replaceChildren(h('p', { class: 'muted' }, 'Add actors and issues to fill the grid.')); return; }
    grid.replaceChildren(table(['Actor \\ issue', ...doc.issues.map(i => i.name || i.id)], doc.actors.map(actor => h('tr', {},
      h('th', { scope: 'row' }, actor.name || actor.id),
      doc.issues.map(issue => {
        const index = stanceIndex(actor.id, issue.id);
        const evidence = index >= 0 ? (doc.stances[index].evidence || []).length : 0;
        const ranges = index >= 0 ? rangeFields.filter(f => doc.stances[index][`${f}_range`]) : [];
        const rangeText = ranges.map(f => { const r = doc.stances[index][`${f}_range`]; return `${f} ${show(r.low)}-${show(r.high)}${r.sd === undefined ? '' : ` (sd ${show(r.sd)})`}`; }).join('; ');
        return h('td', { dataset: { path: index >= 0 ? `stances.${index}` : '' } }, h('div', { class: 'cell' },
          h('span', { 'aria-hidden': 'true' }, 'pos'), stanceInput(actor.id, issue.id, 'position'),
          h('span', { 'aria-hidden': 'true' }, 'sal'), stanceInput(actor.id, issue.id, 'salience'),
          h('button', { type: 'button', class: 'secondary evidence-count', 'aria-label': `Evidence of ${actor.id} on ${issue.id} (${evidence})`, onclick: () => evidenceDialog(actor.id, issue.id) }, `evidence (${evidence})`),
          h('button', { type: 'button', class: 'secondary range-count', title: rangeText || 'no uncertainty range: the default spread applies', dataset: { ranges: index >= 0 ? `stances.${index}` : '', actor: actor.id, issue: issue.id },
            'aria-label': `Uncertainty ranges of ${actor.id} on ${issue.id} (${rangeText || 'no range'})`, onclick: () => rangesDialog(actor.id, issue.id) }, `ranges (${ranges.length})`)));
      }))), { class: 'grid', scroll: true, caption: 'Stances: position on the issue\'s scale and salience (0-1) of each actor on each issue' }));
  }
  const stances = h('section', { 'aria-labelledby': 'stances-title' }, h('h2', { id: 'stances-title' }, 'Stances (actor × issue)'), grid);

  // -- the uncertainty ranges of one stance: edited in place, with parley validate's verdict on the stance beside them
  const rangeFields = ['position', 'salience'];
  const checkedListeners = new Set();
  function rangesDialog(actorId, issueId) {
    let at = stanceIndex(actorId, issueId);
    if (at < 0) { doc.stances.push({ actor: actorId, issue: issueId }); at = doc.stances.length - 1; }
    const stance = doc.stances[at];
    const issue = doc.issues.find(i => i.id === issueId) || {};
    const verdict = h('div', { id: 'range-verdict', 'aria-live': 'polite' });
    const listen = problems => {
      const mine = problems.filter(p => p.path === `stances.${at}` || p.path.startsWith(`stances.${at}.`));
      verdict.replaceChildren(mine.length === 0 ? h('p', { class: 'ok' }, 'parley validate finds no problem with this stance.')
        : h('div', { class: 'problems' }, h('ul', {}, mine.map(p => h('li', {}, p.message)))));
    };
    checkedListeners.add(listen);
    listen(lastProblems);
    const parts = rangeFields.map(field => {
      const controls = rangeInputs(`stances.${at}.${field}_range`, `${field} range of ${actorId} on ${issueId}`);
      const scale = field === 'position' ? `the scale is ${show(issue.min)} to ${show(issue.max)}` : 'from 0 to 1';
      return h('fieldset', {}, h('legend', {}, `${field[0].toUpperCase()}${field.slice(1)}: estimate ${show(stance[field]) || 'none'}; ${scale}`),
        h('div', { class: 'row' }, ...controls.map((control, i) => labelled(['Low', 'High', 'Standard deviation (optional)'][i], control)),
          h('button', { type: 'button', class: 'secondary', onclick: () => { controls.forEach(c => { c.value = ''; }); delete stance[`${field}_range`]; changed(); } }, `No ${field} range`)));
    });
    const dialog = h('dialog', { 'aria-labelledby': 'ranges-title' },
      h('h2', { id: 'ranges-title' }, `Uncertainty ranges: ${actorId} on ${issueId}`),
      h('p', { class: 'muted' }, 'Monte Carlo and sensitivity draw the value within its range: uniformly from low to high, or with a standard deviation, from a normal around the estimate cut at low and high. The range must contain the estimate. Without a range, the analysis\'s default spread applies.'),
      ...parts, verdict,
      h('div', { class: 'row' }, h('button', { type: 'button', onclick: () => dialog.close() }, 'Done')));
    dialog.addEventListener('close', () => {
      checkedListeners.delete(listen);
      dialog.remove();
      // Opened on an empty cell and left empty: no stance after all.
      if (['position', 'salience', 'evidence', 'position_range', 'salience_range'].every(k => stance[k] === undefined)) { doc.stances.splice(doc.stances.indexOf(stance), 1); changed(); }
      renderGrid();
      grid.querySelector(`button[data-actor="${CSS.escape(actorId)}"][data-issue="${CSS.escape(issueId)}"].range-count`)?.focus();
    });
    document.body.append(dialog);
    dialog.showModal();
  }

  // -- evidence of one stance
  function evidenceDialog(actorId, issueId) {
    let at = stanceIndex(actorId, issueId);
    if (at < 0) { doc.stances.push({ actor: actorId, issue: issueId }); at = doc.stances.length - 1; }
    const stance = doc.stances[at];
    const items = (stance.evidence || []).map(e => ({ ...e }));
    const kinds = ['quote', 'paraphrase', 'judgement'];
    const list = h('div', { class: 'stack' });
    const sources = (doc.sources || []).map(s => s.id);
    function renderList() {
      list.replaceChildren(...items.map((item, i) => {
        const kind = kinds.find(k => k in item) || 'judgement';
        const kindSelect = h('select', {}, kinds.map(k => h('option', { value: k, selected: k === kind }, k)));
        const text = h('textarea', { rows: 2, cols: 50 }, item[kind] || '');
        const source = h('select', {}, ['', ...sources].map(s => h('option', { value: s, selected: (item.source || '') === s }, s || '(no source)')));
        kindSelect.addEventListener('change', () => { const value = item[kind]; kinds.forEach(k => delete item[k]); item[kindSelect.value] = value || ''; renderList(); });
        text.addEventListener('input', () => { item[kindSelect.value] = text.value; });
        source.addEventListener('change', () => { if (source.value) item.source = source.value; else delete item.source; });
        return h('fieldset', {}, h('legend', {}, `Evidence ${i + 1}`),
          h('div', { class: 'row' }, labelled('Kind', kindSelect), labelled('Source', source), labelled('Text', text),
            h('button', { type: 'button', class: 'danger', onclick: () => { items.splice(i, 1); renderList(); } }, 'Remove')));
      }));
    }
    renderList();
    const newSource = h('input', { type: 'text', size: 12 });
    const newTitle = h('input', { type: 'text', size: 30 });
    const dialog = h('dialog', { 'aria-labelledby': 'evidence-title' },
      h('h2', { id: 'evidence-title' }, `Evidence: ${actorId} on ${issueId}`), list,
      h('button', { type: 'button', class: 'secondary', onclick: () => { items.push({ quote: '' }); renderList(); } }, 'Add evidence'),
      h('details', {}, h('summary', {}, 'Add a source'), h('div', { class: 'row' }, labelled('Source id', newSource), labelled('Title', newTitle),
        h('button', { type: 'button', class: 'secondary', onclick: () => { if (!newSource.value.trim()) return; (doc.sources ||= []).push({ id: newSource.value.trim(), title: newTitle.value.trim() || newSource.value.trim() }); sources.push(newSource.value.trim()); renderList(); changed(); } }, 'Add source'))),
      h('div', { class: 'row' },
        h('button', { type: 'button', onclick: () => { const kept = items.filter(e => kinds.some(k => (e[k] || '').trim())); if (kept.length) stance.evidence = kept; else delete stance.evidence; dialog.close(); renderGrid(); changed(); } }, 'Done'),
        h('button', { type: 'button', class: 'secondary', onclick: () => dialog.close() }, 'Cancel')));
    dialog.addEventListener('close', () => dialog.remove());
    document.body.append(dialog);
    dialog.showModal();
  }

  function renderAll() { renderActors(); renderIssues(); renderGrid(); }

  // Renaming an actor or an issue renames it in its stances, and the grid follows (on change, so typing keeps focus).
  let renaming = null;
  main.addEventListener('focusin', event => { const path = event.target.dataset?.path || ''; if (/^(actors|issues)\.\d+\.id$/.test(path)) renaming = { path, before: event.target.value }; });
  main.addEventListener('change', event => {
    const path = event.target.dataset?.path || '';
    if (!renaming || renaming.path !== path) return;
    const after = event.target.value.trim();
    const field = path.startsWith('actors') ? 'actor' : 'issue';
    for (const stance of doc.stances) if (stance[field] === renaming.before) stance[field] = after;
    renaming.before = after;
    renderGrid(); changed();
  });
  function focusLast(kind) { const rows = (kind === 'actors' ? actorsBody : issuesBody).querySelectorAll('tr'); rows[rows.length - 1]?.querySelector('input')?.focus(); }

  // -- validation: the text sent is the editor's JSON, so every diagnostic's line names a field
  let lastProblems = [];
  async function check() {
    const seq = ++checkSeq;
    const { text, paths } = serialise(doc);
    const fileName = `${doc.id || 'scenario'}.json`;
    const { body } = await api(`/scenarios/check?file_name=${encodeURIComponent(fileName)}&format=json`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: text });
    if (seq !== checkSeq) return body;
    showProblems(body.diagnostics.map(d => ({ ...d, path: paths[d.line - 1] || '' })), body.summary);
    return body;
  }
  function controlFor(path) {
    // A stance's ranges are edited in their dialog: a problem with one is shown at the cell's ranges button.
    const range = path.match(/^(stances\.\d+)\.(position|salience)_range(\.|$)/);
    if (range) { const button = main.querySelector(`button[data-ranges="${CSS.escape(range[1])}"]`); if (button) return button; }
    let at = path;
    while (at) {
      const found = main.querySelector(`input[data-path="${CSS.escape(at)}"], select[data-path="${CSS.escape(at)}"]`);
      if (found) return found;
      const cell = main.querySelector(`[data-path="${CSS.escape(at)}"]`);
      if (cell) return cell.querySelector('input, select') || cell;
      at = at.includes('.') ? at.slice(0, at.lastIndexOf('.')) : '';
    }
    return null;
  }
  function showProblems(problems, summaryText) {
    // The run form's marks are its own (a number that is not one): a check of the scenario leaves them.
    clearInvalid(main, x => !x.closest('#run'));
    lastProblems = problems;
    checkedListeners.forEach(listen => listen(problems));
    summary.textContent = summaryText || (problems.length ? `${problems.length} problem${problems.length === 1 ? '' : 's'} found` : '');
    summary.className = problems.length ? 'bad' : 'ok';
    if (problems.length === 0) { problemsBox.replaceChildren(); saveButton.disabled = false; return; }
    saveButton.disabled = true;
    const items = [];
    for (const problem of problems) {
      // A missing field is located at its object's first line (a stance's "{"): mark the field that is missing, not
      // the object's first control (the position, for a stance without its salience).
      const missing = problem.message.match(/missing required field '([A-Za-z_]+)'/);
      const control = controlFor(missing && problem.path && !problem.path.endsWith(`.${missing[1]}`) ? `${problem.path}.${missing[1]}` : problem.path);
      const text = `${problem.file}:${problem.line}:${problem.column}: ${problem.message}`;
      if (control) markInvalid(control, problem.message);
      items.push(h('li', {}, control ? h('a', { href: '#', onclick: event => { event.preventDefault(); control.focus(); } }, text) : text));
    }
    problemsBox.replaceChildren(h('div', { class: 'problems' }, h('p', {}, 'parley validate finds:'), h('ul', {}, items)));
  }

  // -- save: every save is a new version
  const message = h('input', { type: 'text', size: 40, placeholder: 'what changed and why' });
  const saveButton = h('button', { type: 'button', onclick: save }, 'Save as a new version');
  async function save() {
    const { text } = serialise(doc);
    try {
      const { body } = await api(`/scenarios?file_name=${encodeURIComponent(`${doc.id}.json`)}&format=json${message.value ? `&message=${encodeURIComponent(message.value)}` : ''}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: text });
      say(body.created === false ? `no change: ${body.reference} already holds this` : `saved ${body.reference}`);
      sessionStorage.removeItem('parley-new');
      savedText = text;
      if (name === null || body.name !== name) location.hash = `#/scenario/${encodeURIComponent(body.name)}`;
      else await route();
    } catch (error) {
      if (error.body && error.body.diagnostics) { await check(); }
      problemsBox.replaceChildren(problemList(error));
    }
  }

  // -- history and diff
  const history = h('section', { 'aria-labelledby': 'history-title' }, h('h2', { id: 'history-title' }, 'History'));
  if (stored) {
    const from = h('select', {}, versions.map(v => h('option', { value: v.version, selected: v.version === Math.max(1, versions.length - 1) }, `version ${v.version}`)));
    const to = h('select', {}, versions.map(v => h('option', { value: v.version, selected: v.version === versions.length }, `version ${v.version}`)));
    const diffBox = h('div', { id: 'diff' });
    history.append(
      table(['Version', 'Saved', 'Format', 'Message', { text: 'Load into the editor', hidden: true }], versions.map(v => h('tr', {},
        h('td', {}, v.reference), h('td', {}, new Date(v.created_at).toLocaleString()), h('td', {}, v.format), h('td', {}, v.message || ''),
        h('td', {}, h('button', { type: 'button', class: 'secondary', 'aria-label': `Load version ${v.version} into the editor`, onclick: async () => { if (!keepGoing()) return; const { body } = await api(`/scenarios/${encodeURIComponent(name)}/document?version=${v.version}`); doc = body; doc.actors ||= []; doc.issues ||= []; doc.stances ||= []; renderAll(); changed(); say(`version ${v.version} loaded; save to make it the latest`); } }, 'Load'))))),
      h('div', { class: 'row' }, labelled('From', from), labelled('To', to), h('button', { type: 'button', class: 'secondary', onclick: async () => {
        const { body } = await api(`/scenarios/${encodeURIComponent(name)}/diff?from=${from.value}&to=${to.value}`);
        diffBox.replaceChildren(body.changes.length === 0 ? h('p', {}, body.same_data ? 'The two versions hold the same data.' : 'No change.') :
          table(['Change', 'Part', 'Subject', 'Field', 'Before', 'After'], body.changes.map(c => h('tr', { class: 'changed' },
            h('td', {}, c.kind), h('td', {}, c.part), h('td', {}, c.subject), h('td', {}, c.field ?? ''), h('td', {}, show(c.before)), h('td', {}, show(c.after))))));
      } }, 'Show the differences')),
      diffBox);
  } else {
    history.append(h('p', { class: 'muted' }, 'Not saved yet: the first save makes version 1.'));
  }

  // -- spreadsheet section: the matrix endpoints (docs/workbench.md, docs/spreadsheets.md)
  const sheet = h('section', { class: 'sheet-slot', id: 'sheet-slot', hidden: !stored, 'aria-labelledby': 'sheet-title' });
  if (stored) {
    const sheetFile = h('input', { type: 'file', accept: '.xlsx,.csv' });
    const sheetProblems = h('div');
    sheet.append(h('h2', { id: 'sheet-title' }, 'Spreadsheet: the actor × issue matrix'),
      h('p', {}, h('a', { class: 'button secondary', href: `/scenarios/${encodeURIComponent(name)}/matrix.xlsx`, download: '' }, 'Download .xlsx'), ' ',
        h('a', { class: 'button secondary', href: `/scenarios/${encodeURIComponent(name)}/matrix.csv`, download: '' }, 'Download .csv')),
      h('form', { class: 'row', onsubmit: async event => {
        event.preventDefault();
        if (!keepGoing()) return;
        const form = new FormData(); form.append('file', sheetFile.files[0]);
        sheetProblems.replaceChildren();
        try { const { body } = await api(`/scenarios/${encodeURIComponent(name)}/matrix`, { method: 'POST', body: form }); say(`saved ${body.reference || 'a new version'}`); await route(); } catch (error) { sheetProblems.replaceChildren(problemList(error)); }
      } }, labelled('Matrix file (.xlsx or .csv)', sheetFile), h('button', { type: 'submit' }, 'Import')), sheetProblems);
  }

  const saveBar = h('section', { 'aria-labelledby': 'save-title' }, h('h2', { id: 'save-title' }, 'Check and save'), summary, problemsBox,
    h('div', { class: 'row' }, labelled('Message', message), saveButton));

  if (!page.show(
    h('h1', {}, stored ? name : `New scenario ${doc.id}`),
    h('p', {}, stored ? h('a', { href: '#run', class: 'button secondary' }, 'Run models') : h('span', { class: 'muted' }, 'Save to run models.'), ' ',
      stored ? h('a', { href: `#/runs?scenario=${encodeURIComponent(name)}` }, 'This scenario\'s runs') : null),
    ...[details, actors, issues, stances, saveBar, history, sheet, (runForm = stored ? await runPanel(name, doc, page, versions.at(-1)?.reference ?? name, () => route()) : null)?.section].filter(Boolean))) return;
  renderAll();
  savedText = serialise(doc).text;
  const warnBeforeUnload = event => { if (unsaved()) { event.preventDefault(); event.returnValue = ''; } };
  window.addEventListener('beforeunload', warnBeforeUnload);
  leaveWarning = () => unsaved() ? 'The scenario has changes that are not saved. Leave this page and lose them?' : null;
  page.onLeave(() => { window.removeEventListener('beforeunload', warnBeforeUnload); leaveWarning = null; });
  // The editor is usable now; parley validate's verdict on the stored text follows in a moment.
  page.ready(stored ? 'scenario' : 'new');
  await check();
  if (!page.live()) return;
  if (window.parleyCheckedAt === undefined) window.parleyCheckedAt = performance.now();
  document.body.dataset.checked = 'true';
}

// ---------- run: forms generated from each model's own option description ----------

async function loadModels() {
  if (!models) models = (await api('/models')).body.models;
  return models;
}

/** The inputs of a stance that influence's smallest-change search can vary (the server's default searches them all). */
const searchableInputs = ['position', 'salience', 'capability'];

const analyses = {
  forecast: { label: 'Forecast', several: true, fields: [] },
  stages: { label: 'Forecast in stages', several: true, fields: [] },
  montecarlo: { label: 'Monte Carlo', several: false, fields: [['draws', 'Draws', 'integer', '10000'], ['spread', 'Default spread (0-1)', 'number', ''], ['threads', 'Threads (0: one per processor)', 'integer', '0']] },
  sensitivity: { label: 'Sensitivity', several: false, fields: [['draws', 'Draws', 'integer', ''], ['spread', 'Default spread (0-1)', 'number', '']] },
  influence: { label: 'Influence (who holds the key)', several: false, fields: [['shift', 'Shift to search', 'number', '5'], ['samples', 'Sampled orders', 'integer', ''], ['exact_limit', 'Exact Shapley up to players', 'integer', ''], ['inputs', 'Inputs to search', 'list', searchableInputs.join(', ')]] },
  // The HTML report (POST /runs/report): every chosen model's forecast, and one model's influence and, with draws,
  // its uncertainty and sensitivity. Draws start at 1000 so that the report has its uncertainty section; 0 leaves it out.
  report: { label: 'Report (HTML)', several: true, fields: [['analysis_model', 'Model of the uncertainty and influence sections', 'model', ''], ['draws', 'Draws (0: no uncertainty section)', 'integer', '0'], ['threads', 'Threads (0: one per processor)', 'integer', '0'], ['stages', 'Add the stages section', 'boolean', '']] },
};

/** The analyses whose draws field starts filled in (1000), rather than at the server's default. */
const drawsPrefilled = ['montecarlo', 'report'];

/**
 * The run form of a stored scenario. A run reads `reference`, the stored version: while the editor holds unsaved
 * changes (setUnsaved), Start is disabled under a note that offers to discard them (`discard`).
 */
async function runPanel(name, doc, page, reference, discard) {
  const all = await loadModels();
  const kind = h('select', {}, Object.entries(analyses).filter(([k]) => k !== 'stages' || (doc.stages || []).length).map(([k, a]) => h('option', { value: k }, a.label)));
  const modelBox = h('fieldset', {}, h('legend', {}, 'Models'));
  const optionsBox = h('div');
  const analysisBox = h('div', { class: 'row' });
  const seed = h('input', { type: 'text', inputmode: 'numeric', size: 8, placeholder: '0' });
  const progressBox = h('div', { id: 'progress' });
  const checks = all.map(m => h('input', { type: 'checkbox', value: m.id, checked: true }));
  const single = h('select', {}, all.map(m => h('option', { value: m.id, selected: m.id === 'compromise' }, `${m.id}: ${m.name}`)));
  const fields = {};

  function chosen() { return analyses[kind.value].several ? checks.filter(c => c.checked).map(c => c.value) : [single.value]; }

  function renderModels() {
    modelBox.replaceChildren(h('legend', {}, 'Models'));
    if (analyses[kind.value].several) {
      modelBox.append(h('div', { class: 'row' }, all.map((m, i) => h('span', { class: 'check' }, checks[i], h('label', { for: checks[i].id ||= nextId('m'), title: m.citation }, m.id)))),
        h('div', { class: 'row' }, h('button', { type: 'button', class: 'secondary', onclick: () => { checks.forEach(c => { c.checked = true; }); renderOptions(); } }, 'All'), h('button', { type: 'button', class: 'secondary', onclick: () => { checks.forEach(c => { c.checked = false; }); renderOptions(); } }, 'None')));
    } else {
      modelBox.append(labelled('Model', single));
    }
    analysisBox.replaceChildren(labelled('Seed', seed), ...analyses[kind.value].fields.filter(([key]) => key !== 'stages' || (doc.stages || []).length).map(([key, label, type, fallback]) => {
      if (type === 'model') {
        fields[key] ||= h('select', {}, [h('option', { value: '' }, 'recommended (or the first model chosen)'), ...all.map(m => h('option', { value: m.id }, `${m.id}: ${m.name}`))]);
      } else if (type === 'boolean') {
        fields[key] ||= h('input', { type: 'checkbox' });
        return h('span', { class: 'check' }, fields[key], h('label', { for: fields[key].id ||= nextId('f') }, label));
      } else {
        fields[key] ||= h('input', { type: 'text', inputmode: type === 'integer' ? 'numeric' : type === 'list' ? 'text' : 'decimal', size: type === 'list' ? 28 : 8, placeholder: fallback, value: key === 'draws' && drawsPrefilled.includes(kind.value) ? '1000' : '' });
      }
      return labelled(label, fields[key]);
    }));
    renderOptions();
  }

  // One control per option name: models that share an option (rounds, tolerance) share the control.
  const optionControls = {};
  function renderOptions() {
    const picked = all.filter(m => chosen().includes(m.id));
    const byName = new Map();
    for (const model of picked) for (const option of model.options) {
      if (!byName.has(option.name)) byName.set(option.name, { option, models: [] });
      byName.get(option.name).models.push(model.id);
    }
    optionsBox.replaceChildren(byName.size === 0 ? h('p', { class: 'muted' }, 'The chosen models take no options.') :
      h('fieldset', {}, h('legend', {}, 'Model options (from each model\'s description)'), h('div', { class: 'row' }, [...byName.values()].map(({ option, models: takers }) => {
        let control = optionControls[option.name];
        if (!control) {
          if (option.type === 'choice') control = h('select', {}, [h('option', { value: '' }, `default (${option.default ?? 'none'})`), ...(option.choices || []).map(c => h('option', { value: c }, c))]);
          else if (option.type === 'boolean') control = h('select', {}, [['', `default (${option.default ?? 'false'})`], ['true', 'true'], ['false', 'false']].map(([v, t]) => h('option', { value: v }, t)));
          else control = h('input', { type: 'text', inputmode: option.type === 'integer' ? 'numeric' : 'decimal', size: 8, placeholder: option.default ?? '' });
          control.dataset.option = option.name;
          control.dataset.parameter = option.parameter ? 'true' : 'false';
          control.dataset.type = option.type;
          optionControls[option.name] = control;
        }
        return labelled(`${option.name} (${takers.join(', ')})`, control, option.allowed ? `${option.help.replace(/\.?$/, '.')} Allowed: ${option.allowed}.` : option.help);
      }))));
  }

  /**
   * The request the form describes, and the fields whose text is not the number they take (each with its message):
   * such a request is not sent. Number() and parseInt() would turn 'abc' into NaN (sent as null, so the default ran)
   * and '1.5' into 1, and the job ran on values nobody typed. Ranges are the server's to judge, from each model's description.
   */
  function body() {
    const request = { scenario: { ref: name } };
    const invalid = [];
    const read = (control, type) => {
      const { value, error } = readNumber(control.value, type);
      if (error) invalid.push({ control, label: labelOf(control) || control.id, message: error });
      return value;
    };
    const ids = chosen();
    request.models = analyses[kind.value].several && ids.length === all.length ? 'all' : ids.join(',');
    if (seed.value.trim()) request.seed = read(seed, 'seed');
    const parameters = {};
    for (const control of Object.values(optionControls)) {
      if (!control.isConnected || control.value.trim() === '') continue;
      const type = control.dataset.type;
      const value = type === 'boolean' ? control.value === 'true' : ['number', 'integer'].includes(type) ? read(control, type) : control.value;
      if (control.dataset.parameter === 'true') parameters[control.dataset.option] = value;
      else request[control.dataset.option] = value;
    }
    if (Object.keys(parameters).length) request.parameters = parameters;
    for (const [key, , type] of analyses[kind.value].fields) {
      const control = fields[key];
      if (!control?.isConnected) continue;
      if (type === 'boolean') { if (control.checked) request[key] = true; continue; }
      if (control.value.trim() !== '') {
        request[key] = type === 'model' ? control.value : type === 'list' ? control.value.split(',').map(x => x.trim()).filter(Boolean) : read(control, type);
      }
    }
    return { request, invalid };
  }

  async function start() {
    progressBox.replaceChildren();
    clearInvalid(section);
    const { request, invalid } = body();
    if (invalid.length) {
      invalid.forEach(x => markInvalid(x.control, x.message));
      progressBox.replaceChildren(h('div', { class: 'problems', role: 'alert', id: 'run-refused' }, h('p', {}, 'Not started: correct these first.'),
        h('ul', {}, invalid.map(x => h('li', {}, h('a', { href: '#', onclick: event => { event.preventDefault(); x.control.focus(); } }, `${x.label}: ${x.message}`))))));
      return;
    }
    if (!request.models) { progressBox.replaceChildren(problemList(new Error('choose at least one model'))); return; }
    busy = true; refreshStart();
    try {
      const { status, body: run } = await postJson(`/runs/${kind.value}`, request);
      if (status === 201) { location.hash = `#/runs/${run.id}`; return; }
      follow(run, progressBox, page, () => { busy = false; refreshStart(); });
    } catch (error) {
      progressBox.replaceChildren(problemList(inFormTerms(error)));
      busy = false; refreshStart();
    }
  }

  /** The text of the form's label for `control`, or undefined. */
  function labelOf(control) { return section.querySelector(`label[for="${CSS.escape(control.id)}"]`)?.textContent; }

  /**
   * The server's refusal in this form's terms: a message that names a command-line flag ("--draws -5 is not allowed")
   * names the field instead ("'Draws' -5 is not allowed") and is also shown at that field. Messages about no field
   * of the form pass unchanged.
   */
  function inFormTerms(error) {
    const errors = (error.body?.errors || []).map(text => {
      const flag = /--([a-z][a-z-]*)/.exec(text);
      if (!flag) return text;
      const key = flag[1].replaceAll('-', '_');
      const control = fields[key]?.isConnected ? fields[key]
        : key === 'seed' ? seed
        : Object.values(optionControls).find(c => c.isConnected && c.dataset.option === key);
      if (!control) return text;
      const label = labelOf(control) || key;
      const said = text.replace(flag[0], `'${label}'`);
      markInvalid(control, said);
      return said;
    });
    return error.body ? Object.assign(new Error(error.message), { body: { ...error.body, errors } }) : error;
  }

  let busy = false;
  let unsavedEdits = false;
  const startButton = h('button', { type: 'button', onclick: start }, 'Start');
  const unsavedNote = h('div', { class: 'notice', id: 'unsaved-note', hidden: true },
    h('p', {}, `The editor has changes that are not saved, and a run reads the stored version, ${reference}: save your changes first, or discard them.`),
    h('button', { type: 'button', class: 'secondary', onclick: discard }, 'Discard the changes'));
  function refreshStart() {
    startButton.disabled = busy || unsavedEdits;
    if (unsavedEdits) startButton.setAttribute('aria-describedby', unsavedNote.id); else startButton.removeAttribute('aria-describedby');
  }
  function setUnsaved(value) { unsavedEdits = value; unsavedNote.hidden = !value; refreshStart(); }
  kind.addEventListener('change', renderModels);
  modelBox.addEventListener('change', renderOptions);
  renderModels();
  const section = h('section', { id: 'run', 'aria-labelledby': 'run-title', tabindex: '-1' }, h('h2', { id: 'run-title' }, 'Run'),
    h('div', { class: 'row' }, labelled('Analysis', kind)), modelBox, analysisBox, optionsBox, unsavedNote, h('div', { class: 'row' }, startButton), progressBox);
  return { section, setUnsaved };
}

/**
 * The number typed in a run-form field of `type` ('integer', 'number', or 'seed': a whole number of 0 or more that
 * JSON carries exactly), as { value }, or { error } saying what is wrong with the text.
 */
function readNumber(text, type) {
  const trimmed = text.trim();
  const value = Number(trimmed);
  if (type === 'number') {
    return /^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/.test(trimmed) && Number.isFinite(value) ? { value } : { error: `'${trimmed}' is not a number` };
  }
  if (!/^[-+]?\d+$/.test(trimmed)) return { error: `'${trimmed}' is not a whole number` };
  if (type === 'seed' && value < 0) return { error: `'${trimmed}' is negative; the seed is a whole number of 0 or more` };
  if (!Number.isSafeInteger(value)) return { error: `'${trimmed}' is too large here; the workbench takes whole numbers up to ${Number.MAX_SAFE_INTEGER}` };
  return { value };
}

/**
 * Follows a job by server-sent events: a progress bar, a cancel button, then the result. For an analysis that
 * reports phases (influence: its coalition runs, then its searches, while its steps count whole issues; a report:
 * the count of its part at work) the bar follows the phase at work, and the text names it beside the steps.
 */
function follow(run, box, page, done) {
  const bar = h('progress', { max: run.progress?.total || 1, value: 0, 'aria-label': `Progress of run ${run.id}` });
  const text = h('span', { id: 'progress-text' }, 'starting…');
  const cancel = h('button', { type: 'button', class: 'danger', onclick: async () => { cancel.disabled = true; try { await api(`/runs/${run.id}`, { method: 'DELETE' }); } catch (error) { box.append(problemList(error)); } } }, 'Cancel');
  box.replaceChildren(h('p', {}, `Run ${run.id} (${run.command}) is working.`), bar, h('p', { class: 'row' }, text, cancel));
  document.body.dataset.followed = String(run.id);
  const events = new EventSource(`/runs/${run.id}/events`);
  page.onLeave(() => events.close());
  events.addEventListener('progress', event => {
    const p = JSON.parse(event.data);
    const counted = p.phase || p;
    bar.max = counted.total || 1; bar.value = counted.done;
    const count = c => `${c.done.toLocaleString('en')} of ${c.total.toLocaleString('en')}`;
    text.textContent = `${count(p)} done${p.phase ? `; ${p.phase.unit}: ${count(p.phase)}` : ''}`;
  });
  const end = status => event => {
    events.close();
    const final = JSON.parse(event.data);
    cancel.disabled = true;
    done?.();
    // Followed from the run's own page (opened while the run ran): show it again from the server's record, in place,
    // since setting the address it already has is no change of route. Its header, result (or the reason it ended)
    // and links then say what the store holds, not "running".
    const target = `#/runs/${final.id}`;
    if (location.hash === target) { if (page.live()) route(); return; }
    if (status === 'completed') { location.hash = target; return; }
    box.replaceChildren(h('p', { class: 'bad', role: 'alert', id: 'run-ended' }, `Run ${final.id} ${status}${final.error ? `: ${final.error}` : ''}.`), h('p', {}, h('a', { href: target }, 'See what was recorded')));
    page.ready(`run-${status}`);
  };
  events.addEventListener('completed', end('completed'));
  events.addEventListener('failed', end('failed'));
  events.addEventListener('cancelled', end('cancelled'));
}

// ---------- runs: list, view, charts, playback, what-if ----------

async function runList(scenario, page) {
  const { body: runs } = await api(`/runs?limit=200${scenario ? `&scenario=${encodeURIComponent(scenario)}` : ''}`);
  const picks = [];
  const compareButton = h('button', { type: 'button', disabled: true, onclick: () => { const [a, b] = picks.filter(c => c.checked).map(c => c.value); location.hash = `#/compare/${a}/${b}`; } }, 'Compare the two chosen runs');
  const update = () => { compareButton.disabled = picks.filter(c => c.checked).length !== 2; };
  if (!page.show(h('h1', {}, scenario ? `Runs of ${scenario}` : 'Runs'),
    runs.length === 0 ? h('p', {}, 'No run yet.') : table(['Compare', 'Run', 'Analysis', 'Scenario', 'Models', 'Status', 'Started'], runs.map(run => {
      const pick = h('input', { type: 'checkbox', value: run.id, 'aria-label': `Choose run ${run.id} to compare`, onchange: update });
      picks.push(pick);
      return h('tr', {}, h('td', {}, pick), h('td', {}, h('a', { href: `#/runs/${run.id}` }, `run ${run.id}`)), h('td', {}, run.command), h('td', {}, run.scenario),
        h('td', {}, run.models.join(', ')), h('td', {}, run.status), h('td', {}, new Date(run.started_at).toLocaleString()));
    })), h('p', {}, compareButton))) return;
  page.ready('runs');
}

function forecastTable(result, caption) {
  const issues = result.forecasts[0]?.issues || [];
  return table(['Issue', ...result.forecasts.map(f => ({ text: f.model, num: true }))], issues.map((issue, i) => h('tr', {},
    h('th', { scope: 'row' }, issue.name, h('span', { class: 'muted' }, ` (${issue.min}-${issue.max})`)),
    result.forecasts.map(f => { const x = f.issues.find(y => y.id === issue.id); return h('td', { class: 'num', title: x?.nearest_anchor ? `nearest labelled point ${x.nearest_anchor.value}: ${x.nearest_anchor.label}` : null }, scaleNumber(x?.forecast, scaleWidth(issue))); }))), { caption, scroll: true });
}

/**
 * An influence result as the CLI's table shows it, per issue: each actor's Shapley value (± its standard error when
 * sampled), the forecast without it, and the smallest change of one of its inputs that moves the forecast by the
 * shift (left out when the search was off, rather than shown as none).
 */
function influenceResult(result, names) {
  return result.issues.map(issue => {
    const width = names.widths[issue.id];
    const scaled = v => scaleNumber(v, width);
    const headers = ['#', 'Actor', { text: issue.shapley_exact ? 'Shapley' : 'Shapley (sampled, ± standard error)', num: true }, { text: 'Forecast without it', num: true }];
    const some = result.search_inputs && !searchableInputs.every(i => result.search_inputs.includes(i));
    const inputs = some ? ` (${result.search_inputs.join(', ')})` : '';
    if (result.search !== false) headers.push(`Smallest change moving it ${scaled(result.shift)}${inputs}`);
    const rows = issue.actors.map((actor, rank) => {
      const change = actor.changes[0];
      const cells = [h('td', { class: 'num' }, String(rank + 1)), h('th', { scope: 'row', title: actor.id }, names.actors[actor.id] || actor.id),
        h('td', { class: 'num' }, `${signedScaleNumber(actor.shapley, width)}${actor.shapley_standard_error != null ? ` ± ${fixedScaleNumber(actor.shapley_standard_error, width)}` : ''}`),
        h('td', { class: 'num' }, `${scaled(issue.forecast - actor.absence_shift)} (${signedScaleNumber(-actor.absence_shift, width)})`)];
      if (result.search !== false) {
        // The CLI's words for the change (the server writes them), and the forecast it leads to.
        cells.push(h('td', {}, !change ? h('span', { class: 'muted' }, actor.smallest_change)
          : [actor.smallest_change, h('span', { class: 'muted' }, `, forecast ${scaled(change.forecast)}`)]));
      }
      return h('tr', {}, cells);
    });
    return table(headers, rows, { caption: `${names.issues[issue.id] || issue.id}: forecast ${scaled(issue.forecast)}, reference ${scaled(issue.reference)}`, scroll: true });
  });
}

/** The names of a stored scenario version's actors and issues by id; none (ids shown instead) when it cannot be read. */
async function scenarioNames(name, version) {
  const byId = list => Object.fromEntries((list || []).map(x => [x.id, x.name || x.id]));
  try {
    const { body } = await api(`/scenarios/${encodeURIComponent(name)}/document?version=${encodeURIComponent(version)}`);
    return { actors: byId(body.actors), issues: byId(body.issues), widths: Object.fromEntries((body.issues || []).map(x => [x.id, scaleWidth(x)])) };
  } catch {
    return { actors: {}, issues: {}, widths: {} };
  }
}

/** Any result with issues: a table of each issue's plain values (Monte Carlo, sensitivity, influence). */
function genericResult(result) {
  const parts = [];
  const issues = result.issues || result.result?.issues;
  if (Array.isArray(issues) && issues.length) {
    const keys = [...new Set(issues.flatMap(i => Object.keys(i).filter(k => ['string', 'number', 'boolean'].includes(typeof i[k]))))];
    const objectKeys = [...new Set(issues.flatMap(i => Object.keys(i).filter(k => i[k] && typeof i[k] === 'object' && !Array.isArray(i[k]) && Object.values(i[k]).every(v => typeof v === 'number'))))];
    parts.push(table([...keys, ...objectKeys.flatMap(k => Object.keys(issues[0][k] || {}).map(q => `${k} ${q}`))].map(k => ({ text: k })), issues.map(i => h('tr', {},
      keys.map(k => h('td', { class: typeof i[k] === 'number' ? 'num' : '' }, number(i[k]))),
      objectKeys.flatMap(k => Object.keys(issues[0][k] || {}).map(q => h('td', { class: 'num' }, number(i[k]?.[q])))))), { scroll: true, caption: 'Per issue' }));
  }
  parts.push(h('details', {}, h('summary', {}, 'The whole result document (JSON)'), h('pre', {}, JSON.stringify(result, null, 2).slice(0, 200000))));
  return parts;
}

let echartsLoading = null;
function loadECharts() {
  echartsLoading ||= new Promise((resolve, reject) => {
    const script = h('script', { src: '/workbench/echarts.min.js' });
    script.onload = () => resolve(window.echarts);
    script.onerror = () => reject(new Error('the chart library did not load'));
    document.head.append(script);
  });
  return echartsLoading;
}

async function runView(id, page) {
  const [{ body: run }] = await Promise.all([api(`/runs/${id}`)]);
  const heading = h('h1', {}, `Run ${id}: ${run.command} of ${run.scenario}`);
  const facts = h('p', { class: 'muted' }, `${run.status}; models ${run.models.join(', ')}; seed ${run.seed ?? 0}; Parley ${run.parley_version || ''}`);
  const [scenarioName] = run.scenario.split('@');
  // Only a completed run has a result: any other's link would answer the API's 409 ("still running", "has no result").
  // A report run's result is its HTML (GET /runs/{id}/report), not JSON: it is opened, not listed.
  const isReport = run.command === 'report';
  const links = h('p', {}, h('a', { href: `#/scenario/${encodeURIComponent(scenarioName)}` }, `Open ${scenarioName}`), ' · ', h('a', { href: '#/runs' }, 'All runs'),
    run.status === 'completed' && !isReport ? [' · ', h('a', { href: `/runs/${id}/result` }, 'Result (JSON)')] : null);
  if (run.status !== 'completed') {
    const box = h('div');
    if (!page.show(heading, facts, links, box)) return;
    if (run.status === 'running' && run.progress) follow(run, box, page);
    else box.append(h('p', { class: 'bad', role: 'alert', id: 'run-ended' }, `Run ${id} ${run.status}${run.error ? `: ${run.error}` : ''}.`));
    page.ready('run');
    if (run.status !== 'running') page.ready(`run-${run.status}`);
    return;
  }
  if (isReport) {
    if (!page.show(heading, facts, links, h('section', { 'aria-labelledby': 'report-title' }, h('h2', { id: 'report-title' }, 'Report'),
      h('p', {}, h('a', { class: 'button', id: 'open-report', href: `/runs/${id}/report` }, 'Open the report')),
      h('p', { class: 'muted' }, 'A self-contained HTML page: the forecasts, the bargaining round by round, and one model\'s influence (and, with draws, its uncertainty and sensitivity); it works offline and can be saved or shared as it is.')))) return;
    page.ready('run');
    return;
  }
  const { body: result } = await api(`/runs/${id}/result`);
  const isForecast = run.command === 'forecast' && Array.isArray(result.forecasts);
  const content = h('div', { class: isForecast ? 'layout' : '' });
  const left = h('div');
  content.append(left);
  // Runs of the same analysis compare value by value; another analysis's result holds other things (a forecast
  // against a Monte Carlo run gave two thousand rows of JSON paths), so those are offered only when asked for.
  const others = (await api(`/runs?limit=100&scenario=${encodeURIComponent(scenarioName)}`)).body.filter(r => r.id !== id && r.status === 'completed');
  const otherSelect = h('select', {});
  const compareButton = h('button', { type: 'button', class: 'secondary', onclick: () => { location.hash = `#/compare/${id}/${otherSelect.value}`; } }, 'Compare');
  const everyKind = h('input', { type: 'checkbox', id: nextId('kinds') });
  const sameKind = h('span', { class: 'hint', id: 'compare-same-kind' });
  const offer = () => {
    const offered = others.filter(r => everyKind.checked || r.command === run.command);
    otherSelect.replaceChildren(...offered.map(r => h('option', { value: r.id }, `run ${r.id}: ${r.command} ${r.scenario} (${r.models.join(', ')})`)));
    otherSelect.disabled = compareButton.disabled = offered.length === 0;
    sameKind.textContent = offered.length === 0 ? `No other completed ${run.command} run of ${scenarioName}.` : '';
  };
  everyKind.addEventListener('change', offer);
  offer();
  const compareRow = others.length ? h('div', { class: 'row' }, labelled('Compare with', otherSelect), compareButton,
    h('span', { class: 'check' }, everyKind, h('label', { for: everyKind.id }, 'Offer runs of other analyses too')), sameKind) : null;
  if (!page.show(...[heading, facts, links, compareRow, content].filter(Boolean))) return;
  if (!isForecast) {
    const charted = chartedAnalyses.includes(run.command);
    const chartsBox = h('section', { 'aria-labelledby': 'charts-title', id: 'charts' }, h('h2', { id: 'charts-title' }, 'Charts'), h('p', { class: 'muted' }, 'Drawing the charts…'));
    left.append(...[h('h2', {}, 'Result'), result.draws !== undefined ? h('p', { id: 'draws' }, `${result.draws.toLocaleString('en')} draws of ${result.model || 'the model'}`) : null,
      ...(run.command === 'influence' ? influenceResult(result, await scenarioNames(scenarioName, run.scenario.split('@')[1])) : []), charted ? chartsBox : null, ...genericResult(result)].filter(Boolean));
    page.ready('run');
    if (!charted) return;
    const [echarts, { body: charts }] = await Promise.all([loadECharts(), api(`/runs/${id}/charts`)]);
    if (!page.live()) return;
    drawCharts(chartsBox, echarts, charts.charts, 'Hover a bar for its value.', page);
    return;
  }
  const whatIfResult = h('section', { id: 'whatif-result', 'aria-live': 'polite', 'aria-label': 'What-if result', tabindex: '-1' });
  left.append(whatIfResult, h('h2', {}, 'Forecast'), forecastTable(result, 'Each model\'s forecast per issue, on the issue\'s scale'));
  const side = h('aside', { class: 'side', 'aria-labelledby': 'whatif-title' });
  content.append(side);
  side.append(...await whatIfPanel(run, result, whatIfResult));
  const chartsBox = h('section', { 'aria-labelledby': 'charts-title' }, h('h2', { id: 'charts-title' }, 'Charts'), h('p', { class: 'muted' }, 'Drawing the charts…'));
  const playbackBox = h('section', { 'aria-labelledby': 'playback-title', id: 'playback' });
  left.append(playbackBox, chartsBox);
  page.ready('run');
  const [echarts, { body: charts }] = await Promise.all([loadECharts(), api(`/runs/${id}/charts`)]);
  if (!page.live()) return;
  renderPlayback(playbackBox, charts.playback);
  drawCharts(chartsBox, echarts, charts.charts, 'Hover a point for its value and the actor behind it. The dashed line is the status quo.', page);
}

/** The analyses whose runs have charts (GET /runs/{id}/charts) besides the forecast. */
const chartedAnalyses = ['montecarlo', 'sensitivity', 'influence'];

/** Draws the report's charts (ECharts options from the server) into a section, under a hint on reading them. */
function drawCharts(chartsBox, echarts, charts, hint, page) {
  chartsBox.replaceChildren(h('h2', { id: 'charts-title' }, 'Charts'), h('p', { class: 'muted' }, hint));
  const grid = h('div', { class: 'charts' });
  chartsBox.append(grid);
  const drawn = [];
  for (const chart of charts) {
    const plot = h('div', { class: 'plot', style: `height:${chart.height}px` });
    grid.append(h('figure', { class: 'chart', id: `chart-${chart.id}`, role: 'group', 'aria-label': chart.title }, h('h3', {}, chart.title), plot, h('figcaption', {}, chart.caption)));
    const instance = echarts.init(plot, null, { renderer: 'svg' });
    instance.setOption(chart.option);
    plot.querySelector('svg')?.setAttribute('aria-label', `${chart.title}. ${chart.caption}`);
    plot.querySelector('svg')?.setAttribute('role', 'img');
    drawn.push(instance);
  }
  const resize = () => drawn.forEach(c => c.resize());
  window.addEventListener('resize', resize);
  page.onLeave(() => { window.removeEventListener('resize', resize); drawn.forEach(c => c.dispose()); });
  page.ready('run-charts');
}

/** Round-by-round playback of the dynamic models: a slider over rounds moves every actor on every issue. */
function renderPlayback(box, playback) {
  if (!playback || playback.length === 0) { box.remove(); return; }
  const modelSelect = h('select', {}, playback.map((p, i) => h('option', { value: i }, `${p.model}: ${p.name}`)));
  const slider = h('input', { type: 'range', min: 0, value: 0, step: 1 });
  const roundText = h('output', { id: 'round-text' });
  const strips = h('div');
  function draw() {
    const play = playback[Number(modelSelect.value)];
    slider.max = play.rounds;
    const round = Math.min(Number(slider.value), play.rounds);
    roundText.textContent = round === 0 ? `round 0 of ${play.rounds} (the stances)` : `round ${round} of ${play.rounds}`;
    slider.setAttribute('aria-valuetext', roundText.textContent);
    strips.replaceChildren(...play.issues.map(issue => {
      const width = 600, left = 10, right = 590;
      const shown = v => scaleNumber(v, scaleWidth(issue));
      const x = v => left + (right - left) * (v - issue.min) / ((issue.max - issue.min) || 1);
      const positions = issue.positions[Math.min(round, issue.positions.length - 1)];
      const outcome = round === 0 ? null : issue.outcomes[Math.min(round, issue.outcomes.length) - 1];
      const svg = document.createElementNS('http://www.w3.org/2000/svg', 'svg');
      svg.setAttribute('viewBox', `0 0 ${width} 46`); svg.setAttribute('class', 'strip'); svg.setAttribute('role', 'img');
      const described = issue.actors.map((a, k) => positions[k] === null ? null : `${a.name} ${shown(positions[k])}`).filter(Boolean).join(', ');
      svg.setAttribute('aria-label', `${issue.name}, round ${round}: ${described}${outcome === null || outcome === undefined ? '' : `; outcome ${shown(outcome)}`}`);
      const add = (tag, attributes, title) => { const node = document.createElementNS('http://www.w3.org/2000/svg', tag); for (const [k, v] of Object.entries(attributes)) node.setAttribute(k, v); if (title) { const t = document.createElementNS('http://www.w3.org/2000/svg', 'title'); t.textContent = title; node.append(t); } svg.append(node); return node; };
      add('line', { x1: left, x2: right, y1: 24, y2: 24, stroke: '#888' });
      if (issue.status_quo !== undefined && issue.status_quo !== null) add('line', { x1: x(issue.status_quo), x2: x(issue.status_quo), y1: 8, y2: 40, stroke: '#333', 'stroke-dasharray': '3 3' }, `status quo ${shown(issue.status_quo)}`);
      issue.actors.forEach((actor, k) => { if (positions[k] !== null) add('circle', { cx: x(positions[k]), cy: 24, r: 6, fill: '#1f77b4', 'fill-opacity': 0.6, class: 'actor' }, `${actor.name}: ${shown(positions[k])}`); });
      if (outcome !== null && outcome !== undefined) add('path', { d: `M ${x(outcome)} 14 l 8 10 l -8 10 l -8 -10 z`, fill: '#111', class: 'outcome' }, `outcome after round ${round}: ${shown(outcome)}`);
      return h('figure', { class: 'chart' }, h('figcaption', {}, `${issue.name}: ${outcome === null || outcome === undefined ? `status quo ${shown(issue.status_quo)}` : `outcome ${shown(outcome)}`}`), svg);
    }));
  }
  modelSelect.addEventListener('change', () => { slider.value = 0; draw(); });
  slider.addEventListener('input', draw);
  box.replaceChildren(h('h2', { id: 'playback-title' }, 'Round by round'), h('div', { class: 'row playback' }, labelled('Dynamic model', modelSelect), labelled('Round', slider), roundText), strips);
  draw();
}

async function whatIfPanel(run, result, resultBox) {
  const { body: doc } = await api(`/scenarios/${encodeURIComponent(run.scenario.split('@')[0])}/document?version=${run.scenario.split('@')[1]}`);
  const edits = [];
  const removed = [];
  const list = h('ul', { id: 'whatif-edits' });
  const actor = h('select', {}, doc.actors.map(a => h('option', { value: a.id }, a.name || a.id)));
  const issue = h('select', {}, [h('option', { value: '' }, '(capability of the actor)'), ...doc.issues.map(i => h('option', { value: i.id }, i.name || i.id))]);
  const field = h('select', {}, ['position', 'salience'].map(f => h('option', { value: f }, f)));
  const value = h('input', { type: 'text', inputmode: 'decimal', size: 6 });
  const removeSelect = h('select', {}, doc.actors.map(a => h('option', { value: a.id }, a.name || a.id)));
  const fast = ['compromise', 'median', 'nash', 'eum'];
  const whatifModels = run.models.map(m => h('input', { type: 'checkbox', value: m, checked: run.models.length <= 4 || fast.includes(m) }));
  const current = (a, i, f) => { const s = doc.stances.find(x => x.actor === a && x.issue === i); return s ? s[f] : undefined; };
  const hint = h('span', { class: 'hint', id: 'whatif-now' });
  const updateHint = () => { hint.textContent = issue.value ? `now ${show(current(actor.value, issue.value, field.value)) || 'no stance'}` : `now ${show(doc.actors.find(a => a.id === actor.value)?.capability)}`; field.disabled = !issue.value; };
  [actor, issue, field].forEach(x => x.addEventListener('change', updateHint));
  function renderEdits() {
    list.replaceChildren(...edits.map((e, i) => h('li', {}, e, ' ', h('button', { type: 'button', class: 'secondary', 'aria-label': `Drop the edit ${e}`, onclick: () => { edits.splice(i, 1); renderEdits(); } }, 'drop'))),
      ...removed.map((a, i) => h('li', {}, `remove ${a}`, ' ', h('button', { type: 'button', class: 'secondary', 'aria-label': `Keep ${a}`, onclick: () => { removed.splice(i, 1); renderEdits(); } }, 'drop'))));
  }
  // The result is drawn above the forecast, out of sight of the button that asked for it: the page goes to it.
  const reveal = () => { resultBox.scrollIntoView({ block: 'start' }); resultBox.focus({ preventScroll: true }); };
  async function runWhatIf() {
    const chosen = whatifModels.filter(c => c.checked).map(c => c.value);
    if (edits.length === 0 && removed.length === 0) { resultBox.replaceChildren(h('p', {}, 'Add an edit first.')); reveal(); return; }
    const started = performance.now();
    try {
      const { body } = await postJson('/runs/whatif', { scenario: { ref: run.scenario }, models: chosen.join(','), seed: run.seed ?? 0, set: edits, remove_actors: removed,
        ...(run.options?.rounds ? { rounds: Number(run.options.rounds) } : {}) });
      const elapsed = performance.now() - started;
      const rows = [];
      for (const comparison of body.result.comparisons) {
        const saved = result.forecasts.find(f => f.model === comparison.model);
        for (const row of comparison.final) {
          const before = saved?.issues.find(i => i.id === row.id)?.forecast ?? row.baseline;
          const delta = row.whatif === undefined || before === undefined ? undefined : row.whatif - before;
          const moved = delta !== undefined && Math.abs(delta) > 1e-9;
          const issue = doc.issues.find(i => i.id === row.id);
          const width = scaleWidth(issue);
          rows.push(h('tr', { class: moved ? 'changed' : '' }, h('td', {}, comparison.model), h('td', {}, issue?.name || row.id),
            h('td', { class: 'num' }, scaleNumber(before, width)), h('td', { class: 'num' }, scaleNumber(row.whatif, width)), h('td', { class: `num ${moved ? (delta > 0 ? 'up' : 'down') : ''}` }, delta === undefined ? '' : signedScaleNumber(delta, width))));
        }
      }
      resultBox.replaceChildren(h('h2', {}, `What if: ${[...edits, ...removed.map(a => `remove ${a}`)].join(', ')}`), h('p', { class: 'muted' }, 'Round trip ', h('span', { id: 'whatif-ms' }, String(Math.round(elapsed))), ` ms (run ${body.id}).`),
        table(['Model', 'Issue', { text: 'Saved run', num: true }, { text: 'What-if', num: true }, { text: 'Shift', num: true }], rows, { caption: 'The forecast against the saved run, issue by issue' }));
      reveal();
      document.body.dataset.whatif = String(body.id);
    } catch (error) { resultBox.replaceChildren(problemList(error)); reveal(); }
  }
  updateHint();
  return [h('h2', { id: 'whatif-title' }, 'What if…'),
    h('p', { class: 'muted' }, 'Change a stance or a capability, or take an actor out, and see the forecast shift against this run.'),
    h('fieldset', {}, h('legend', {}, 'Change a value'), h('div', { class: 'stack' }, labelled('Actor', actor), labelled('Issue', issue), labelled('Field', field), labelled('New value', value, hint),
      h('button', { type: 'button', class: 'secondary', onclick: () => { if (!value.value.trim()) return; edits.push(issue.value ? `${actor.value}.${issue.value}.${field.value}=${value.value.trim()}` : `${actor.value}.capability=${value.value.trim()}`); value.value = ''; renderEdits(); } }, 'Add the change'))),
    h('fieldset', {}, h('legend', {}, 'Remove an actor'), h('div', { class: 'row' }, labelled('Actor', removeSelect), h('button', { type: 'button', class: 'secondary', onclick: () => { if (!removed.includes(removeSelect.value)) removed.push(removeSelect.value); renderEdits(); } }, 'Remove'))),
    h('h3', {}, 'Edits'), list,
    h('fieldset', {}, h('legend', {}, 'Models'), h('div', { class: 'row' }, whatifModels.map(c => h('span', { class: 'check' }, c, h('label', { for: c.id ||= nextId('w') }, c.value))))),
    h('button', { type: 'button', id: 'whatif-run', onclick: runWhatIf }, 'Run the what-if'), h('p', { class: 'hint' }, 'The result shows above the forecast; the page moves to it.')];
}

// ---------- compare two stored runs ----------

/** An analysis by its command, in a sentence: "a forecast", "a Monte Carlo run". */
function analysisName(command) {
  return { forecast: 'a forecast', montecarlo: 'a Monte Carlo run', sensitivity: 'a sensitivity analysis', influence: 'an influence analysis', whatif: 'a what-if', report: 'a report' }[command] ?? `a ${command} run`;
}

async function compare(a, b, page) {
  const [runA, runB, diff] = await Promise.all([api(`/runs/${a}`), api(`/runs/${b}`), api(`/runs/${a}/diff/${b}`)]);
  const [resultA, resultB] = await Promise.all([api(`/runs/${a}/result`), api(`/runs/${b}/result`)]);
  const parts = [h('h1', {}, `Run ${a} and run ${b}`),
    table([{ text: 'Property', hidden: true }, `Run ${a}`, `Run ${b}`], [
      ['Analysis', runA.body.command, runB.body.command], ['Scenario', runA.body.scenario, runB.body.scenario], ['Models', runA.body.models.join(', '), runB.body.models.join(', ')], ['Seed', runA.body.seed ?? 0, runB.body.seed ?? 0],
    ].map(([label, x, y]) => h('tr', { class: String(x) !== String(y) ? 'changed' : '' }, h('th', { scope: 'row' }, label), h('td', {}, x), h('td', {}, y))), { caption: 'The two runs' })];
  if (diff.body.options.length) parts.push(h('h2', {}, 'Options that differ'), table(['Option', `Run ${a}`, `Run ${b}`], diff.body.options.map(o => h('tr', { class: 'changed' }, h('td', {}, o.option), h('td', {}, o.before ?? ''), h('td', {}, o.after ?? '')))));
  if (diff.body.scenario.length) parts.push(h('h2', {}, 'Scenario changes'), table(['Change', 'Part', 'Subject', 'Field', `Run ${a}`, `Run ${b}`], diff.body.scenario.map(c => h('tr', { class: 'changed' }, h('td', {}, c.kind), h('td', {}, c.part), h('td', {}, c.subject), h('td', {}, c.field ?? ''), h('td', {}, show(c.before)), h('td', {}, show(c.after))))));
  const x = resultA.body, y = resultB.body;
  const kindA = runA.body.command, kindB = runB.body.command;
  /** The result documents' differing values, path by path (rows of class `rowClass`). */
  const resultChanges = rowClass => table(['Path', `Run ${a}`, `Run ${b}`, 'Difference'], diff.body.result.map(c =>
    h('tr', { class: rowClass }, h('td', {}, c.path), h('td', {}, show(c.before)), h('td', {}, show(c.after)), h('td', { class: 'num' }, number(c.delta)))));
  if (kindA !== kindB) {
    // Two analyses' results hold different things: their values are not set side by side; the raw list stays folded.
    parts.push(h('h2', {}, 'Results'), h('p', { id: 'compare-kinds' }, `Run ${a} is ${analysisName(kindA)} and run ${b} ${analysisName(kindB)}: their results hold different things, so they are not compared value by value. The runs' scenario versions and options are compared above. To compare results, choose two runs of the same analysis.`),
      h('details', {}, h('summary', {}, `The raw differences of the two result documents (${diff.body.result_changes} values)`),
        resultChanges('')));
  } else if (Array.isArray(x.forecasts) && Array.isArray(y.forecasts)) {
    const modelIds = [...new Set([...x.forecasts.map(f => f.model), ...y.forecasts.map(f => f.model)])];
    const issues = [...new Map([...x.forecasts, ...y.forecasts].flatMap(f => f.issues).map(i => [i.id, i])).values()];
    const rows = [];
    let differing = 0;
    for (const issue of issues) for (const model of modelIds) {
      const va = x.forecasts.find(f => f.model === model)?.issues.find(i => i.id === issue.id)?.forecast;
      const vb = y.forecasts.find(f => f.model === model)?.issues.find(i => i.id === issue.id)?.forecast;
      const delta = va !== undefined && vb !== undefined ? vb - va : undefined;
      const differs = va === undefined || vb === undefined || Math.abs(delta) > 1e-9;
      if (differs) differing++;
      const width = scaleWidth(issue);
      rows.push(h('tr', { class: differs ? 'changed' : '' }, h('td', {}, issue.name), h('td', {}, model), h('td', { class: 'num' }, scaleNumber(va, width)), h('td', { class: 'num' }, scaleNumber(vb, width)),
        h('td', { class: `num ${differs && delta !== undefined ? (delta > 0 ? 'up' : 'down') : ''}` }, delta === undefined ? 'only one run' : signedScaleNumber(delta, width))));
    }
    parts.push(h('h2', {}, 'Forecasts side by side'), h('p', { id: 'compare-summary' }, `${differing} of ${rows.length} forecasts differ (highlighted).`),
      table(['Issue', 'Model', { text: `Run ${a}`, num: true }, { text: `Run ${b}`, num: true }, { text: 'Difference', num: true }], rows, { scroll: true, id: 'compare-table', caption: 'Each model\'s forecast per issue in both runs' }));
  } else {
    parts.push(h('h2', {}, 'Result values that differ'), h('p', { id: 'compare-summary' }, `${diff.body.result_changes} values differ.`),
      resultChanges('changed'));
  }
  if (!page.show(...parts)) return;
  page.ready('compare');
}

route();
