import { h } from './dom.js';
import { t } from './i18n.js';

const TypingShownMs = 6000;
const TypingSentEveryMs = 4000;
const RetryAfterMs = 5000;

/**
 * The agent's chats: each transcript read once over REST, then kept by the interaction.message events of the agent's
 * interactions topic (merged by sequence, so a replay after a resume adds nothing twice); the customer typing, the
 * agent's draft, and knowledge-base search with articles inserted as messages.
 */
export function createChats({ api, act, render, announce }) {
  const chats = new Map(); // interaction id → { messages: Map(sequence → message), draft, typingUntil, faq, loading, failedAt, sentTypingAt, sending }

  function chat(id) {
    let c = chats.get(id);
    if (!c) {
      c = { messages: new Map(), draft: '', typingUntil: 0, faq: { q: '', results: null }, loading: null, failedAt: 0, sentTypingAt: 0, sending: false };
      chats.set(id, c);
    }
    return c;
  }

  /** Reads the whole transcript (a page at a time) and merges it: after a resync, or the first time a chat is shown. */
  function load(id) {
    const c = chat(id);
    if (c.loading) return c.loading;
    c.loading = (async () => {
      let cursor = null;
      do {
        const page = await api.get(`/v1/interactions/${encodeURIComponent(id)}/messages?limit=100${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
        for (const m of page.items) c.messages.set(m.sequence, m);
        cursor = page.nextCursor;
      } while (cursor);
      if (chats.get(id) === c) render(id);
    })().catch(() => { c.loading = null; c.failedAt = Date.now(); }); // a later redraw tries again, not before a few seconds
    return c.loading;
  }

  /** Sends a message (text or an FAQ) once: a second Enter or click while it goes out sends nothing. */
  function send(id, path, body, after) {
    const c = chat(id);
    if (c.sending) return;
    c.sending = true;
    act(async () => {
      try {
        const sent = await api.post(`${path}/messages`, body);
        c.messages.set(sent.sequence, sent);
        after();
        render(id);
      } finally {
        c.sending = false;
      }
    });
  }

  function panel(i, { agentId, path }) {
    const c = chat(i.id);
    if (!c.loading && Date.now() - c.failedAt > RetryAfterMs) load(i.id);
    const messages = [...c.messages.values()].sort((a, b) => a.sequence - b.sequence);
    const open = i.state === 'Connected' && (i.handler === agentId || i.participants.includes(agentId));
    const transcript = h('ol', { class: 'transcript', 'aria-label': t('transcript'), tabindex: '0', 'data-transcript': i.id },
      messages.map(m => h('li', { class: `message ${m.sender}`, 'data-sequence': m.sequence, 'data-sender': m.sender },
        h('span', { class: 'meta', text: `${m.sender === 'customer' ? (i.customerName ?? i.customer?.name ?? t('customer')) : m.sender === 'agent' ? (m.agentId === agentId ? t('me') : m.agentId) : t('system')} · ${new Date(m.at).toLocaleTimeString()}` }),
        h('p', { text: m.text }))));
    const typing = c.typingUntil > Date.now()
      ? h('p', { class: 'typing', 'data-testid': 'customer-typing', text: t('customerTyping') })
      : null;
    if (!open) return h('div', { class: 'chat' }, transcript, typing);

    const draft = h('textarea', {
      'aria-label': t('yourMessage'), 'data-key': `${i.id}-draft`, maxlength: '2000',
      oninput: e => {
        c.draft = e.target.value;
        if (Date.now() - c.sentTypingAt > TypingSentEveryMs) {
          c.sentTypingAt = Date.now();
          api.post(`${path}/typing`).catch(() => {}); // a hint only: a lost one is not worth a word to the agent
        }
      },
      onkeydown: e => { if (e.key === 'Enter' && !e.shiftKey && !e.isComposing) { e.preventDefault(); e.target.form.requestSubmit(); } },
    });
    draft.value = c.draft;
    const faqQuery = h('input', { type: 'search', 'aria-label': t('faqSearch'), placeholder: t('faqSearch'), 'data-key': `${i.id}-faq-q`, value: c.faq.q, oninput: e => { c.faq.q = e.target.value; } });
    return h('div', { class: 'chat' },
      transcript, typing,
      h('form', { class: 'composer', onsubmit: e => {
        e.preventDefault();
        const text = c.draft.trim();
        if (!text) return;
        send(i.id, path, { text }, () => { if (c.draft.trim() === text) c.draft = ''; });
      } },
      draft,
      h('div', { class: 'row' }, h('button', { type: 'submit', class: 'primary', 'data-action': 'send', 'data-key': `${i.id}-send` }, t('send')))),
      h('form', { class: 'faq row', role: 'search', onsubmit: e => {
        e.preventDefault();
        act(async () => {
          const q = c.faq.q.trim();
          c.faq.results = q ? (await api.get(`/v1/faqs?q=${encodeURIComponent(q)}&limit=5`)).items : null;
          render(i.id);
        });
      } },
      faqQuery,
      h('button', { type: 'submit', 'data-action': 'faq-search', 'data-key': `${i.id}-faq-search` }, t('search'))),
      c.faq.results === null ? null : c.faq.results.length === 0 ? h('p', { class: 'empty', text: t('noFaqs') }) : h('ul', { class: 'faqs' },
        c.faq.results.map(f => h('li', { 'data-faq': f.id },
          h('strong', { text: f.title }), ' ', h('span', { class: 'meta', text: f.highlights?.snippet ?? '' }), ' ',
          h('button', { type: 'button', 'data-action': 'insert-faq', 'data-key': `${i.id}-faq-${f.id}`,
            onclick: () => send(i.id, path, { faqId: f.id }, () => { c.faq = { q: '', results: null }; }) }, t('insert'))))));
  }

  return {
    panel,
    /** An interaction.message or interaction.typing event: the id of the chat to draw again, or null when it is not one. */
    receive(message) {
      const data = message.data;
      if (message.type === 'interaction.message' && data?.interactionId) {
        const c = chat(data.interactionId);
        const fresh = !c.messages.has(data.sequence);
        c.messages.set(data.sequence, data);
        if (data.sender === 'customer') {
          c.typingUntil = 0;
          if (fresh) announce(t('customerWrote', { text: data.text }));
        }
        return data.interactionId;
      }

      if (message.type === 'interaction.typing' && data?.interactionId && data.sender === 'customer') {
        // From when it was typed: a notice replayed after a resume shows only for what is left of its time.
        const until = Date.parse(data.at) + TypingShownMs;
        if (until <= Date.now()) return null;
        chat(data.interactionId).typingUntil = until;
        setTimeout(() => render(data.interactionId), until - Date.now() + 50);
        return data.interactionId;
      }

      return null;
    },
    /** After a resync: the transcripts of these chats are read again, since events may have been missed. */
    reload(ids) {
      for (const id of ids) { const c = chat(id); c.loading = null; c.failedAt = 0; load(id); }
    },
    /** Forgets every chat but these (work that left the agent: an offer gone elsewhere, a chat wrapped up). */
    keepOnly(ids) { for (const id of [...chats.keys()]) if (!ids.has(id)) chats.delete(id); },
  };
}
