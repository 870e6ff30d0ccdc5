import { h, clock, keepFocus } from './dom.js';
import { t } from './i18n.js';
import { describe } from './api.js';
import { LiveConnection } from './live.js';

const ForcibleStates = ['Available', 'Break', 'Offline', 'LoggedOut'];

/**
 * The supervisor view: a live wallboard of the tenant's agents (the directory topic) and of its queues (one queue topic
 * each, at most one figure update a second), and forcing an agent's state with a reason.
 */
export function startSupervisorView({ api, key, me, main, showProblem, setLink, ended }) {
  const view = {
    agents: new Map(), queues: new Map(), force: new Map(), statusCodes: [], broadcasts: [], draft: { text: '', to: 'all', group: '', queueId: '' },
    change: null, notice: { text: '', final: false },
  };
  let stopped = false;

  const act = async (run) => {
    showProblem(null);
    try { await run(); } catch (error) { showProblem(describe(error)); }
  };

  // Each part is drawn again only when what it shows changed, and an agent's row alone when only that agent changed,
  // so a choice being made in another row (an open list, a reason being typed) is left alone.
  const slots = { agents: h('div'), queues: h('div'), broadcast: h('div'), platform: h('div') };
  let drawn = false;
  let agentOrder = '';

  function render(parts = null, agentId = null) {
    if (stopped) return;
    const keep = keepFocus();
    if (!drawn) {
      main.className = 'wide';
      main.replaceChildren(slots.agents, slots.queues, slots.broadcast, slots.platform);
      drawn = true;
      parts = null;
    }

    const all = parts === null;
    if (all || parts.has('agents')) {
      const order = [...view.agents.keys()].sort().join(',');
      const row = agentId && order === agentOrder ? slots.agents.querySelector(`tr[data-agent="${CSS.escape(agentId)}"]`) : null;
      if (row && view.agents.has(agentId)) row.replaceWith(agentRow(view.agents.get(agentId)));
      else slots.agents.replaceChildren(agentsSection());
      agentOrder = order;
    }
    if (all || parts.has('queues')) slots.queues.replaceChildren(queuesSection());
    if (all || parts.has('broadcast')) slots.broadcast.replaceChildren(broadcastSection());
    if (all || parts.has('platform')) slots.platform.replaceChildren(platformSection());
    keep(main);
  }

  function agentsSection() {
    const agents = [...view.agents.values()].sort((a, b) => a.agentId.localeCompare(b.agentId));
    return h('section', { 'aria-labelledby': 'agents-title' },
      h('h2', { id: 'agents-title', text: t('wallboard') }),
      agents.length === 0 ? h('p', { class: 'empty', text: t('noAgents') }) : h('table', {},
        h('thead', {}, h('tr', {}, [t('agentName'), t('group'), t('state'), t('since'), t('code'), t('force')].map(c => h('th', { scope: 'col', text: c })))),
        h('tbody', {}, agents.map(agentRow))));
  }

  function agentRow(a) {
    const chosen = view.force.get(a.agentId) ?? { state: 'Offline', code: '', reason: '' };
    const codes = view.statusCodes.filter(c => c.states.includes(chosen.state));
    view.force.set(a.agentId, chosen);
    const label = t('forceState', { agent: a.displayName ?? a.agentId });
    return h('tr', { 'data-agent': a.agentId, 'data-state': a.state },
      h('th', { scope: 'row', text: a.displayName ?? a.agentId }),
      h('td', { text: a.group ?? '' }),
      h('td', {}, h('span', { class: `icon ${a.icon}`, 'aria-hidden': 'true' }), ` ${t(a.state)}`),
      h('td', { 'data-since': a.since, text: clock((Date.now() - Date.parse(a.since)) / 1000) }),
      h('td', { text: view.statusCodes.find(c => c.code === a.reasonCode)?.label ?? a.reasonCode ?? '' }),
      h('td', {}, h('span', { class: 'row', role: 'group', 'aria-label': label },
        h('select', { 'aria-label': t('state'), 'data-key': `${a.agentId}-force-state`, onchange: e => { chosen.state = e.target.value; chosen.code = ''; render(new Set(['agents']), a.agentId); } },
          ForcibleStates.map(s => h('option', { value: s, selected: s === chosen.state }, t(s)))),
        h('select', { 'aria-label': t('statusCode'), 'data-key': `${a.agentId}-force-code`, onchange: e => { chosen.code = e.target.value; } },
          h('option', { value: '' }, t('noCode')),
          codes.map(c => h('option', { value: c.code, selected: c.code === chosen.code }, c.label))),
        h('input', { type: 'text', 'aria-label': t('reason'), placeholder: t('reason'), 'data-key': `${a.agentId}-force-reason`, value: chosen.reason, oninput: e => { chosen.reason = e.target.value; } }),
        h('button', { type: 'button', 'data-action': 'force', 'data-key': `${a.agentId}-force`, onclick: () => act(() =>
          api.put(`/v1/agents/${encodeURIComponent(a.agentId)}/state`, { state: chosen.state, reasonCode: chosen.code || null, reason: chosen.reason || null })) }, t('force')))));
  }

  function queuesSection() {
    const queues = [...view.queues.values()].sort((a, b) => a.queueId.localeCompare(b.queueId));
    return h('section', { 'aria-labelledby': 'queues-title' },
      h('h2', { id: 'queues-title', text: t('queuesBoard') }),
      queues.length === 0 ? h('p', { class: 'empty', text: t('noQueues') }) : h('table', {},
        h('thead', {}, h('tr', {}, [t('queueName'), t('waiting'), t('longestWait'), t('availableAgents'), t('serviceLevel'), t('answeredOffered')].map(c => h('th', { scope: 'col', text: c })))),
        h('tbody', {}, queues.map(q => {
          const s = q.stats;
          return h('tr', { 'data-queue': q.queueId, 'data-waiting': s?.waiting ?? 0, 'data-answered': s?.today?.answered ?? 0 },
            h('th', { scope: 'row', text: q.name ?? q.queueId }),
            h('td', { text: s?.waiting ?? 0 }),
            h('td', { text: s?.longestWaitSeconds == null ? '–' : clock(s.longestWaitSeconds) }),
            h('td', { text: s?.agents?.available ?? 0 }),
            h('td', { text: s?.today?.serviceLevelPercent == null ? '–' : `${Math.round(s.today.serviceLevelPercent)}%` }),
            h('td', { text: `${s?.today?.answered ?? 0} / ${s?.today?.offered ?? 0}` }));
        }))));
  }

  function broadcastSection() {
    const draft = view.draft;
    const audience = h('select', { id: 'audience', 'aria-label': t('audience'), 'data-key': 'audience', onchange: e => { draft.to = e.target.value; render(new Set(['broadcast'])); } },
      [['all', t('everyone')], ['group', t('groupNamed')], ['queue', t('queueMembers')]].map(([value, label]) => h('option', { value, selected: draft.to === value }, label)));
    const detail = draft.to === 'group'
      ? h('input', { type: 'text', 'aria-label': t('groupNamed'), 'data-key': 'audience-group', value: draft.group, oninput: e => { draft.group = e.target.value; } })
      : draft.to === 'queue'
        ? h('select', { 'aria-label': t('queueMembers'), 'data-key': 'audience-queue', onchange: e => { draft.queueId = e.target.value; } },
          [...view.queues.values()].map(q => h('option', { value: q.queueId, selected: q.queueId === draft.queueId }, q.name ?? q.queueId)))
        : null;
    const text = h('textarea', { id: 'broadcast-text', 'aria-label': t('message'), 'data-key': 'broadcast-text', oninput: e => { draft.text = e.target.value; } });
    text.value = draft.text;
    return h('section', { 'aria-labelledby': 'broadcast-title' },
      h('h2', { id: 'broadcast-title', text: t('broadcast') }),
      h('form', { class: 'broadcast', onsubmit: e => {
        e.preventDefault();
        const to = draft.to === 'group' ? { group: draft.group } : draft.to === 'queue' ? { queueId: draft.queueId || view.queues.keys().next().value } : { all: true };
        act(async () => {
          await api.post('/v1/broadcasts', { text: draft.text, audience: to });
          draft.text = '';
          await refreshBroadcasts();
        });
      } },
      text,
      h('div', { class: 'row' }, h('label', {}, t('audience'), audience), detail, h('button', { type: 'submit', class: 'primary', id: 'send-broadcast', 'data-key': 'send' }, t('send')))),
      h('h3', { text: t('sent') }),
      view.broadcasts.length === 0 ? h('p', { class: 'empty', text: t('noBroadcasts') }) : h('ul', { class: 'broadcasts' }, view.broadcasts.map(b =>
        h('li', { 'data-broadcast': b.id, 'data-read': b.readCount, 'data-recipients': b.recipientCount },
          h('span', { text: b.text }), h('span', { class: 'meta', text: ` · ${t('receipts', { read: b.readCount, recipients: b.recipientCount })}` })))));
  }

  // The newest platform change: its notices and each agent's compliance (read every few seconds); an admin sends notices.
  function platformSection() {
    const change = view.change;
    const notice = view.notice;
    const open = change && !change.final;
    const text = h('textarea', { 'aria-label': t('message'), 'data-key': 'notice-text', oninput: e => { notice.text = e.target.value; } });
    text.value = notice.text;
    const names = new Map([...view.agents.values()].map(a => [a.agentId, a.displayName ?? a.agentId]));
    return h('section', { 'aria-labelledby': 'platform-title' },
      h('h2', { id: 'platform-title', text: t('platformChanges') }),
      !change ? h('p', { class: 'empty', text: t('noPlatformChanges') }) : h('div', { 'data-change': change.id },
        h('ol', {}, change.notices.map(n => h('li', { text: n.message }))),
        change.logoutDeadline ? h('p', { class: 'meta', text: t('deadline', { time: new Date(change.logoutDeadline).toLocaleTimeString() }) }) : null,
        change.compliance?.length ? h('table', {},
          h('thead', {}, h('tr', {}, [t('agentName'), t('compliance')].map(c => h('th', { scope: 'col', text: c })))),
          h('tbody', {}, change.compliance.map(c => h('tr', { 'data-compliance': c.agentId, 'data-status': c.status },
            h('th', { scope: 'row', text: names.get(c.agentId) ?? c.agentId }),
            h('td', { text: `${t(`compliance.${c.status}`)}${c.at ? ` · ${new Date(c.at).toLocaleTimeString()}` : ''}` }))))) : null),
      me.role !== 'admin' ? null : h('form', { class: 'notice', onsubmit: e => {
        e.preventDefault();
        act(async () => {
          const body = { message: notice.text, final: notice.final };
          if (open) await api.post(`/v1/platform-changes/${encodeURIComponent(change.id)}/notices`, body);
          else await api.post('/v1/platform-changes', body);
          view.notice = { text: '', final: false };
          await refreshChange();
        });
      } },
      text,
      h('div', { class: 'row' },
        h('label', {}, h('input', { type: 'checkbox', 'data-key': 'notice-final', checked: notice.final, onchange: e => { notice.final = e.target.checked; } }), t('finalNotice')),
        h('button', { type: 'submit', class: 'primary', 'data-key': 'send-notice', id: 'send-notice' }, t('sendNotice')))));
  }

  async function refreshChange() {
    const page = await api.get('/v1/platform-changes?limit=1');
    const change = page.items[0] ? await api.get(`/v1/platform-changes/${encodeURIComponent(page.items[0].id)}`) : null;
    if (stopped || JSON.stringify(change) === JSON.stringify(view.change)) return;
    view.change = change;
    render(new Set(['platform']));
  }

  // Read receipts are read, not pushed: the latest broadcasts' counts every few seconds while the view is open.
  async function refreshBroadcasts() {
    const page = await api.get('/v1/broadcasts?limit=10');
    if (stopped || JSON.stringify(page.items) === JSON.stringify(view.broadcasts)) return;
    view.broadcasts = page.items;
    render(new Set(['broadcast']));
  }

  function receive(message) {
    if (stopped) return;
    if (message.topic === 'directory') {
      if (message.type === 'snapshot') {
        view.agents = new Map(message.data.agents.map(a => [a.agentId, a]));
        render(new Set(['agents', 'platform']));
      } else if (message.type === 'directory.agent_removed') {
        view.agents.delete(message.data.agentId);
        render(new Set(['agents']));
      } else if (message.data?.agentId) {
        view.agents.set(message.data.agentId, message.data);
        render(new Set(['agents']), message.data.agentId);
      }
    } else if (message.topic?.startsWith('queue:') && message.data) {
      const queueId = message.topic.slice('queue:'.length);
      const queue = view.queues.get(queueId) ?? { queueId };
      view.queues.set(queueId, { ...queue, stats: message.data });
      render(new Set(['queues']));
    }
  }

  const timers = setInterval(() => {
    for (const timer of main.querySelectorAll('[data-since]')) timer.textContent = clock((Date.now() - Date.parse(timer.dataset.since)) / 1000);
  }, 1000);
  const receipts = setInterval(() => { refreshBroadcasts().catch(() => {}); refreshChange().catch(() => {}); }, 3000);
  refreshBroadcasts().catch(error => { if (!stopped) showProblem(describe(error)); });
  refreshChange().catch(() => {});

  let live = null;
  render();
  api.get('/v1/status-codes').then(list => { view.statusCodes = list.items; render(new Set(['agents'])); }, () => {});
  // A socket holds at most 200 topics: the directory and the first 199 queues.
  api.get('/v1/queues?limit=199').then(page => {
    if (stopped) return;
    for (const q of page.items) view.queues.set(q.id, { queueId: q.id, name: q.name, stats: view.queues.get(q.id)?.stats });
    render(new Set(['queues', 'broadcast']));
    live = new LiveConnection(key, ['directory', ...page.items.map(q => `queue:${q.id}`)], receive, setLink, ended);
    live.start();
  }, error => { if (!stopped) showProblem(describe(error)); });

  return {
    render: () => render(),
    stop() { stopped = true; clearInterval(timers); clearInterval(receipts); live?.stop(); },
  };
}
