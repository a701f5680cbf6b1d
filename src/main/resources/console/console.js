// iscsi-smis console: polls /console/api/state (what a CIM client would read, as JSON) and renders one table per
// section; buttons POST to /console/api/*. Everything shown goes through textContent: instance values are
// client-controlled, so no server text is ever parsed as HTML.
'use strict';

const POLL_MS = 1000;          // while the page is visible
const HIDDEN_POLL_MS = 10000;  // while it is in a background tab
const ACTION_HEADER = { 'X-Requested-By': 'iscsi-smis-console' };

// ---------------------------------------------------------------- helpers

function el(tag, className, text) {
  const e = document.createElement(tag);
  if (className) e.className = className;
  if (text !== undefined && text !== null) e.textContent = String(text);
  return e;
}

const TONES = {
  ok: ['synchronized', 'ok', 'completed', 'completed with no error', 'enabled', 'active', 'in sync'],
  busy: ['unsynchronized', 'initialized', 'running', 'new', 'starting', 'in service', 'copying', 'mixed'],
  warn: ['fractured', 'split', 'suspended', 'inactive', 'stopped', 'degraded', 'terminated', 'killed', 'dormant',
    'stressed', 'predictive failure', 'disabled', 'shutting down', 'paused', 'frozen', 'idle', 'quiesced'],
  bad: ['broken', 'partitioned', 'aborted', 'exception', 'error', 'failed', 'lost communication',
    'non-recoverable error', 'no contact', 'invalid', 'skewed']
};

/** The colour a state name stands for. */
function tone(name) {
  const n = String(name || '').toLowerCase();
  for (const [t, names] of Object.entries(TONES)) {
    if (names.includes(n)) return t;
  }
  return n.endsWith(' in progress') ? 'busy' : 'none';
}

function bytes(n) {
  if (n === null || n === undefined || n === '') return '—';
  let v = Number(n);
  const units = ['B', 'KiB', 'MiB', 'GiB', 'TiB', 'PiB'];
  let u = 0;
  while (v >= 1024 && u < units.length - 1) { v /= 1024; u++; }
  return (u === 0 || v >= 100 ? Math.round(v) : v.toFixed(1).replace(/\.0$/, '')) + ' ' + units[u];
}

/** A CIM datetime (yyyymmddHHMMSS.mmmmmm+UUU) as "yyyy-mm-dd HH:MM:SS"; intervals and odd text as they are. */
function datetime(text) {
  const m = /^(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})\.\d{6}[+-]\d{3}$/.exec(text || '');
  return m ? `${m[1]}-${m[2]}-${m[3]} ${m[4]}:${m[5]}:${m[6]}` : (text || '—');
}

const dash = v => (v === null || v === undefined || v === '' ? '—' : v);

// ---------------------------------------------------------------- cell views
// A column turns a row into a view: {text}, {badges}, {bar}, {buttons} or a mix. A cell is rebuilt only when its
// view changes, so buttons keep focus and bars move smoothly.

const text = (t, sub) => ({ text: dash(t), sub });
const badges = names => ({ badges: (Array.isArray(names) ? names : [names]).filter(n => n) });
const bar = (percent, barTone, label) => ({ bar: Math.max(0, Math.min(100, Number(percent) || 0)), tone: barTone, label });

function stateNames(row, prop) {
  const t = row.t[prop];
  if (t !== undefined) return t;
  const v = row.p[prop];
  return v === null || v === undefined ? [] : v;
}

function render(view) {
  const td = el('td', view.className);
  if (view.badges) {
    if (!view.badges.length) td.textContent = '—';
    for (const b of view.badges) td.appendChild(el('span', 'badge tone-' + tone(b), b));
  } else if (view.bar !== undefined) {
    const meter = el('div', 'meter');
    const track = el('div', 'bar tone-' + (view.tone || 'busy'));
    track.setAttribute('role', 'progressbar');
    track.setAttribute('aria-valuemin', '0');
    track.setAttribute('aria-valuemax', '100');
    track.setAttribute('aria-valuenow', String(view.bar));
    const fill = el('div', 'fill');
    fill.style.width = view.bar + '%';
    track.appendChild(fill);
    meter.appendChild(track);
    meter.appendChild(el('span', 'pct', view.label !== undefined ? view.label : view.bar + '%'));
    td.appendChild(meter);
  } else if (view.buttons) {
    const box = el('div', 'actions');
    for (const b of view.buttons) {
      const button = el('button', 'act' + (b.danger ? ' danger' : ''), b.label);
      button.type = 'button';
      button.dataset.action = b.label;
      button.setAttribute('aria-label', b.label + ' ' + b.of);
      button.addEventListener('click', () => b.run(button));
      box.appendChild(button);
    }
    td.appendChild(box);
  } else if (view.parts) {
    view.parts.forEach((p, i) => {
      if (i) td.appendChild(el('span', 'arrow', '→'));
      td.appendChild(el('span', null, p));
    });
  } else {
    td.textContent = view.text;
    if (view.sub) td.appendChild(el('span', 'sub', view.sub));
    if (view.note) td.appendChild(el('div', 'note', view.note));
  }
  if (view.title) td.title = view.title;
  return td;
}

// ---------------------------------------------------------------- sections
// One entry per section of /console/api/state. To add a section: a Section in ConsoleState's list on the server
// and an entry here with its columns.

const pairName = (r, c) => `${c.volumeName(r.p.SystemElement)} → ${c.volumeName(r.p.SyncedElement)}`;

const SECTIONS = [
  {
    id: 'pools', title: 'Pools', cls: 'MSISCSITARGET_StoragePool', empty: 'No pools.',
    columns: [
      ['Name', r => text(r.p.ElementName, r.p.PoolID)],
      ['Total', r => text(bytes(r.p.TotalManagedSpace)), 'num'],
      ['Used', r => text(bytes(r.p.TotalManagedSpace - r.p.RemainingManagedSpace)), 'num'],
      ['Free', r => text(bytes(r.p.RemainingManagedSpace)), 'num'],
      ['Usage', r => {
        const used = r.p.TotalManagedSpace > 0 ? 100 * (r.p.TotalManagedSpace - r.p.RemainingManagedSpace) / r.p.TotalManagedSpace : 0;
        return bar(Math.round(used), used > 90 ? 'bad' : used > 75 ? 'warn' : 'ok');
      }],
      ['Status', r => badges(stateNames(r, 'OperationalStatus'))]
    ]
  },
  {
    id: 'jobs', title: 'Jobs', cls: 'CIM_ConcreteJob', empty: 'No jobs.', order: byNewestJob,
    columns: [
      ['Job', r => ({ text: dash(r.p.ElementName), note: r.p.ErrorDescription, className: 'wrap', title: r.p.InstanceID })],
      ['State', r => badges(r.t.JobState)],
      ['Progress', r => bar(r.p.PercentComplete, tone(r.t.JobState) === 'none' ? 'busy' : tone(r.t.JobState))],
      ['Started', r => text(datetime(r.p.StartTime))]
    ]
  },
  {
    id: 'pairs', title: 'Replication pairs', cls: 'MSISCSITARGET_StorageSynchronized', wide: true, empty: 'No replication pairs.',
    name: pairName,
    columns: [
      ['Source → target', (r, c) => ({ parts: [c.volumeName(r.p.SystemElement), c.volumeName(r.p.SyncedElement)], title: r.path })],
      ['Type', r => text(r.t.SyncType)],
      ['Mode', r => text(r.t.Mode)],
      ['Copy state', r => badges(stateNames(r, 'CopyState'))],
      ['Sync state', r => badges(stateNames(r, 'SyncState'))],
      ['Synced', r => bar(r.p.PercentSynced, tone(r.t.CopyState) === 'none' ? 'busy' : tone(r.t.CopyState))],
      ['Progress', r => text(r.t.ProgressStatus)],
      ['Priority', r => text(r.t.CopyPriority)],
      ['', (r, c) => ({ buttons: pairButtons(r, c) })]
    ]
  },
  {
    id: 'volumes', title: 'Volumes', cls: 'MSISCSITARGET_StorageVolume', wide: true, empty: 'No volumes.',
    columns: [
      ['Name', r => text(r.p.ElementName, r.p.DeviceID)],
      ['Pool', (r, c) => text(c.poolName(r.via))],
      ['Size', r => text(bytes(Number(r.p.NumberOfBlocks) * Number(r.p.BlockSize))), 'num'],
      ['Block', r => text(r.p.BlockSize), 'num'],
      ['Status', r => badges(stateNames(r, 'OperationalStatus'))],
      ['', (r, c) => ({ buttons: volumeButtons(r, c) })]
    ]
  },
  {
    id: 'sessions', title: 'iSCSI sessions', cls: 'MSISCSITARGET_iSCSISession', empty: 'No iSCSI sessions.',
    columns: [
      ['Initiator', r => text(r.p.EndPointName || r.p.ElementName || r.p.Name)],
      ['TSIH', r => text(r.p.TSIH), 'num'],
      ['Type', r => text(r.t.SessionType)],
      ['Connections', r => text(r.p.CurrentConnections), 'num'],
      ['Status', r => badges(stateNames(r, 'OperationalStatus'))]
    ]
  },
  {
    id: 'subscriptions', title: 'Indication subscriptions', cls: 'CIM_IndicationSubscription', empty: 'No subscriptions.',
    columns: [
      ['Filter', r => text(r.p.Filter && r.p.Filter.label)],
      ['Handler', r => text(r.p.Handler && r.p.Handler.label)],
      ['State', r => badges(r.t.SubscriptionState)],
      ['Since', r => text(datetime(r.p.SubscriptionStartTime))]
    ]
  }
];

function byNewestJob(a, b) {
  const n = r => Number(String(r.p.InstanceID || '').replace(/^.*:/, '')) || 0;
  return n(b) - n(a);
}

function volumeButtons(row, ctx) {
  const name = row.p.ElementName || row.p.DeviceID;
  return ['Snapshot', 'Mirror', 'Clone'].map(type => ({
    label: type, of: name,
    run: button => act(button, '/console/api/replica', { volume: row.id, type, name: ctx.freeName(`${name}-${type.toLowerCase()}`) },
      `${type} of ${name}`)
  }));
}

function pairButtons(row, ctx) {
  const name = pairName(row, ctx);
  const op = (label, operation, danger) => ({
    label, of: name, danger,
    run: button => {
      if (danger && !window.confirm(`${label} ${name}? The pair is dissolved; the target volume stays.`)) return;
      act(button, '/console/api/synchronization', { pair: row.id, operation }, `${label} ${name}`);
    }
  });
  return [op('Fracture', 'Fracture'), op('Resync', 'Resync Replica'), op('Detach', 'Detach', true)];
}

// ---------------------------------------------------------------- rendering

const tables = new Map(); // section id -> {card, count, message, tbody, rows: Map(id -> {tr, views})}

function buildSections() {
  const main = document.getElementById('sections');
  for (const s of SECTIONS) {
    const card = el('section', 'card' + (s.wide ? ' wide' : ''));
    card.id = s.id;
    card.hidden = true;
    const h2 = el('h2', null, s.title);
    const count = el('span', 'count', '0');
    h2.appendChild(count);
    h2.appendChild(el('span', 'class mono', s.cls));
    card.appendChild(h2);
    const scroll = el('div', 'scroll');
    const table = el('table');
    const head = el('tr');
    for (const [label, , cls] of s.columns) head.appendChild(el('th', cls, label));
    table.appendChild(el('thead')).appendChild(head);
    const tbody = el('tbody');
    table.appendChild(tbody);
    scroll.appendChild(table);
    card.appendChild(scroll);
    const message = el('p', 'message');
    message.hidden = true;
    card.appendChild(message);
    main.appendChild(card);
    tables.set(s.id, { card, count, message, table, tbody, rows: new Map() });
  }
}

/** Names of things other sections refer to. */
function context(sections) {
  const names = new Map();
  for (const id of ['volumes', 'pools']) {
    for (const r of (sections[id] && sections[id].rows) || []) names.set(r.id, r.p.ElementName || r.p.DeviceID || r.p.InstanceID);
  }
  const taken = new Set(names.values());
  return {
    volumeName: ref => (ref ? names.get(ref.id) || ref.label : '—'),
    poolName: id => names.get(id) || '—',
    // a name for a new volume that no volume or pool has yet: base, base-2, base-3...
    freeName: base => {
      let name = base;
      for (let n = 2; taken.has(name); n++) name = `${base}-${n}`;
      return name;
    }
  };
}

function renderSection(s, data, ctx) {
  const t = tables.get(s.id);
  if (!data || data.absent) { t.card.hidden = true; return; }
  t.card.hidden = false;
  if (data.error) {
    t.table.hidden = true;
    t.count.textContent = '!';
    t.message.textContent = data.error;
    t.message.className = 'message error';
    t.message.hidden = false;
    return;
  }
  const rows = s.order ? data.rows.slice().sort(s.order) : data.rows;
  t.table.hidden = rows.length === 0;
  t.count.textContent = String(rows.length + (data.more || 0));
  t.message.className = 'message';
  t.message.hidden = rows.length > 0 && !data.more;
  t.message.textContent = rows.length === 0 ? s.empty : `${data.more} more not shown.`;

  const seen = new Set();
  let previous = null;
  for (const row of rows) {
    const key = row.id || JSON.stringify(row.p);
    seen.add(key);
    let entry = t.rows.get(key);
    if (!entry) {
      entry = { tr: el('tr'), views: [] };
      entry.tr.dataset.id = key;
      t.rows.set(key, entry);
    }
    entry.tr.dataset.name = s.name ? s.name(row, ctx) : row.p.ElementName || row.p.DeviceID || '';
    s.columns.forEach(([, view, cls], i) => {
      const v = view(row, ctx);
      if (cls) v.className = ((v.className || '') + ' ' + cls).trim();
      const signature = JSON.stringify(v, (k, x) => (typeof x === 'function' ? undefined : x));
      if (entry.views[i] !== signature) {
        const td = render(v);
        const old = entry.tr.children[i];
        if (old) entry.tr.replaceChild(td, old); else entry.tr.appendChild(td);
        entry.views[i] = signature;
      }
    });
    const wanted = previous ? previous.nextSibling : t.tbody.firstChild;
    if (wanted !== entry.tr) t.tbody.insertBefore(entry.tr, wanted);
    previous = entry.tr;
  }
  for (const [key, entry] of t.rows) {
    if (!seen.has(key)) { entry.tr.remove(); t.rows.delete(key); }
  }
}

function renderSystem(data) {
  const box = document.getElementById('system');
  box.replaceChildren();
  const row = data && data.rows && data.rows[0];
  if (!row) { box.appendChild(el('span', 'sub', data && data.error ? data.error : 'no target system')); return; }
  box.appendChild(el('span', 'name', row.p.ElementName || row.p.Name));
  for (const s of stateNames(row, 'OperationalStatus')) box.appendChild(el('span', 'badge tone-' + tone(s), s));
  box.appendChild(el('span', 'sub', [].concat(row.t.Dedicated || []).join(', ')));
}

function renderState(state) {
  const ctx = context(state.sections);
  renderSystem(state.sections.system);
  for (const s of SECTIONS) renderSection(s, state.sections[s.id], ctx);
  document.getElementById('user').textContent = state.user ? 'signed in as ' + state.user : '';
}

// ---------------------------------------------------------------- live updates and actions

let timer = null;

function setLive(on, why) {
  const live = document.getElementById('live');
  live.className = 'live ' + (on ? 'on' : 'off');
  document.getElementById('live-text').textContent = on
    ? 'live · ' + new Date().toLocaleTimeString()
    : 'disconnected' + (why ? ' (' + why + ')' : '') + ' · retrying';
}

async function poll() {
  clearTimeout(timer);
  try {
    const response = await fetch('/console/api/state', { cache: 'no-store', credentials: 'same-origin' });
    if (!response.ok) throw new Error(response.status + ' ' + response.statusText);
    renderState(await response.json());
    setLive(true);
  } catch (e) {
    setLive(false, e.message);
  }
  timer = setTimeout(poll, document.hidden ? HIDDEN_POLL_MS : POLL_MS);
}

function notice(kind, message) {
  const box = document.getElementById('notice');
  box.className = 'notice ' + kind;
  document.getElementById('notice-text').textContent = message;
  box.hidden = false;
}

async function act(button, url, fields, label) {
  button.disabled = true;
  notice('busy', label + ' …');
  try {
    const response = await fetch(url, {
      method: 'POST',
      credentials: 'same-origin',
      headers: Object.assign({ 'Content-Type': 'application/x-www-form-urlencoded' }, ACTION_HEADER),
      body: new URLSearchParams(fields)
    });
    if (!response.ok) {
      notice('bad', `${label}: ${(await response.text()).trim()}`);
      return;
    }
    const out = await response.json();
    if (out.error) {
      notice('bad', `${label}: ${out.error}`);
    } else {
      notice(out.ok ? 'ok' : 'bad', `${label}: ${out.text} (${out.code})` + (out.job ? ` · job ${out.job}` : ''));
    }
  } catch (e) {
    notice('bad', `${label}: ${e.message}`);
  } finally {
    button.disabled = false;
    poll();
  }
}

document.addEventListener('DOMContentLoaded', () => {
  buildSections();
  document.getElementById('notice-close').addEventListener('click', () => { document.getElementById('notice').hidden = true; });
  document.addEventListener('visibilitychange', () => { if (!document.hidden) poll(); });
  poll();
});
