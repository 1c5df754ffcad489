// The Portico dashboard: plain ES module, no framework, no build step. It reads the emulator's JSON API
// under /_portico/api/ and follows it live over server-sent events (docs/decisions/0015-dashboard.md).
// Every value from the gateway is set as text (never as HTML): request paths and bodies are untrusted.

const API = 'api/';
const MAX_ROWS = 500;

/** Creates an element; children are nodes or strings (set as text). */
function h(tag, attributes = {}, ...children) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === undefined || value === null || value === false) continue;
    if (name === 'class') element.className = value;
    else if (name.startsWith('on')) element.addEventListener(name.slice(2), value);
    else element.setAttribute(name, value === true ? '' : String(value));
  }
  for (const child of children.flat(Number.POSITIVE_INFINITY)) {
    if (child === undefined || child === null || child === false) continue;
    element.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return element;
}

const $ = (id) => document.getElementById(id);

async function getJson(path) {
  const response = await fetch(API + path, { cache: 'no-store' });
  if (!response.ok) throw new Error(`${path}: ${response.status}`);
  return response.json();
}

async function postJson(path, body) {
  const response = await fetch(API + path, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  });
  return response.json();
}

const ms = (value) => (value === undefined || value === null ? '–' : `${value} ms`);
const statusClass = (status) => (status >= 500 ? 's5' : status >= 400 ? 's4' : 's2');
const pretty = (value) => (typeof value === 'string' ? value : JSON.stringify(value, null, 2));

// ---------------------------------------------------------------------------------------------- tabs

const tabs = [...document.querySelectorAll('[role="tab"]')];
let activeView = 'requests';

function select(tab) {
  for (const other of tabs) {
    const selected = other === tab;
    other.setAttribute('aria-selected', String(selected));
    other.tabIndex = selected ? 0 : -1;
    $(other.getAttribute('aria-controls')).hidden = !selected;
  }
  activeView = tab.id.slice('tab-'.length);
  refresh(activeView);
}

for (const tab of tabs) {
  tab.addEventListener('click', () => select(tab));
  // Arrow keys move between tabs (WAI-ARIA tabs pattern); Home/End jump to the ends.
  tab.addEventListener('keydown', (event) => {
    const index = tabs.indexOf(tab);
    const next = {
      ArrowRight: (index + 1) % tabs.length,
      ArrowLeft: (index - 1 + tabs.length) % tabs.length,
      Home: 0,
      End: tabs.length - 1,
    }[event.key];
    if (next === undefined) return;
    event.preventDefault();
    tabs[next].focus();
    select(tabs[next]);
  });
}

// ------------------------------------------------------------------------------------ request stream

const requestRows = $('requests');
const requestFilter = $('request-filter');
let selectedRequest;

function requestText(r) {
  return [
    r.method,
    r.url,
    r.route,
    r.status,
    r.api,
    r.stage,
    r.apiKey,
    r.plan,
    r.authorizer?.decision,
    r.gatewayResponse,
  ]
    .filter(Boolean)
    .join(' ')
    .toLowerCase();
}

function limitsOf(r) {
  if (r.throttled) return h('span', { class: 'badge s4' }, 'throttled');
  if (r.quotaExceeded) return h('span', { class: 'badge s4' }, 'quota exceeded');
  return '';
}

function authorizerOf(r) {
  if (!r.authorizer) return '–';
  const { decision, cached } = r.authorizer;
  return h(
    'span',
    { class: `badge ${decision === 'allow' ? 's2' : decision === 'error' ? 's5' : 's4'}` },
    `${decision}${cached ? ' · cached' : ''}`,
  );
}

function requestRow(r) {
  const row = h(
    'tr',
    {
      class: 'request',
      tabindex: 0,
      'data-request-id': r.requestId,
      'data-status': r.status,
      'aria-label': `${r.method} ${r.url} ${r.status}`,
      onclick: () => openDetail(r.requestId, row),
      onkeydown: (event) => {
        if (event.key === 'Enter' || event.key === ' ') {
          event.preventDefault();
          openDetail(r.requestId, row);
        }
      },
    },
    h('td', {}, new Date(r.time).toLocaleTimeString()),
    h('td', {}, r.api ? `${r.api} · ${r.stage}` : '–'),
    h('td', {}, r.method),
    h('td', {}, r.url),
    h('td', {}, r.route ?? '–'),
    h('td', { class: statusClass(r.status) }, String(r.status)),
    h('td', { class: 'num' }, ms(r.latencyMs)),
    h('td', {}, authorizerOf(r)),
    h('td', {}, r.apiKey ? `${r.apiKey}${r.plan ? ` · ${r.plan}` : ''}` : '–'),
    h('td', {}, limitsOf(r)),
    h('td', { class: 'num' }, ms(r.integrationLatencyMs)),
  );
  row.dataset.text = requestText(r);
  return row;
}

function applyRequestFilter(row) {
  const query = requestFilter.value.trim().toLowerCase();
  row.hidden = query !== '' && !row.dataset.text.includes(query);
}

/** Newest first: a batch arrives oldest first, so each row goes on top in turn. */
function addRequests(requests) {
  for (const r of requests) {
    const row = requestRow(r);
    applyRequestFilter(row);
    requestRows.prepend(row);
  }
  while (requestRows.rows.length > MAX_ROWS) requestRows.lastElementChild.remove();
}

requestFilter.addEventListener('input', () => {
  for (const row of requestRows.rows) applyRequestFilter(row);
});
$('clear-requests').addEventListener('click', () => {
  requestRows.replaceChildren();
  closeDetail();
});

function section(title, ...content) {
  return [h('h3', {}, title), ...content];
}

function messageBlock(message) {
  const headers = message.headers.map(([name, value]) => `${name}: ${value}`).join('\n');
  const body = message.encoding === 'base64' ? `(base64) ${message.body}` : message.body;
  return h('pre', {}, `${headers}${body ? `\n\n${body}` : ''}`);
}

async function openDetail(requestId, row) {
  for (const other of requestRows.querySelectorAll('[aria-selected="true"]')) other.removeAttribute('aria-selected');
  row?.setAttribute('aria-selected', 'true');
  selectedRequest = requestId;
  const detail = $('detail');
  detail.hidden = false;
  detail.parentElement.classList.add('open');
  let record;
  try {
    record = await getJson(`requests/${encodeURIComponent(requestId)}`);
  } catch {
    detail.replaceChildren(h('p', { class: 'empty' }, 'This request has left the ring buffer.'));
    return;
  }
  if (selectedRequest !== requestId) return;
  const parts = [
    h(
      'div',
      { class: 'toolbar' },
      h('h2', {}, `${record.method} ${record.url} → ${record.status}`),
      h('button', { type: 'button', onclick: closeDetail, 'aria-label': 'Close the detail' }, 'Close'),
    ),
    h(
      'p',
      { class: 'dim' },
      `${record.requestId} · ${record.route ?? 'no route'} · ${ms(record.latencyMs)}`,
      record.gatewayResponse ? ` · gateway response ${record.gatewayResponse}` : '',
    ),
    section('Request', messageBlock(record.request)),
    record.invocations.length === 0
      ? section('Lambda', h('p', { class: 'empty' }, 'No function was invoked.'))
      : record.invocations.map((call, i) => [
          section(
            `Lambda event #${i + 1} → ${call.functionName}${call.cold ? ' (cold start)' : ''}`,
            h('pre', { 'data-part': 'event' }, pretty(call.event)),
          ),
          section('Handler answer', h('pre', { 'data-part': 'answer' }, pretty(call.answer))),
        ]),
    section('Response', messageBlock(record.response)),
    section('Access log line', h('pre', {}, record.accessLogLine ?? '(no access logging on this stage)')),
  ];
  detail.replaceChildren(...parts.flat(Number.POSITIVE_INFINITY));
}

function closeDetail() {
  selectedRequest = undefined;
  const detail = $('detail');
  detail.hidden = true;
  detail.parentElement.classList.remove('open');
}

// -------------------------------------------------------------------------------------------- routes

const routeFilter = $('route-filter');
let routeData = { routes: [], stats: {} };

function renderRoutes() {
  const query = routeFilter.value.trim().toLowerCase();
  const rows = routeData.routes
    .filter((r) =>
      [r.api, r.stage, r.method, r.path, r.authorization, r.target, r.throttle].join(' ').toLowerCase().includes(query),
    )
    .map((r) => {
      const s = routeData.stats[r.id] ?? {};
      return h(
        'tr',
        { 'data-route-id': r.id },
        h('td', {}, `${r.api}${r.flavor === 'HTTP' ? ' (HTTP API)' : ''}`),
        h('td', {}, r.stage),
        h('td', {}, r.method),
        h('td', {}, r.path),
        h('td', {}, r.authorization),
        h('td', {}, r.apiKey),
        h('td', {}, r.throttle),
        h('td', {}, r.target),
        h('td', { class: 'num', 'data-part': 'count' }, String(s.count ?? 0)),
        h('td', { class: 'num' }, `${s.status2xx ?? 0} / ${s.status4xx ?? 0} / ${s.status5xx ?? 0}`),
        h('td', { class: 'num' }, ms(s.p50Ms)),
        h('td', { class: 'num' }, ms(s.p99Ms)),
      );
    });
  $('routes').replaceChildren(...rows);
}

routeFilter.addEventListener('input', renderRoutes);

// --------------------------------------------------------------------------------------------- usage

function renderUsage({ usage }) {
  if (usage.length === 0) {
    $('usage').replaceChildren(h('tr', {}, h('td', { colspan: 9, class: 'empty' }, 'No usage plans in this gateway.')));
    return;
  }
  $('usage').replaceChildren(
    ...usage.map((u) =>
      h(
        'tr',
        { 'data-plan': u.plan, 'data-key': u.key, 'data-method': u.method ?? '' },
        h('td', {}, u.plan),
        h('td', {}, u.key),
        h('td', {}, u.method ? `${u.stage} ${u.method}` : 'plan'),
        h('td', {}, u.rateLimit === undefined ? 'unthrottled' : `${u.rateLimit}/s · ${u.burstLimit}`),
        h(
          'td',
          { 'data-part': 'tokens' },
          u.tokensLeft === undefined
            ? '–'
            : [
                h('meter', { min: 0, max: u.burstLimit, value: u.tokensLeft, 'aria-hidden': 'true' }),
                ` ${u.tokensLeft}`,
              ],
        ),
        h(
          'td',
          { class: 'num', 'data-part': 'quota-used' },
          u.quotaLimit === undefined ? '–' : `${u.quotaUsed} / ${u.quotaLimit} per ${u.quotaPeriod.toLowerCase()}`,
        ),
        h('td', { class: 'num', 'data-part': 'quota-left' }, u.quotaLeft === undefined ? '–' : String(u.quotaLeft)),
        h('td', { class: 'num', 'data-part': 'throttled' }, String(u.throttledCount)),
        h('td', { class: 'num', 'data-part': 'quota-exceeded' }, String(u.quotaExceededCount)),
      ),
    ),
  );
}

// --------------------------------------------------------------------------------------- authorizers

function renderAuthorizers({ authorizers }) {
  if (authorizers.length === 0) {
    $('authorizers').replaceChildren(h('p', { class: 'empty' }, 'No authorizer has run yet.'));
    return;
  }
  $('authorizers').replaceChildren(
    ...authorizers.map((a) =>
      h(
        'div',
        { class: 'card', 'data-authorizer': a.authorizer },
        h('h2', {}, `${a.authorizer} `, h('span', { class: 'dim' }, `${a.api} · TTL ${a.ttlSeconds} s`)),
        h(
          'p',
          {},
          h('span', { 'data-part': 'hits' }, `${a.hits} hits`),
          ' · ',
          h('span', { 'data-part': 'misses' }, `${a.misses} misses`),
          ' · ',
          h('span', { 'data-part': 'entries' }, `${a.entries.length} cached`),
          a.cacheEnabled ? '' : ' · caching off (TTL 0)',
        ),
        a.entries.length === 0
          ? ''
          : h(
              'table',
              { 'aria-label': `Cache of ${a.authorizer}` },
              h(
                'thead',
                {},
                h(
                  'tr',
                  {},
                  h('th', { scope: 'col' }, 'Identity'),
                  h('th', { scope: 'col' }, 'Principal'),
                  h('th', { scope: 'col' }, 'Policy'),
                  h('th', { scope: 'col' }, 'TTL left'),
                ),
              ),
              h(
                'tbody',
                {},
                a.entries.map((e) =>
                  h(
                    'tr',
                    {},
                    h('td', {}, e.key),
                    h(
                      'td',
                      {},
                      e.principalId ?? (e.isAuthorized === undefined ? '–' : `isAuthorized: ${e.isAuthorized}`),
                    ),
                    h('td', {}, (e.policy ?? []).join('; ') || '–'),
                    h('td', { class: 'num' }, `${Math.ceil(e.ttlLeftMs / 1000)} s`),
                  ),
                ),
              ),
            ),
      ),
    ),
  );
}

$('flush').addEventListener('click', async () => {
  const { flushed } = await postJson('authorizers/flush', {});
  $('flush-result').textContent = `Flushed ${flushed} cached ${flushed === 1 ? 'result' : 'results'}.`;
  refresh('authorizers');
});

// ----------------------------------------------------------------------------------------- functions

function renderFunctions({ functions }) {
  if (functions.length === 0) {
    $('functions').replaceChildren(h('p', { class: 'empty' }, 'No function has been invoked yet.'));
    return;
  }
  $('functions').replaceChildren(
    h(
      'table',
      { 'aria-label': 'Lambda functions' },
      h(
        'thead',
        {},
        h(
          'tr',
          {},
          [
            'Function',
            'Environments',
            'In flight',
            'Invocations',
            'Cold starts',
            'Errors',
            'Timeouts',
            'Last duration',
          ].map((title) => h('th', { scope: 'col' }, title)),
        ),
      ),
      h(
        'tbody',
        {},
        functions.map((f) =>
          h(
            'tr',
            { 'data-function': f.functionName },
            h('td', {}, f.functionName),
            h('td', { class: 'num' }, `${f.environments} warm`),
            h('td', { class: 'num' }, String(f.inFlight)),
            h('td', { class: 'num', 'data-part': 'invocations' }, String(f.invocations)),
            h('td', { class: 'num' }, String(f.coldStarts)),
            h('td', { class: `num ${f.errors ? 's5' : ''}` }, String(f.errors)),
            h('td', { class: `num ${f.timeouts ? 's5' : ''}` }, String(f.timeouts)),
            h('td', { class: 'num' }, ms(f.lastDurationMs)),
          ),
        ),
      ),
    ),
    ...functions
      .filter((f) => f.lastLogLines.length > 0)
      .map((f) =>
        h(
          'details',
          {},
          h('summary', {}, `Last log lines of ${f.functionName}`),
          h('pre', {}, f.lastLogLines.join('\n')),
        ),
      ),
  );
}

// ------------------------------------------------------------------------------------ send a request

async function loadOverview() {
  const overview = await getJson('overview');
  $('total').textContent = String(overview.totalRequests);
  const keys = $('send-key');
  keys.replaceChildren(
    h('option', { value: '' }, 'none'),
    ...overview.apiKeys.map((k) =>
      h('option', { value: k.value }, `${k.name}${k.plans.length ? ` (${k.plans.join(', ')})` : ''}`),
    ),
  );
  const tokens = $('send-token');
  tokens.replaceChildren(
    h('option', { value: '' }, 'none'),
    ...overview.tokens.map((t) => h('option', { value: t.value }, t.name)),
  );
  const firstStage = overview.apis.find((api) => api.stages.length > 0);
  if ($('send-path').value === '/' && firstStage) $('send-path').value = `/${firstStage.stages[0]}/`;
}

$('send-form').addEventListener('submit', async (event) => {
  event.preventDefault();
  const headers = {};
  for (const line of $('send-headers').value.split('\n')) {
    const split = line.indexOf(':');
    if (split > 0) headers[line.slice(0, split).trim()] = line.slice(split + 1).trim();
  }
  if ($('send-key').value) headers['x-api-key'] = $('send-key').value;
  if ($('send-token').value) headers.Authorization = `Bearer ${$('send-token').value}`;
  const answer = await postJson('send', {
    method: $('send-method').value,
    path: $('send-path').value,
    headers,
    body: $('send-body').value,
  });
  $('send-result').replaceChildren(
    ...(answer.status === undefined
      ? [h('p', { class: 's5' }, answer.message ?? 'The dashboard could not send the request.')]
      : [
          h('h2', { class: statusClass(answer.status), 'data-part': 'status' }, `${answer.status}`),
          h('pre', {}, answer.headers.map(([name, value]) => `${name}: ${value}`).join('\n')),
          h('pre', { 'data-part': 'body' }, answer.body),
        ]),
  );
});

// ------------------------------------------------------------------------------------------ liveness

const views = {
  routes: async () => {
    routeData = await getJson('routes');
    renderRoutes();
  },
  usage: async () => renderUsage(await getJson('usage')),
  authorizers: async () => renderAuthorizers(await getJson('authorizers')),
  functions: async () => renderFunctions(await getJson('functions')),
};

let refreshing = false;
let refreshAgain = false;

/** Re-reads the visible view's numbers; requests arriving meanwhile cause one more read, not one each. */
async function refresh(view) {
  const load = views[view];
  if (!load) return;
  if (refreshing) {
    refreshAgain = true;
    return;
  }
  refreshing = true;
  try {
    await load();
  } catch {
    // The server went away or is reloading: the event stream reconnects and refreshes again.
  } finally {
    refreshing = false;
    if (refreshAgain) {
      refreshAgain = false;
      refresh(activeView);
    }
  }
}

function connect() {
  const events = new EventSource(`${API}events`);
  const status = $('status');
  events.addEventListener('hello', async () => {
    status.classList.add('live');
    $('status-text').textContent = 'live';
    const { requests } = await getJson(`requests?limit=${MAX_ROWS}`);
    requestRows.replaceChildren();
    addRequests(requests.reverse());
    await loadOverview();
    refresh(activeView);
  });
  events.addEventListener('requests', (event) => {
    const { requests } = JSON.parse(event.data);
    if (requests.length === 0) return;
    addRequests(requests);
    $('total').textContent = String(requests[requests.length - 1].seq);
    refresh(activeView);
  });
  events.addEventListener('reload', () => {
    $('status-text').textContent = 'gateway reloaded, reconnecting…';
  });
  events.addEventListener('error', () => {
    status.classList.remove('live');
    $('status-text').textContent = 'reconnecting…';
  });
}

connect();
