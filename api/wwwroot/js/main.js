// The spec lab page: wires the library, the editor, the listing calendar, "test this spec" and the price form to
// the JSON routes. Plain modules, no build step, nothing fetched from elsewhere.
import { api, ApiError, credential, curl, setCredential } from './api.js';
import { $, el, show, table } from './dom.js';
import { createEditor } from './editor.js';
import { createLibrary } from './library.js';
import { renderReport } from './lab.js';
import { createPriceForm } from './price.js';
import { logReturns, parsePrices } from './history.js';
import { number } from './format.js';

/** A new spec to start from: ICE EUA futures terms with a margin and a daily limit (a sample, not a listed contract). */
const template = {
  schemaVersion: 'carbon-spec/1', code: 'MY-EUA-FUT', name: 'My EUA futures', exchange: '(draft)', kind: 'future',
  underlying: { marketCode: 'EUA', type: 'allowance', programme: 'EU ETS', jurisdiction: 'EU', registry: 'Union Registry' },
  currency: 'EUR', lotSize: 1000, unit: { mass: 'tonne', substance: 'co2e' }, tick: { size: 0.01, value: 10 },
  calendar: 'unitedKingdom', listing: { series: [{ months: [3, 6, 9, 12], contractsListed: 8 }], lastContractMonth: '2030-12' },
  expiryRule: { kind: 'weekdayOfMonth', weekday: 'monday', occurrence: -1, holidayWindowDays: 4, fallbackOccurrence: -2 },
  settlement: { type: 'physical', registry: 'Union Registry', deliveryBusinessDays: 3 },
  sources: [{ title: 'Where the terms come from', url: 'https://example.org/spec', accessed: '2026-01-01' }],
  margin: { initialPerLot: 5000, method: 'fixed EUR per lot' }, priceLimits: { fraction: 0.1, reference: 'previous settlement' },
};

const state = { code: '', loadedText: '', history: null };
const snapshot = () => $('#snapshot').value || 'default';

// ---- tabs (arrow keys move between tabs, as in the WAI-ARIA tabs pattern) ----
const tabs = [...document.querySelectorAll('[role=tab]')];
function selectTab(tab, focus = true) {
  for (const t of tabs) {
    const selected = t === tab;
    t.setAttribute('aria-selected', String(selected));
    t.tabIndex = selected ? 0 : -1;
    document.getElementById(t.getAttribute('aria-controls')).hidden = !selected;
  }
  if (focus) tab.focus();
}
tabs.forEach((tab, i) => {
  tab.addEventListener('click', () => selectTab(tab));
  tab.addEventListener('keydown', e => {
    const next = { ArrowRight: i + 1, ArrowLeft: i - 1, Home: 0, End: tabs.length - 1 }[e.key];
    if (next === undefined) return;
    e.preventDefault();
    selectTab(tabs[(next + tabs.length) % tabs.length]);
  });
});

// ---- access: the credential sent with every call (saving and deleting specs need the admin role) ----
const access = credential();
$('#credential-kind').value = access.kind;
$('#credential-value').value = access.value;
$('#access-form').addEventListener('submit', e => {
  e.preventDefault();
  setCredential($('#credential-kind').value, $('#credential-value').value);
  $('#access-status').textContent = $('#credential-value').value.trim() ? 'Sent with every request from now on.' : 'No credential: reads only where the server allows them.';
});

// ---- the editor ----
const editor = createEditor({
  textarea: $('#spec-text'), marks: $('#spec-marks'), gutter: $('#spec-gutter'), list: $('#spec-errors'), status: $('#spec-status'),
}, { onChange: () => renderSources() });

function renderSources() {
  let spec;
  try {
    spec = JSON.parse(editor.text.replace(/^\s*\/\/.*$/gm, ''));
  } catch {
    return;
  }
  const sources = Array.isArray(spec?.sources) ? spec.sources : [];
  show($('#spec-sources'), sources.length ? sources.map(s => el('li', {},
    s.url ? el('a', { href: s.url, rel: 'noopener noreferrer', target: '_blank' }, s.title || s.url) : s.title,
    s.accessed ? el('span', { class: 'muted' }, ` (accessed ${s.accessed})`) : null)) : el('li', { class: 'muted' }, 'No sources given.'));
}

/** The spec the lab should use: its code while the text is the stored one, else the text itself. */
const specReference = () => (state.code && editor.text === state.loadedText ? { code: state.code } : { specJson: editor.text });

async function openSpec(code) {
  const doc = await api.getSpec(code);
  state.code = code;
  state.loadedText = doc.specJson;
  const s = doc.summary;
  $('#spec-title').textContent = `${s.code}: ${s.name}`;
  $('#spec-summary').textContent = `${s.exchange} · ${s.kind} on ${s.marketCode} · ${s.currency} · lot ${number(s.lotSize, 0)} · ${s.origin === 'SPEC_ORIGIN_SAVED' ? 'saved spec' : 'library spec (read-only: save it under a new code to change it)'}`;
  $('#delete-spec').hidden = s.origin !== 'SPEC_ORIGIN_SAVED';
  library.select(code);
  editor.setText(doc.specJson);
  renderSources();
  showCalendar();
  show($('#test-results'));
  $('#test-title').textContent = `Test ${code}`;
  history.replaceState(null, '', `#${encodeURIComponent(code)}`);
}

// ---- the library ----
const library = createLibrary({ list: $('#spec-list'), filter: $('#spec-filter'), kind: $('#kind-filter'), count: $('#library-count') }, {
  onOpen: code => openSpec(code).then(() => $('#spec-text').focus()).catch(reportError),
});

$('#new-spec').addEventListener('click', () => {
  state.code = '';
  state.loadedText = '';
  $('#spec-title').textContent = 'New spec';
  $('#spec-summary').textContent = 'A draft: validated as you type; save it to keep it.';
  $('#delete-spec').hidden = true;
  library.select('');
  editor.setText(JSON.stringify(template, null, 2));
  renderSources();
  selectTab($('#tab-spec'), false);
  $('#spec-text').focus();
});

// ---- save and delete ----
$('#save-spec').addEventListener('click', async () => {
  const status = $('#save-status');
  status.textContent = 'Saving…';
  try {
    const reply = await api.saveSpec(editor.text);
    status.textContent = `Saved as ${reply.code}${reply.replaced ? ' (replaced the saved spec)' : ''}.`;
    await library.load();
    await openSpec(reply.code);
  } catch (e) {
    if (!(e instanceof ApiError)) throw e;
    if (e.fieldViolations.length) editor.showViolations(e.fieldViolations);
    status.textContent = e.httpStatus === 401 || e.httpStatus === 403
      ? `${e.codeName}: saving needs the writer role; enter an API key or token under Access. (${e.message})`
      : `Not saved: ${e.codeName}: ${e.message}`;
  }
});

$('#delete-spec').addEventListener('click', async () => {
  if (!state.code || !confirm(`Delete the saved spec ${state.code}?`)) return;
  try {
    await api.deleteSpec(state.code);
    $('#save-status').textContent = `Deleted ${state.code}.`;
    await library.load();
    $('#new-spec').click();
  } catch (e) {
    reportError(e, $('#save-status'));
  }
});

// ---- listing calendar ----
async function showCalendar() {
  const target = $('#calendar');
  const from = $('#calendar-from').value;
  try {
    const reply = await api.calendar({
      spec: specReference(), count: Number($('#calendar-count').value) || 12, fromDate: from, market: from ? undefined : { snapshotId: snapshot() },
    });
    show(target, reply.contracts.length ? table([
      { label: 'Contract', cell: r => r.label, header: true },
      { label: 'Last trading day', cell: r => r.lastTradingDay },
      { label: 'Exercises into', cell: r => r.underlyingContract || '–' },
      { label: 'Its last trading day', cell: r => r.underlyingLastTradingDay || '–' },
    ], reply.contracts, { caption: `From ${reply.fromDate}` }) : el('p', { class: 'muted' }, 'A spot spec lists no contract months.'));
  } catch (e) {
    reportError(e, target);
  }
}
$('#calendar-form').addEventListener('submit', e => { e.preventDefault(); showCalendar(); });

// ---- test this spec ----
$('#history-file').addEventListener('change', async e => {
  const file = e.target.files[0];
  const status = $('#history-status');
  state.history = null;
  if (!file) { status.textContent = ''; return; }
  try {
    const prices = parsePrices(await file.text());
    state.history = logReturns(prices);
    status.textContent = `${number(state.history.length, 0)} daily returns from ${file.name}`;
  } catch (error) {
    status.textContent = `Cannot use ${file.name}: ${error.message}`;
  }
});
$('#jumps-on').addEventListener('change', e => { $('#jumps').hidden = !e.target.checked; });

function labRequest() {
  const n = id => Number($(id).value) || 0;
  const settings = {
    contracts: n('#lab-contracts'), strikesEachSide: n('#lab-strikes'), pricedOptionContracts: n('#lab-priced'),
    paths: n('#lab-paths'), seed: n('#lab-seed'), horizonDays: n('#lab-horizon'),
  };
  if ($('#jumps-on').checked) settings.jumps = { jumpIntensity: n('#jump-intensity'), jumpMean: n('#jump-mean'), jumpVolatility: n('#jump-vol') };
  if (state.history) settings.historicalLogReturns = state.history;
  const alternatives = marginAlternatives();
  if (alternatives.length) settings.marginAlternatives = alternatives;
  return { spec: specReference(), market: { snapshotId: snapshot() }, settings };
}

/** The filled rows of "Compare margin and limit settings": an initial margin per lot and/or a daily limit in %. */
function marginAlternatives() {
  const rows = [];
  for (let i = 0; i < 3; i++) {
    const margin = $(`#alt-margin-${i}`).value.trim(), limit = $(`#alt-limit-${i}`).value.trim();
    if (!margin && !limit) continue;
    const terms = {};
    if (margin) terms.initialMarginPerLot = Number(margin);
    if (limit) terms.limitFraction = Number(limit) / 100;
    rows.push(terms);
  }
  return rows;
}

let running;
$('#test-form').addEventListener('submit', async e => {
  e.preventDefault();
  const request = labRequest();
  const shown = state.history ? { ...request, settings: { ...request.settings, historicalLogReturns: `[${state.history.length} returns]` } } : request;
  $('#test-request').textContent = JSON.stringify(shown, null, 2);
  $('#test-curl').textContent = curl('POST', '/v1/specs:test', shown);
  $('#test-request').dataset.request = JSON.stringify(request);
  const status = $('#test-status');
  status.textContent = 'Running…';
  running?.abort();
  running = new AbortController();
  const started = performance.now();
  try {
    const report = await api.testSpec(request, { signal: running.signal });
    renderReport($('#test-results'), report, { snapshot: snapshot() });
    status.textContent = `Done in ${number((performance.now() - started) / 1000, 2)} s.`;
    $('#test-results').dataset.state = 'done';
  } catch (error) {
    if (error.name === 'AbortError') return;
    reportError(error, $('#test-results'));
    status.textContent = 'Failed.';
  }
});

// ---- snapshots and the price form ----
const priceForm = createPriceForm($('#price-form'), $('#price-result'), { snapshot });
async function loadSnapshot() {
  try {
    priceForm.setMarket(await api.getSnapshot(snapshot()));
  } catch (e) {
    reportError(e, $('#price-result'));
  }
}
$('#snapshot').addEventListener('change', () => { loadSnapshot(); if (state.code || editor.text) showCalendar(); });

function reportError(error, target = $('#page-status')) {
  const text = error instanceof ApiError
    ? [`${error.codeName}: ${error.message}`, ...error.fieldViolations.map(v => `${v.field}: ${v.description}`), ...error.quotaViolations.map(v => `${v.subject}: ${v.description}`)]
    : [String(error.message ?? error)];
  show(target, el('div', { class: 'error', role: 'alert' }, text.map(t => el('p', {}, t))));
}

async function start() {
  const [snapshots] = await Promise.all([api.listSnapshots(), library.load()]);
  show($('#snapshot'), (snapshots.snapshotIds ?? ['default']).map(id => el('option', { value: id }, id)));
  $('#snapshot').value = 'default';
  performance.mark('lab:ready');
  document.body.dataset.ready = 'true';
  const linked = decodeURIComponent(location.hash.slice(1));
  if (linked && library.summary(linked)) await openSpec(linked); // a link to a spec opens it: /#ICE-EUA-OPT
  await loadSnapshot();
}
start().catch(e => reportError(e));
window.addEventListener('unhandledrejection', e => reportError(e.reason));
