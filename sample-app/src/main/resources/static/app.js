// heroku4j sample page: plain JavaScript over the JSON endpoints of AppsController.
'use strict';

const appsEl = document.getElementById('apps');
const statusEl = document.getElementById('status');

/** Creates an element; children are nodes or text (text is never parsed as HTML). */
function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs)) {
    if (key.startsWith('on')) node.addEventListener(key.slice(2), value);
    else node.setAttribute(key, value);
  }
  for (const child of children) node.append(child instanceof Node ? child : String(child ?? ''));
  return node;
}

function say(message, kind = 'ok') {
  statusEl.textContent = message;
  statusEl.className = kind;
}

/** The CSRF token every state-changing request sends (SampleSecurity); asked for once, with its cookie. */
let csrf = null;
async function csrfHeader(method) {
  if (!method || method === 'GET') return {};
  csrf ??= fetch('csrf', { headers: { 'Accept': 'application/json' } })
    .then(response => response.ok ? response.json() : Promise.reject(new Error(`CSRF token: HTTP ${response.status}`)))
    .catch(error => { csrf = null; throw error; });
  const token = await csrf;
  return { [token.headerName]: token.token };
}

/** fetch + JSON; a problem+json answer becomes an Error carrying its detail. */
async function call(url, options = {}) {
  const response = await fetch(url, {
    ...options,
    headers: { 'Accept': 'application/json', 'Content-Type': 'application/json',
      ...(await csrfHeader(options.method)), ...(options.headers || {}) }
  });
  const body = await response.json().catch(() => null);
  if (!response.ok) throw new Error((body && (body.detail || body.title)) || `HTTP ${response.status}`);
  return body;
}

const appUrl = name => `apps/${encodeURIComponent(name)}`;
const release = r => r ? `v${r.version} · ${r.description ?? ''}` : 'no release yet';

function formationTable(app) {
  const rows = app.formation.map(process => {
    const quantity = el('input', { type: 'number', min: '0', max: '100', name: 'quantity',
      value: String(process.quantity), 'aria-label': `${process.type} dynos` });
    const form = el('form', { 'data-process': process.type, onsubmit: async event => {
      event.preventDefault();
      await scale(app.name, process.type, Number(quantity.value));
    } }, quantity, el('button', { type: 'submit' }, 'Scale'));
    return el('tr', {}, el('td', {}, el('strong', {}, process.type)),
      el('td', { class: 'quantity' }, `× ${process.quantity}`), el('td', { class: 'muted' }, process.size ?? ''),
      el('td', {}, form));
  });
  return rows.length ? el('table', {}, el('tbody', {}, ...rows)) : el('p', { class: 'muted' }, 'No process types.');
}

function card(app) {
  return el('section', { class: 'app', 'data-app': app.name },
    el('h2', {}, app.webUrl ? el('a', { href: app.webUrl, rel: 'noopener' }, app.name) : app.name),
    el('div', { class: 'muted' }, `${app.region ?? '?'} · ${app.stack ?? '?'} · latest ${release(app.latestRelease)}`),
    el('h3', {}, 'Formation'), formationTable(app),
    el('h3', {}, 'Dynos'), el('ul', { class: 'dynos' }, el('li', { class: 'muted' }, 'loading…')),
    el('h3', {}, 'Releases'), el('ul', { class: 'releases' }, el('li', { class: 'muted' }, 'loading…')),
    el('div', { class: 'actions' },
      el('button', { class: 'secondary', type: 'button', onclick: () => restart(app.name) }, 'Restart all dynos'),
      el('button', { class: 'secondary', type: 'button', onclick: event => tail(app.name, event.target) }, 'Tail logs'),
      el('button', { class: 'secondary', type: 'button', onclick: event => deploy(app.name, event.target) }, 'Deploy sample app')),
    el('pre', { class: 'logs', hidden: '' }));
}

async function loadDetails(name) {
  const details = await call(appUrl(name));
  const section = appsEl.querySelector(`section[data-app="${CSS.escape(name)}"]`);
  if (!section) return;
  section.replaceWith(card(details.app));
  const fresh = appsEl.querySelector(`section[data-app="${CSS.escape(name)}"]`);
  fresh.querySelector('ul.dynos').replaceChildren(...(details.dynos.length
    ? details.dynos.map(d => el('li', {}, `${d.name} `, el('span', { class: `state-${d.state}` }, d.state ?? '?'),
        el('span', { class: 'muted' }, ` ${d.size ?? ''}`)))
    : [el('li', { class: 'muted' }, 'no dynos running')]));
  fresh.querySelector('ul.releases').replaceChildren(...details.releases.map(r =>
    el('li', {}, `v${r.version} `, el('span', { class: 'muted' }, `${r.description ?? ''} · ${r.status ?? ''}`))));
}

async function scale(name, type, quantity) {
  try {
    const result = await call(`${appUrl(name)}/scale`, { method: 'POST', body: JSON.stringify({ type, quantity }) });
    say(`${name}: ${result.type} scaled to ${result.quantity}`);
    await loadDetails(name);
  } catch (error) {
    say(`${name}: scaling failed: ${error.message}`, 'error');
  }
}

async function restart(name) {
  try {
    await call(`${appUrl(name)}/restart`, { method: 'POST' });
    say(`${name}: restarting all dynos`);
    await loadDetails(name);
  } catch (error) {
    say(`${name}: restart failed: ${error.message}`, 'error');
  }
}

async function deploy(name, button) {
  const pre = button.closest('section').querySelector('pre.logs');
  pre.hidden = false;
  pre.textContent = `deploying the bundled sample app to ${name}…\n`;
  button.disabled = true;
  try {
    const result = await call(`${appUrl(name)}/deploy`, { method: 'POST' });
    pre.textContent += result.output.join('\n') + '\n';
    pre.textContent += `[${result.steps.join(' → ')}]\n`;
    say(`${name}: deployed, release v${result.release.version} ${result.release.status ?? ''}`);
    await loadDetails(name);
  } catch (error) {
    pre.textContent += `[deploy failed: ${error.message}]\n`;
    say(`${name}: deploy failed: ${error.message}`, 'error');
  } finally {
    button.disabled = false;
  }
}

function tail(name, button) {
  const pre = button.closest('section').querySelector('pre.logs');
  pre.hidden = false;
  pre.textContent = '';
  const source = new EventSource(`${appUrl(name)}/logs?lines=20`);
  source.addEventListener('log', event => { pre.textContent += event.data + '\n'; pre.scrollTop = pre.scrollHeight; });
  source.addEventListener('end', () => source.close());
  // Both the server's `event: error` (the log stream failed; data says so) and a lost connection.
  source.onerror = event => {
    if (event.data) pre.textContent += `[${event.data}]\n`;
    source.close();
  };
}

/** Heroku webhook events this service received (WebhookFeed): the latest, then each new one on top, live. */
const eventsEl = document.getElementById('event-list');
function eventItem(e) {
  const when = e.publishedAt ? new Date(e.publishedAt).toLocaleTimeString() : '';
  return el('li', { 'data-entity': e.entity },
    el('strong', {}, `${e.entity} ${e.action}`), ` ${e.app ?? ''} · ${e.summary} `, el('span', { class: 'muted' }, when));
}
async function watchEvents() {
  const seen = await call('webhook-events').catch(() => []);
  eventsEl.replaceChildren(...seen.map(eventItem));
  const source = new EventSource('webhook-events/stream');
  source.addEventListener('webhook', event => eventsEl.prepend(eventItem(JSON.parse(event.data))));
}

async function start() {
  watchEvents();
  call('actuator/health').then(health => {
    const heroku = health.components && health.components.heroku;
    const base = heroku && heroku.details && heroku.details.baseUrl;
    document.getElementById('backend').textContent = base
      ? `Heroku API: ${base}${base.startsWith('http://127.0.0.1') ? ' (built-in simulator with demo data)' : ''}`
      : 'Heroku API: unknown';
  }).catch(() => { document.getElementById('backend').textContent = 'Heroku API: health unavailable'; });
  try {
    const apps = await call('apps');
    appsEl.replaceChildren(...(apps.length ? apps.map(card) : [el('p', { class: 'muted' }, 'No apps in this account.')]));
    await Promise.all(apps.map(app => loadDetails(app.name)));
    appsEl.setAttribute('aria-busy', 'false');
  } catch (error) {
    appsEl.replaceChildren(el('p', {}, `Could not list apps: ${error.message}`));
    say(error.message, 'error');
  }
}

start();
