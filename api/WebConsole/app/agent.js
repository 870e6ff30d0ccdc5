import { h, clock, keepFocus } from './dom.js';
import { t } from './i18n.js';
import { describe } from './api.js';
import { LiveConnection } from './live.js';
import { createChats } from './chat.js';
import { createMedia, customerCard } from './media.js';
import { createStatusView } from './statusview.js';
import { createPlatformNotices } from './platform.js';

const AgentStates = ['Available', 'Break', 'Offline', 'LoggedOut'];
const Settled = ['WrappedUp', 'Abandoned', 'Failed'];

/**
 * The agent view: the agent's state with its timer, status code and next state; the work offered to it or in its
 * hands with the controls of each medium (call controls with consult, conference and a second line; chats side by side;
 * email with reply; voicemail with its recording), the customer card and the wrap-up; the status view, platform notices
 * and alerts. State comes from the agent's topics; commands go to the REST API, and what they change comes back on the
 * socket.
 */
export function startAgentView({ api, key, me, main, showProblem, setLink, ended }) {
  const view = {
    agent: null, work: new Map(), statusCodes: [], transactionCodes: [], queues: [], chosenState: null, chosenCode: '',
    alerts: new Map(),
    wrapUps: new Map(), // per interaction: the codes ticked and the notes typed, kept across redraws
    targets: new Map(), // per interaction: the transfer or consult target chosen, and a number typed
    customers: { q: '', results: null },
  };
  const agentId = me.agentId;
  let stopped = false;
  const announced = new Set();
  // Outside the redrawn view, so a redraw never repeats them: offers are urgent, chat messages polite.
  const announcer = h('p', { class: 'visually-hidden', role: 'alert', 'aria-live': 'assertive' });
  const chatAnnouncer = h('p', { class: 'visually-hidden', 'aria-live': 'polite' });
  document.body.append(announcer, chatAnnouncer);

  const act = async (run) => {
    showProblem(null);
    try { await run(); } catch (error) { showProblem(describe(error)); }
  };

  const drawWork = id => render(new Set(['work']), id ? new Set([id]) : null);
  const chats = createChats({ api, act, render: drawWork, announce: text => { chatAnnouncer.textContent = text; } });
  const media = createMedia({ api, act, render: drawWork });
  const status = createStatusView({ api, act, render: () => render(new Set(['status'])), agentId });
  const platform = createPlatformNotices({ act, logOut: () => setState('LoggedOut', null) });

  // The view's parts, each drawn again only when what it shows changed; within the work, one piece at a time.
  const slots = {
    platform: h('div', { class: 'platform-slot', hidden: true }),
    state: h('div'), status: h('div'), alerts: h('div'), customers: h('div'), work: h('div'),
  };
  let drawn = false;
  let workOrder = '';

  const mine = (i) => !Settled.includes(i.state)
    && (i.offer?.agentId === agentId || i.handler === agentId || i.participants.includes(agentId)
      || i.wrapUps.some(w => w.agentId === agentId && !w.completedAt));

  /**
   * Draws the parts named (all when none), keeping the focused control, the caret, and where each transcript or email
   * was scrolled; in the work, only the pieces named in <paramref name="changed"/> unless the list itself changed.
   */
  function render(parts = null, changed = null) {
    if (stopped) return;
    const keep = keepFocus('[data-interaction]');
    if (!drawn) {
      main.className = 'agent';
      main.replaceChildren(slots.platform,
        h('div', { class: 'column' }, slots.state, slots.status, slots.alerts, slots.customers),
        h('div', { class: 'column' }, slots.work));
      drawn = true;
      parts = null;
    }

    const all = parts === null;
    if (all || parts.has('platform')) {
      const banner = platform.banner(view.agent);
      slots.platform.hidden = !banner;
      slots.platform.replaceChildren(...(banner ? [banner] : []));
    }
    if (all || parts.has('state')) slots.state.replaceChildren(stateSection());
    if (all || parts.has('status')) slots.status.replaceChildren(status.section());
    if (all || parts.has('alerts')) slots.alerts.replaceChildren(alertsSection());
    if (all || parts.has('customers')) slots.customers.replaceChildren(customersSection());
    if (all || parts.has('work')) drawWorkSection(all ? null : changed);
    keep(main);
  }

  const openChat = i => i.media === 'chat' && i.state !== 'Offered';

  function drawWorkSection(changed) {
    const items = myWork();
    const order = items.map(i => `${i.id}${openChat(i) ? ':chat' : ''}`).join(',');
    const scrolls = scrollPositions(slots.work);
    if (changed === null || order !== workOrder) {
      workOrder = order;
      slots.work.replaceChildren(workSection(items));
    } else {
      // A call's controls depend on the agent's other call (swap, merge): a change to one draws both.
      const ids = new Set(changed);
      if ([...changed].some(id => view.work.get(id)?.media === 'voice')) for (const i of items) if (i.media === 'voice') ids.add(i.id);
      for (const id of ids) {
        const old = slots.work.querySelector(`[data-interaction="${CSS.escape(id)}"]`);
        const item = view.work.get(id);
        if (old && item) old.replaceWith(workItem(item, items));
      }
    }
    restoreScrolls(slots.work, scrolls);
  }

  // Where each transcript and email text was scrolled: a transcript read to its end follows new messages, one scrolled
  // back stays where the agent is reading; an email stays where it was.
  function scrollPositions(root) {
    const positions = new Map();
    for (const box of root.querySelectorAll('[data-transcript], [data-mail-text]')) {
      const key = box.dataset.transcript ?? box.dataset.mailText;
      positions.set(key, { top: box.scrollTop, atEnd: box.scrollTop + box.clientHeight >= box.scrollHeight - 4 });
    }
    return positions;
  }

  function restoreScrolls(root, positions) {
    for (const box of root.querySelectorAll('[data-transcript], [data-mail-text]')) {
      const key = box.dataset.transcript ?? box.dataset.mailText;
      const was = positions.get(key);
      if (box.dataset.transcript && (!was || was.atEnd)) box.scrollTop = box.scrollHeight;
      else if (was) box.scrollTop = was.top;
    }
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
        agent.reasonCode ? h('span', { class: 'meta', text: ` (${view.statusCodes.find(c => c.code === agent.reasonCode)?.label ?? agent.reasonCode})` }) : null,
        h('span', { class: 'timer', 'data-since': agent.since, 'aria-label': t('timer'), text: clock((Date.now() - Date.parse(agent.since)) / 1000) })),
      agent.nextState ? h('p', { 'data-testid': 'next-state', text: t('nextState', { state: t(agent.nextState) }) }) : null,
      h('div', { class: 'row', role: 'group', 'aria-label': t('myState') },
        AgentStates.map(state => h('button', {
          type: 'button', 'data-state': state, 'data-key': `state-${state}`, 'aria-pressed': String(target === state),
          onclick: () => { view.chosenState = state; view.chosenCode = ''; render(new Set(['state'])); },
        }, t(state)))),
      h('div', { class: 'row' },
        h('label', {}, t('statusCode'),
          h('select', { id: 'status-code', 'data-key': 'status-code', onchange: e => { view.chosenCode = e.target.value; } },
            h('option', { value: '' }, t('noCode')),
            codes.map(c => h('option', { value: c.code, selected: view.chosenCode === c.code }, c.label)))),
        // Busy and WrapUp are the system's to leave: while in them, Set asks for the next state chosen.
        h('button', { type: 'button', class: 'primary', id: 'set-state', 'data-key': 'set-state',
          disabled: !view.chosenState && (agent.state === 'Busy' || agent.state === 'WrapUp'),
          onclick: () => act(() => setState(view.chosenState ?? view.agent.state, view.chosenCode || null)) }, t('setState'))));
  }

  async function setState(state, reasonCode) {
    await api.put(`/v1/agents/${encodeURIComponent(agentId)}/state`, { state, reasonCode }, { 'If-Match': `"${view.agent.version}"` });
    view.chosenState = null;
    view.chosenCode = '';
    render(new Set(['state']));
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
              render(new Set(['alerts']));
            }) }, t('markRead'))))));
  }

  // Click-to-dial: find a customer of the CRM and call one of its numbers.
  function customersSection() {
    const c = view.customers;
    return h('section', { 'aria-labelledby': 'customers-title' },
      h('h2', { id: 'customers-title', text: t('customers') }),
      h('form', { class: 'row', role: 'search', onsubmit: e => {
        e.preventDefault();
        act(async () => {
          c.results = c.q.trim() ? (await api.get(`/v1/crm/customers?q=${encodeURIComponent(c.q.trim())}&limit=5`)).items : null;
          render(new Set(['customers']));
        });
      } },
      h('input', { type: 'search', 'aria-label': t('findCustomer'), placeholder: t('findCustomer'), 'data-key': 'customer-q', value: c.q, oninput: e => { c.q = e.target.value; } }),
      h('button', { type: 'submit', 'data-key': 'customer-search' }, t('search'))),
      c.results === null ? null : c.results.length === 0 ? h('p', { class: 'empty', text: t('noCustomers') }) : h('ul', { class: 'customers' },
        c.results.map(customer => h('li', { 'data-customer': customer.id },
          h('strong', { text: customer.name }), ' ',
          customer.phones.map(phone => h('button', { type: 'button', 'data-action': 'dial', 'data-key': `dial-${customer.id}-${phone}`,
            'aria-label': t('callNumber', { name: customer.name, number: phone }),
            onclick: () => act(() => api.post(`/v1/crm/customers/${encodeURIComponent(customer.id)}/call`, { agentId, phone })) }, `☎ ${phone}`))))));
  }

  const myWork = () => [...view.work.values()].filter(mine).sort((a, b) => Date.parse(a.createdAt) - Date.parse(b.createdAt));

  function workSection(items) {
    const chatsOpen = items.filter(openChat);
    const rest = items.filter(i => !chatsOpen.includes(i));
    return h('section', { 'aria-labelledby': 'work-title' },
      h('h2', { id: 'work-title', text: t('work') }),
      items.length === 0 ? h('p', { class: 'empty', text: t('noWork') }) : null,
      rest.map(i => workItem(i, items)),
      chatsOpen.length ? h('div', { class: 'chats', 'data-testid': 'chats' }, chatsOpen.map(i => workItem(i, items))) : null);
  }

  function workItem(i, items) {
    const from = i.customer?.name ?? i.customerName ?? i.from ?? t('unknownCaller');
    const medium = t(i.media);
    const offered = i.state === 'Offered' && i.offer?.agentId === agentId;
    const path = `/v1/interactions/${encodeURIComponent(i.id)}`;
    const post = (action, body) => () => act(() => api.post(`${path}/${action}`, body));
    const button = (action, label = t(action), primary = false, body = undefined) =>
      h('button', { type: 'button', class: primary ? 'primary' : null, 'data-action': action, 'data-key': `${i.id}-${action}`, onclick: post(action, body) }, label);
    const openWrapUp = i.wrapUps.find(w => w.agentId === agentId && !w.completedAt);
    const handling = i.handler === agentId;
    const voice = i.media === 'voice';
    const otherCall = voice ? items.find(o => o.id !== i.id && o.media === 'voice' && o.handler === agentId && (o.state === 'Connected' || o.state === 'OnHold')) : null;
    const controls = [];
    if (offered) {
      controls.push(button('accept', t(i.offer.purpose === 'consult' ? 'acceptConsult' : 'accept'), true), button('reject'));
    } else if (i.consult && handling) {
      controls.push(
        h('span', { class: 'line2', 'data-testid': 'line2', text: t('consulting', { target: targetName(i.consult), answered: i.consult.agentId ?? '' }) }),
        button('consult/complete', t('completeTransfer'), true), button('conference'), button('consult/cancel', t('cancelConsult')));
    } else if (handling && i.state === 'Connected') {
      if (voice) controls.push(button('hold'));
      controls.push(button('end'), targetControl(i, path));
      if (voice && otherCall?.state === 'OnHold') controls.push(button('merge', t('merge'), false, { interactionId: otherCall.id }));
    } else if (handling && i.state === 'OnHold') {
      // One call talks at a time: with the other line connected, this one is swapped to, not resumed.
      controls.push(otherCall?.state === 'Connected' ? button('swap', t('swap'), true) : button('resume', t('resume'), true), button('end'));
    } else if (!handling && i.participants.includes(agentId) && i.state !== 'Ended') {
      controls.push(button('end', t('leave')));
    }

    const title = offered ? t('offered', { media: medium, from }) : t('handling', { media: medium, from });
    const connected = !offered && (handling || i.participants.includes(agentId));
    return h('article', { class: `work ${i.media}${offered ? ' offered' : ''}`, tabindex: '-1', 'data-interaction': i.id, 'data-state': i.state, 'data-media': i.media, 'aria-label': title },
      h('div', { class: 'title', text: title }),
      h('div', { class: 'meta' },
        i.queueId ? t('queue', { queue: i.queueId }) : '',
        i.state === 'OnHold' ? ` · ${t('onHold')}` : '',
        i.conference ? ` · ${t('inConference')}` : '',
        otherCall ? ` · ${t('line', { line: i.createdAt > otherCall.createdAt ? 2 : 1 })}` : '',
        offered ? h('span', { class: 'countdown', 'data-expires': i.offer.expiresAt, text: ` · ${t('expiresIn', { time: clock((Date.parse(i.offer.expiresAt) - Date.now()) / 1000) })}` }) : null),
      customerCard(i, { api, act, agentId }),
      h('div', { class: 'row' }, controls),
      connected && i.media === 'chat' ? chats.panel(i, { agentId, path }) : null,
      connected && i.media === 'email' ? media.emailPanel(i, { agentId, path }) : null,
      connected && i.media === 'voicemail' ? media.voicemailPanel(i, { agentId, path }) : null,
      openWrapUp ? wrapUpForm(i, path, openWrapUp) : null);
  }

  function targetName(consult) {
    const target = consult.target;
    if (target.type === 'external') return target.number;
    if (target.type === 'queue') return view.queues.find(q => q.queueId === target.id)?.name ?? target.id;
    return status.agents().find(a => a.agentId === target.id)?.displayName ?? target.id;
  }

  // Blind transfer or consult: to one of the agent's queues, a colleague of its group, or a number.
  function targetControl(i, path) {
    // Only targets that can take this medium: its queues, the colleagues of the group, and for a call a number.
    const queues = view.queues.filter(q => q.media === i.media);
    const agents = status.agents();
    const choice = view.targets.get(i.id)
      ?? { to: queues[0] ? `queue:${queues[0].queueId}` : agents[0] ? `agent:${agents[0].agentId}` : 'external', number: '' };
    view.targets.set(i.id, choice);
    const select = h('select', { 'aria-label': t('transferTo'), 'data-key': `${i.id}-target`, 'data-testid': 'target', onchange: e => { choice.to = e.target.value; drawWork(i.id); } },
      h('optgroup', { label: t('queuesBoard') }, queues.map(q => h('option', { value: `queue:${q.queueId}`, selected: choice.to === `queue:${q.queueId}` }, q.name ?? q.queueId))),
      h('optgroup', { label: t('wallboard') }, agents.map(a => h('option', { value: `agent:${a.agentId}`, selected: choice.to === `agent:${a.agentId}` }, a.displayName ?? a.agentId))),
      i.media === 'voice' ? h('option', { value: 'external', selected: choice.to === 'external' }, t('aNumber')) : null);
    choice.to = select.value; // what the list shows is what is sent
    const number = choice.to === 'external'
      ? h('input', { type: 'tel', 'aria-label': t('number'), placeholder: '+39…', 'data-key': `${i.id}-number`, value: choice.number, oninput: e => { choice.number = e.target.value; } })
      : null;
    const target = () => {
      if (choice.to === 'external') return { type: 'external', number: choice.number.trim() };
      const [type, ...id] = choice.to.split(':');
      return { type, id: id.join(':') };
    };
    const send = action => () => act(async () => {
      await api.post(`${path}/${action}`, { target: target() });
      status.refreshRecents();
    });
    return h('span', { class: 'row' }, select, number,
      h('button', { type: 'button', 'data-action': 'transfer', 'data-key': `${i.id}-transfer`, onclick: send('transfer') }, t('transfer')),
      i.media === 'voice' ? h('button', { type: 'button', 'data-action': 'consult', 'data-key': `${i.id}-consult`, onclick: send('consult') }, t('consult')) : null);
  }

  function wrapUpForm(i, path, wrapUp) {
    // The codes this wrap-up takes, with the tenant's labels.
    const labels = new Map(view.transactionCodes.map(c => [c.code, c.label]));
    const allowed = (wrapUp.allowedCodes ?? []).map(code => ({ code, label: labels.get(code) ?? code }));
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
    allowed.length ? h('fieldset', {}, h('legend', { text: `${t('wrapUp')}: ${t('codes')}${wrapUp.codeRequired ? ` (${t('codeRequired')})` : ''}` }), boxes) : null,
    h('label', { class: 'notes' }, t('notes'), notes),
    h('div', { class: 'row' }, h('button', { type: 'submit', class: 'primary', 'data-key': `${i.id}-save` }, t('saveWrapUp'))));
  }

  /** Forgets what the console kept for work that left the agent (an offer gone elsewhere, work wrapped up or gone). */
  function keepOnlyMine() {
    const ids = new Set(myWork().map(i => i.id));
    for (const id of [...view.work.keys()]) if (!ids.has(id)) view.work.delete(id);
    for (const map of [view.wrapUps, view.targets]) for (const id of [...map.keys()]) if (!ids.has(id)) map.delete(id);
    chats.keepOnly(ids);
    media.keepOnly(ids);
    return ids;
  }

  function receive(message) {
    if (stopped) return;
    if (message.type === 'resync') {
      resynced = true; // the snapshots that follow replace the rest; transcripts are read again after them
      return;
    }

    if (message.topic === `agent:${agentId}` && message.data) {
      view.agent = message.data;
      render(new Set(['state', 'platform']));
    } else if (message.topic === `interactions:${agentId}`) {
      if (message.type === 'interaction.message' || message.type === 'interaction.typing') {
        const id = chats.receive(message);
        if (id && view.work.has(id)) drawWork(id);
        return;
      }

      if (message.type === 'snapshot') {
        view.work = new Map(message.data.interactions.map(i => [i.id, i]));
        const ids = keepOnlyMine();
        if (resynced) { resynced = false; chats.reload([...ids].filter(id => view.work.get(id)?.media === 'chat')); }
        render(new Set(['work']));
      } else if (message.data?.id) {
        const i = message.data;
        view.work.set(i.id, i);
        keepOnlyMine();
        if (message.type === 'interaction.offered' && i.offer?.agentId === agentId && !announced.has(`${i.id}:${i.offer.offeredAt}`)) {
          announced.add(`${i.id}:${i.offer.offeredAt}`);
          announcer.textContent = t('newOffer', { media: t(i.media), from: i.customer?.name ?? i.customerName ?? i.from ?? t('unknownCaller') });
        }
        render(new Set(['work']), new Set([i.id]));
      }
    } else if (message.topic === 'alerts') {
      if (message.type === 'snapshot') view.alerts = new Map((message.data.alerts ?? []).map(a => [a.id, a]));
      else if (message.data?.id) view.alerts.set(message.data.id, message.data);
      render(new Set(['alerts']));
    } else if (status.receive(message)) {
      // The status view changed; the transfer targets too when a colleague came or went.
      const colleagues = status.agents().map(a => a.agentId).join(',');
      const parts = new Set(['status']);
      if (colleagues !== lastColleagues) { lastColleagues = colleagues; parts.add('work'); }
      render(parts);
    } else if (platform.receive(message)) {
      render(new Set(['platform']));
    }
  }

  let resynced = false;
  let lastColleagues = '';

  const timers = setInterval(() => {
    for (const timer of main.querySelectorAll('[data-since]')) timer.textContent = clock((Date.now() - Date.parse(timer.dataset.since)) / 1000);
    for (const countdown of main.querySelectorAll('[data-expires]')) countdown.textContent = ` · ${t('expiresIn', { time: clock((Date.parse(countdown.dataset.expires) - Date.now()) / 1000) })}`;
    platform.tick(main);
  }, 1000);

  let live = null;
  render();
  status.start();
  Promise.all([
    api.get('/v1/status-codes').then(list => { view.statusCodes = list.items; }),
    api.get('/v1/transaction-codes').then(list => { view.transactionCodes = list.items; }),
    api.get('/v1/directory/queues?limit=199').then(page => { view.queues = page.items; status.setQueues(page.items); }),
  ]).then(() => {
    if (stopped) return;
    render();
    // A socket holds at most 200 topics: the agent's own four and the first 196 of its queues.
    const topics = [`agent:${agentId}`, `interactions:${agentId}`, 'alerts', 'directory', 'platform', ...view.queues.slice(0, 195).map(q => `queue:${q.queueId}`)];
    live = new LiveConnection(key, topics, receive, setLink, ended);
    live.start();
  }, error => { if (!stopped) showProblem(describe(error)); });

  return {
    render: () => render(),
    stop() {
      stopped = true;
      clearInterval(timers);
      live?.stop();
      media.dispose();
      announcer.remove();
      chatAnnouncer.remove();
    },
  };
}
