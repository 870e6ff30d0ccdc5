import { h } from './dom.js';
import { t } from './i18n.js';

const TypingShownMs = 6000;
const TypingSentEveryMs = 4000;

/**
 * The agent's chats: each transcript read once over REST, then kept by the interaction.message events of the agent's
 * interactions topic (merged by sequence, so a replay after a resume adds nothing twice); the customer typing, the
 * agent's draft, and knowledge-base search with articles inserted as messages.
 */
export function createChats({ api, act, render }) {
  const chats = new Map(); // interaction id → { messages: Map(sequence → message), draft, typingUntil, faq, loading, sentTypingAt }

  function chat(id) {
    let c = chats.get(id);
    if (!c) {
      c = { messages: new Map(), draft: '', typingUntil: 0, faq: { q: '', results: null }, loading: null, sentTypingAt: 0 };
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
      render();
    })().catch(() => { c.loading = null; }); // shown again on the next redraw, which loads it again
    return c.loading;
  }

  function panel(i, { agentId, path }) {
    const c = chat(i.id);
    if (!c.loading) load(i.id);
    const messages = [...c.messages.values()].sort((a, b) => a.sequence - b.sequence);
    const open = i.state === 'Connected' && (i.handler === agentId || i.participants.includes(agentId));
    const transcript = h('ol', { class: 'transcript', 'aria-label': t('transcript'), 'aria-live': 'polite', 'data-transcript': i.id },
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
      onkeydown: e => { if (e.key === 'Enter' && !e.shiftKey) { e.preventDefault(); e.target.form.requestSubmit(); } },
    });
    draft.value = c.draft;
    const faqQuery = h('input', { type: 'search', 'aria-label': t('faqSearch'), placeholder: t('faqSearch'), 'data-key': `${i.id}-faq-q`, value: c.faq.q, oninput: e => { c.faq.q = e.target.value; } });
    return h('div', { class: 'chat' },
      transcript, typing,
      h('form', { class: 'composer', onsubmit: e => {
        e.preventDefault();
        const text = c.draft.trim();
        if (!text) return;
        act(async () => {
          const sent = await api.post(`${path}/messages`, { text });
          c.messages.set(sent.sequence, sent);
          c.draft = '';
          render();
        });
      } },
      draft,
      h('div', { class: 'row' }, h('button', { type: 'submit', class: 'primary', 'data-action': 'send', 'data-key': `${i.id}-send` }, t('send')))),
      h('form', { class: 'faq row', role: 'search', onsubmit: e => {
        e.preventDefault();
        act(async () => {
          const q = c.faq.q.trim();
          c.faq.results = q ? (await api.get(`/v1/faqs?q=${encodeURIComponent(q)}&limit=5`)).items : null;
          render();
        });
      } },
      faqQuery,
      h('button', { type: 'submit', 'data-action': 'faq-search', 'data-key': `${i.id}-faq-search` }, t('search'))),
      c.faq.results === null ? null : c.faq.results.length === 0 ? h('p', { class: 'empty', text: t('noFaqs') }) : h('ul', { class: 'faqs' },
        c.faq.results.map(f => h('li', { 'data-faq': f.id },
          h('strong', { text: f.title }), ' ', h('span', { class: 'meta', text: f.highlights?.snippet ?? '' }), ' ',
          h('button', { type: 'button', 'data-action': 'insert-faq', 'data-key': `${i.id}-faq-${f.id}`, onclick: () => act(async () => {
            const sent = await api.post(`${path}/messages`, { faqId: f.id });
            c.messages.set(sent.sequence, sent);
            c.faq = { q: '', results: null };
            render();
          }) }, t('insert'))))));
  }

  return {
    panel,
    /** An interaction.message or interaction.typing event; true when it belongs to a chat (the view draws again). */
    receive(message) {
      const data = message.data;
      if (message.type === 'interaction.message' && data?.interactionId) {
        chat(data.interactionId).messages.set(data.sequence, data);
        if (data.sender === 'customer') chat(data.interactionId).typingUntil = 0;
        return true;
      }

      if (message.type === 'interaction.typing' && data?.interactionId && data.sender === 'customer') {
        chat(data.interactionId).typingUntil = Date.now() + TypingShownMs;
        setTimeout(render, TypingShownMs + 50);
        return true;
      }

      return false;
    },
    /** After a resync: every transcript is read again, since events may have been missed. */
    reloadAll() {
      for (const [id, c] of chats) { c.loading = null; load(id); }
    },
    forget(id) { chats.delete(id); },
  };
}
