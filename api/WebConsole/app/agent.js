import { h, clock, keepFocus } from './dom.js';
import { t } from './i18n.js';
import { describe } from './api.js';
import { LiveConnection } from './live.js';

const AgentStates = ['Available', 'Break', 'Offline', 'LoggedOut'];
const Settled = ['WrappedUp', 'Abandoned', 'Failed'];

/**
 * The agent view: the agent's state with its timer, status code and next state; the work offered to it or in its
 * hands with the call controls and the wrap-up. State comes from the agent's two topics; commands go to the REST API,
 * and what they change comes back on the socket.
 */
export function startAgentView({ api, key, me, main, showProblem, setLink, ended }) {
  const view = {
    agent: null, work: new Map(), statusCodes: [], transactionCodes: [], queues: [], chosenState: null, chosenCode: '',
    alerts: new Map(),
    wrapUps: new Map(), // per interaction: the codes ticked and the notes typed, kept across redraws
    transferTo: new Map(),
  };
  const agentId = me.agentId;
  let stopped = false;
  const announced = new Set();
  const announcer = h('p', { class: 'visually-hidden', role: 'alert', 'aria-live': 'assertive' });

  const act = async (run) => {
    showProblem(null);
    try { await run(); } catch (error) { showProblem(describe(error)); }
  };

  const mine = (i) => !Settled.includes(i.state)
    && (i.offer?.agentId === agentId || i.handler === agentId || i.participants.includes(agentId)
      || i.wrapUps.some(w => w.agentId === agentId && !w.completedAt));

  // Drawn again whole on every change; the control that had the focus gets it back (by its data-key).
  function render() {
    if (stopped) return;
    const keep = keepFocus('[data-interaction]');
    main.className = '';
    main.replaceChildren(stateSection(), workSection(), alertsSection(), announcer);
    keep(main);
  }

  function stateSection() {
    const agent = view.agent;
    if (!agent) return h('section', { 'aria-labelledby': 'state-title' }, h('h2', { id: 'state-title', text: t('myState') }), h('p', { class: 'empty', text: t('linkConnecting') }));
    const target = view.chosenState ?? agent.state;
    const codes = view.statusCodes.filter(c => c.states.includes(target));
    return h('section', { 'aria-labelledby': 'state-title' },
      h('h2', { id: 'state-title', text: t('myState') }),
      h('p', {},
        h('span', { class: 'state', 'data-testid': 'state', 'data-state': agent.state, text: t(agent.state) }),
        agent.reasonCode ? h('span', { class: 'meta', text: ` (${agent.reasonCode})` }) : null,
        h('span', { class: 'timer', 'data-since': agent.since, 'aria-label': t('timer'), text: clock((Date.now() - Date.parse(agent.since)) / 1000) })),
      agent.nextState ? h('p', { 'data-testid': 'next-state', text: t('nextState', { state: t(agent.nextState) }) }) : null,
      h('div', { class: 'row', role: 'group', 'aria-label': t('myState') },
        AgentStates.map(state => h('button', {
          type: 'button', 'data-state': state, 'data-key': `state-${state}`, 'aria-pressed': String(target === state),
          onclick: () => { view.chosenState = state; view.chosenCode = ''; render(); },
        }, t(state)))),
      h('div', { class: 'row' },
        h('label', {}, t('statusCode'),
          h('select', { id: 'status-code', 'data-key': 'status-code', onchange: e => { view.chosenCode = e.target.value; } },
            h('option', { value: '' }, t('noCode')),
            codes.map(c => h('option', { value: c.code, selected: view.chosenCode === c.code }, c.label)))),
        h('button', { type: 'button', class: 'primary', id: 'set-state', 'data-key': 'set-state', onclick: () => act(setState) }, t('setState'))));
  }

  async function setState() {
    const state = view.chosenState ?? view.agent.state;
    await api.put(`/v1/agents/${encodeURIComponent(agentId)}/state`,
      { state, reasonCode: view.chosenCode || null },
      { 'If-Match': `"${view.agent.version}"` });
    view.chosenState = null;
    view.chosenCode = '';
  }

  function alertsSection() {
    const alerts = [...view.alerts.values()].sort((a, b) => Date.parse(b.sentAt) - Date.parse(a.sentAt));
    const unread = alerts.filter(a => !a.read).length;
    return h('section', { 'aria-labelledby': 'alerts-title' },
      h('h2', { id: 'alerts-title' }, t('alerts'), unread > 0 ? h('span', { class: 'badge', 'data-testid': 'unread', text: ` · ${t('unread', { count: unread })}` }) : null),
      alerts.length === 0 ? h('p', { class: 'empty', text: t('noAlerts') }) : h('ul', { class: 'alerts' }, alerts.map(a =>
        h('li', { 'data-alert': a.id, 'data-read': String(a.read), class: a.read ? 'read' : 'unread' },
          h('p', { text: a.text }),
          h('span', { class: 'meta', text: new Date(a.sentAt).toLocaleString() }),
          a.read
            ? h('span', { class: 'meta', text: ` · ${t('readAt')}` })
            : h('button', { type: 'button', 'data-action': 'read', 'data-key': `alert-${a.id}`, onclick: () => act(async () => {
              await api.post(`/v1/agents/${encodeURIComponent(agentId)}/alerts/${encodeURIComponent(a.id)}/read`);
              view.alerts.set(a.id, { ...a, read: true });
              render();
            }) }, t('markRead'))))));
  }

  function workSection() {
    const items = [...view.work.values()].filter(mine);
    return h('section', { 'aria-labelledby': 'work-title' },
      h('h2', { id: 'work-title', text: t('work') }),
      items.length === 0 ? h('p', { class: 'empty', text: t('noWork') }) : items.map(workItem));
  }

  function workItem(i) {
    const from = i.customerName ?? i.from ?? t('unknownCaller');
    const media = t(i.media);
    const offered = i.state === 'Offered' && i.offer?.agentId === agentId;
    const path = `/v1/interactions/${encodeURIComponent(i.id)}`;
    const post = (action, body) => () => act(() => api.post(`${path}/${action}`, body));
    const button = (action, primary = false) =>
      h('button', { type: 'button', class: primary ? 'primary' : null, 'data-action': action, 'data-key': `${i.id}-${action}`, onclick: post(action) }, t(action));
    const openWrapUp = i.wrapUps.find(w => w.agentId === agentId && !w.completedAt);
    const controls = [];
    if (offered) {
      controls.push(button('accept', true), button('reject'));
    } else if (i.handler === agentId && i.state === 'Connected') {
      controls.push(button('hold'), button('end'), transferControl(i));
    } else if (i.handler === agentId && i.state === 'OnHold') {
      controls.push(button('resume', true), button('end'));
    }

    return h('article', { class: `work${offered ? ' offered' : ''}`, tabindex: '-1', 'data-interaction': i.id, 'data-state': i.state, 'aria-label': offered ? t('offered', { media, from }) : t('handling', { media, from }) },
      h('div', { class: 'title', text: offered ? t('offered', { media, from }) : t('handling', { media, from }) }),
      h('div', { class: 'meta' },
        i.queueId ? t('queue', { queue: i.queueId }) : '',
        i.state === 'OnHold' ? ` · ${t('onHold')}` : '',
        offered ? h('span', { class: 'countdown', 'data-expires': i.offer.expiresAt, text: ` · ${t('expiresIn', { time: clock((Date.parse(i.offer.expiresAt) - Date.now()) / 1000) })}` }) : null),
      h('div', { class: 'row' }, controls),
      openWrapUp ? wrapUpForm(i, path) : null);
  }

  function transferControl(i) {
    const chosen = view.transferTo.get(i.id) ?? view.queues[0]?.queueId ?? '';
    const select = h('select', { 'aria-label': t('transferTo'), 'data-key': `${i.id}-transfer-to`, onchange: e => view.transferTo.set(i.id, e.target.value) },
      view.queues.map(q => h('option', { value: q.queueId, selected: q.queueId === chosen }, q.name ?? q.queueId)));
    return h('span', { class: 'row' }, select,
      h('button', { type: 'button', 'data-action': 'transfer', 'data-key': `${i.id}-transfer`, onclick: () => act(() => api.post(`/v1/interactions/${encodeURIComponent(i.id)}/transfer`, { target: { type: 'queue', id: select.value } })) }, t('transfer')));
  }

  function wrapUpForm(i, path) {
    // The tenant's codes: a code the queue does not take is refused by the API, in words.
    const allowed = view.transactionCodes;
    const draft = view.wrapUps.get(i.id) ?? { codes: new Set(), notes: '' };
    view.wrapUps.set(i.id, draft);
    const boxes = allowed.map(c => h('label', {},
      h('input', { type: 'checkbox', value: c.code, checked: draft.codes.has(c.code), 'data-key': `${i.id}-code-${c.code}`,
        onchange: e => { if (e.target.checked) draft.codes.add(c.code); else draft.codes.delete(c.code); } }),
      c.label));
    const notes = h('textarea', { 'aria-label': t('notes'), 'data-key': `${i.id}-notes`, oninput: e => { draft.notes = e.target.value; } });
    notes.value = draft.notes;
    return h('form', { class: 'wrap-up', onsubmit: e => {
      e.preventDefault();
      act(() => api.post(`${path}/wrap-up`, { transactionCodes: [...draft.codes], notes: draft.notes || null }));
    } },
    h('fieldset', {}, h('legend', { text: `${t('wrapUp')}: ${t('codes')}` }), boxes),
    h('label', { class: 'notes' }, t('notes'), notes),
    h('div', { class: 'row' }, h('button', { type: 'submit', class: 'primary', 'data-key': `${i.id}-save` }, t('saveWrapUp'))));
  }

  function receive(message) {
    if (stopped) return;
    if (message.topic === `agent:${agentId}` && message.data) {
      view.agent = message.data;
    } else if (message.topic === `interactions:${agentId}`) {
      if (message.type === 'snapshot') {
        view.work = new Map(message.data.interactions.map(i => [i.id, i]));
      } else if (message.data?.id) {
        view.work.set(message.data.id, message.data);
        const i = message.data;
        if (message.type === 'interaction.offered' && i.offer?.agentId === agentId && !announced.has(i.id)) {
          announced.add(i.id);
          announcer.textContent = t('newOffer', { media: t(i.media), from: i.customerName ?? i.from ?? t('unknownCaller') });
        }
      }
    } else if (message.topic === 'alerts') {
      if (message.type === 'snapshot') view.alerts = new Map((message.data.alerts ?? []).map(a => [a.id, a]));
      else if (message.data?.id) view.alerts.set(message.data.id, message.data);
    } else {
      return;
    }

    render();
  }

  const timers = setInterval(() => {
    for (const timer of main.querySelectorAll('[data-since]')) timer.textContent = clock((Date.now() - Date.parse(timer.dataset.since)) / 1000);
    for (const countdown of main.querySelectorAll('[data-expires]')) countdown.textContent = ` · ${t('expiresIn', { time: clock((Date.parse(countdown.dataset.expires) - Date.now()) / 1000) })}`;
  }, 1000);

  render();
  const live = new LiveConnection(key, [`agent:${agentId}`, `interactions:${agentId}`, 'alerts'], receive, setLink, ended);
  Promise.all([
    api.get('/v1/status-codes').then(list => { view.statusCodes = list.items; }),
    api.get('/v1/transaction-codes').then(list => { view.transactionCodes = list.items; }),
    api.get(`/v1/directory/queues?limit=200`).then(page => { view.queues = page.items; }),
  ]).then(render, error => { if (!stopped) showProblem(describe(error)); });
  live.start();

  return {
    render,
    stop() { stopped = true; clearInterval(timers); live.stop(); },
  };
}
