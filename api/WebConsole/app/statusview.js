import { h, clock } from './dom.js';
import { t } from './i18n.js';

const Tabs = ['group', 'queues', 'favorites', 'recents'];

/**
 * The status view: the agents of the agent's group (directory topic) and its queues with live figures (queue topics),
 * the favorites it pinned (a star on any row) and its recent transfer and consult targets. Favorites and recents are read
 * over REST when their tab opens; the live rows they show are the topics' latest.
 */
export function createStatusView({ api, act, render, agentId }) {
  const state = { tab: 'group', agents: new Map(), queues: new Map(), favorites: null, recents: null };
  const base = `/v1/agents/${encodeURIComponent(agentId)}`;

  async function refresh(tab) {
    if (tab === 'favorites') state.favorites = (await api.get(`${base}/favorites`)).items;
    if (tab === 'recents') state.recents = await api.get(`${base}/recents`);
    render();
  }

  const isFavorite = (kind, id) => state.favorites?.some(f => f.kind === kind && f.id === id) ?? false;

  function star(kind, id, name) {
    const pinned = isFavorite(kind, id);
    return h('button', { type: 'button', class: 'star', 'aria-pressed': String(pinned), 'data-action': 'favorite', 'data-key': `fav-${kind}-${id}`,
      'aria-label': t(pinned ? 'unpin' : 'pin', { name }), title: t(pinned ? 'unpin' : 'pin', { name }),
      onclick: () => act(async () => {
        const path = `${base}/favorites/${kind}/${encodeURIComponent(id)}`;
        if (pinned) await api.delete(path); else await api.put(path);
        await refresh('favorites');
      }) }, pinned ? '★' : '☆');
  }

  function agentRow(a) {
    const live = state.agents.get(a.agentId) ?? a;
    return h('tr', { 'data-status-agent': live.agentId, 'data-state': live.state },
      h('th', { scope: 'row', text: live.displayName ?? live.agentId }),
      h('td', {}, h('span', { class: `icon ${live.icon}`, 'aria-hidden': 'true' }), ` ${t(live.state)}`),
      h('td', { 'data-since': live.since, text: clock((Date.now() - Date.parse(live.since)) / 1000) }),
      h('td', {}, star('agent', live.agentId, live.displayName ?? live.agentId)));
  }

  function queueRow(q) {
    const live = state.queues.get(q.queueId) ?? q;
    const s = live.stats;
    return h('tr', { 'data-status-queue': live.queueId, 'data-waiting': s?.waiting ?? 0 },
      h('th', { scope: 'row', text: live.name ?? live.queueId }),
      h('td', { text: s?.waiting ?? 0 }),
      h('td', { text: s?.longestWaitSeconds == null ? '–' : clock(s.longestWaitSeconds) }),
      h('td', { text: s?.agents?.available ?? 0 }),
      h('td', {}, star('queue', live.queueId, live.name ?? live.queueId)));
  }

  const agentTable = rows => rows.length === 0 ? h('p', { class: 'empty', text: t('noAgents') }) : h('table', {},
    h('thead', {}, h('tr', {}, [t('agentName'), t('state'), t('since'), ''].map(c => h('th', { scope: 'col', text: c })))),
    h('tbody', {}, rows.map(agentRow)));
  const queueTable = rows => rows.length === 0 ? h('p', { class: 'empty', text: t('noQueues') }) : h('table', {},
    h('thead', {}, h('tr', {}, [t('queueName'), t('waiting'), t('longestWait'), t('availableAgents'), ''].map(c => h('th', { scope: 'col', text: c })))),
    h('tbody', {}, rows.map(queueRow)));

  function panel() {
    switch (state.tab) {
      case 'group':
        return agentTable([...state.agents.values()].filter(a => a.agentId !== agentId).sort((a, b) => (a.displayName ?? a.agentId).localeCompare(b.displayName ?? b.agentId)));
      case 'queues':
        return queueTable([...state.queues.values()].sort((a, b) => a.queueId.localeCompare(b.queueId)));
      case 'favorites':
        if (!state.favorites) return h('p', { class: 'empty', text: t('loading') });
        return h('div', {},
          agentTable(state.favorites.filter(f => f.kind === 'agent' && f.agent).map(f => f.agent)),
          queueTable(state.favorites.filter(f => f.kind === 'queue' && f.queue).map(f => f.queue)));
      default:
        if (!state.recents) return h('p', { class: 'empty', text: t('loading') });
        return h('div', {},
          agentTable(state.recents.agents.filter(r => r.agent).map(r => r.agent)),
          queueTable(state.recents.queues.filter(r => r.queue).map(r => r.queue)));
    }
  }

  function section() {
    const choose = tab => {
      state.tab = tab;
      render();
      if (tab === 'favorites' || tab === 'recents') act(() => refresh(tab));
    };
    return h('section', { 'aria-labelledby': 'status-title', class: 'status-view' },
      h('h2', { id: 'status-title', text: t('statusView') }),
      h('div', { role: 'tablist', 'aria-label': t('statusView'), class: 'row tabs', onkeydown: e => {
        const step = e.key === 'ArrowRight' ? 1 : e.key === 'ArrowLeft' ? -1 : 0;
        if (!step) return;
        const next = Tabs[(Tabs.indexOf(state.tab) + step + Tabs.length) % Tabs.length];
        choose(next);
        document.getElementById(`tab-${next}`)?.focus(); // the focus follows the tab chosen with the arrows
      } },
      Tabs.map(tab => h('button', { type: 'button', role: 'tab', id: `tab-${tab}`, 'data-key': `tab-${tab}`, 'data-tab': tab, 'aria-selected': String(state.tab === tab),
        'aria-controls': 'status-panel', tabindex: state.tab === tab ? '0' : '-1', onclick: () => choose(tab) }, t(`tab.${tab}`)))),
      h('div', { role: 'tabpanel', id: 'status-panel', 'aria-labelledby': `tab-${state.tab}` }, panel()));
  }

  return {
    section,
    /** Favorites are known before the first star is drawn. */
    start() { refresh('favorites').catch(() => {}); },
    /** Directory and queue events; true when the view should draw again. */
    receive(message) {
      if (message.topic === 'directory') {
        if (message.type === 'snapshot') state.agents = new Map(message.data.agents.map(a => [a.agentId, a]));
        else if (message.type === 'directory.agent_removed') state.agents.delete(message.data.agentId);
        else if (message.data?.agentId) state.agents.set(message.data.agentId, message.data);
        return true;
      }

      if (message.topic?.startsWith('queue:') && message.data) {
        const queueId = message.topic.slice('queue:'.length);
        state.queues.set(queueId, { ...(state.queues.get(queueId) ?? { queueId }), stats: message.data });
        return true;
      }

      return false;
    },
    setQueues(queues) {
      for (const q of queues) state.queues.set(q.queueId, { ...q, ...(state.queues.get(q.queueId) ?? {}), name: q.name });
    },
    agents: () => [...state.agents.values()].filter(a => a.agentId !== agentId),
    refreshRecents() { if (state.tab === 'recents') refresh('recents').catch(() => {}); else state.recents = null; },
  };
}
