import { h, clock } from './dom.js';
import { t } from './i18n.js';

/**
 * Emails and voicemails in the agent's hands: an email conversation read over REST (again after each reply, to show its
 * delivery), with the agent's reply; a voicemail's recording fetched with the key into a local object URL (an audio
 * element cannot send a key) and the call-back.
 */
export function createMedia({ api, act, render }) {
  const RetryAfterMs = 5000;
  const emails = new Map(); // interaction id → { messages, draft, loading, failedAt, sending }
  const voicemails = new Map(); // interaction id → { info, audio, url, failedAt }

  function loadEmails(id) {
    const e = emails.get(id) ?? { messages: null, draft: '', loading: null, failedAt: 0, sending: false };
    emails.set(id, e);
    e.loading = api.get(`/v1/interactions/${encodeURIComponent(id)}/emails`)
      .then(page => { e.messages = page.items; if (emails.get(id) === e) render(id); }, () => { e.loading = null; e.failedAt = Date.now(); });
    return e;
  }

  function emailPanel(i, { agentId, path }) {
    let e = emails.get(i.id);
    if (!e || (!e.loading && Date.now() - e.failedAt > RetryAfterMs)) e = loadEmails(i.id);
    const mayReply = i.state === 'Connected' && i.handler === agentId;
    const draft = h('textarea', { 'aria-label': t('yourReply'), 'data-key': `${i.id}-reply`, oninput: ev => { e.draft = ev.target.value; } });
    draft.value = e.draft;
    return h('div', { class: 'email' },
      e.messages === null ? h('p', { class: 'empty', text: t('loading') }) : h('ol', { class: 'emails', 'aria-label': t('conversation') },
        e.messages.map(m => h('li', { class: `mail ${m.direction}`, 'data-message': m.messageId },
          h('p', { class: 'meta', text: `${m.direction === 'inbound' ? t('mailFrom', { from: m.from.name ?? m.from.address }) : t('mailReply', { agent: m.agentId ?? '' })} · ${new Date(m.receivedAt).toLocaleString()}${m.delivery ? ` · ${t(`delivery.${m.delivery.status}`)}` : ''}` }),
          h('p', { class: 'subject', text: m.subject }),
          h('pre', { class: 'mail-text', tabindex: '0', 'data-mail-text': `${i.id}:${m.messageId}`, text: m.text }),
          m.attachments.length ? h('p', { class: 'meta', text: `${t('attachments')}: ${m.attachments.map(a => a.name).join(', ')}` }) : null))),
      mayReply ? h('form', { class: 'composer', onsubmit: ev => {
        ev.preventDefault();
        const text = e.draft;
        if (!text.trim() || e.sending) return; // one reply per click: a second one would reach the customer too
        e.sending = true;
        act(async () => {
          try {
            await api.post(`${path}/reply`, { text });
            if (e.draft === text) e.draft = '';
            loadEmails(i.id);
          } finally {
            e.sending = false;
          }
        });
      } }, draft, h('div', { class: 'row' }, h('button', { type: 'submit', class: 'primary', 'data-action': 'reply', 'data-key': `${i.id}-send-reply` }, t('sendReply')))) : null);
  }

  function loadVoicemail(id, path) {
    const v = { info: null, audio: null, url: null, failedAt: 0 };
    voicemails.set(id, v);
    api.get(`${path}/voicemail`).then(async info => {
      const url = info.recording ? URL.createObjectURL(await api.blob(`${path}/recording`)) : null;
      if (voicemails.get(id) !== v) { if (url) URL.revokeObjectURL(url); return; } // forgotten meanwhile
      v.info = info;
      v.url = url;
      // One element for the voicemail's life: a redraw moves it, so playback goes on.
      v.audio = url ? h('audio', { controls: true, src: url, 'aria-label': t('recording'), 'data-testid': 'recording' }) : null;
      render(id);
    }).catch(() => { v.failedAt = Date.now(); });
    return v;
  }

  function voicemailPanel(i, { agentId, path }) {
    let v = voicemails.get(i.id);
    // Not there yet (a carrier uploads it after the event), or the read failed: asked again a few seconds later.
    if (!v || ((v.failedAt || (v.info && !v.url)) && Date.now() - Math.max(v.failedAt, v.checkedAt ?? 0) > RetryAfterMs)) {
      v = loadVoicemail(i.id, path);
      v.checkedAt = Date.now();
    }

    const handling = i.handler === agentId && i.state === 'Connected';
    return h('div', { class: 'voicemail' },
      v.info ? h('p', { class: 'meta', text: t('voicemailLength', { time: clock(v.info.durationSeconds) }) }) : null,
      v.audio ?? (v.info ? h('p', { class: 'empty', text: t('noRecording') }) : null),
      handling && i.from ? h('div', { class: 'row' }, h('button', { type: 'button', 'data-action': 'call-back', 'data-key': `${i.id}-call-back`, onclick: () => act(() => api.post(`${path}/call-back`)) }, t('callBack', { number: i.from }))) : null);
  }

  function forget(id) {
    emails.delete(id);
    const v = voicemails.get(id);
    if (v?.url) URL.revokeObjectURL(v.url);
    voicemails.delete(id);
  }

  return {
    emailPanel,
    voicemailPanel,
    /** Forgets every email and voicemail but these, and lets their recordings go. */
    keepOnly(ids) { for (const id of [...emails.keys(), ...voicemails.keys()]) if (!ids.has(id)) forget(id); },
    dispose() { for (const id of [...emails.keys(), ...voicemails.keys()]) forget(id); },
  };
}

/** The customer card of the screen pop: who it is, its open cases, and a call to its number (click-to-dial). */
export function customerCard(i, { api, act, agentId }) {
  if (!i.customer) return null;
  return h('aside', { class: 'customer-card', 'aria-label': t('customerCard'), 'data-customer': i.customer.id },
    h('p', {}, h('strong', { text: i.customer.name }), i.caseId ? h('span', { class: 'meta', text: ` · ${t('caseLinked', { id: i.caseId })}` }) : null),
    i.openCases.length === 0 ? h('p', { class: 'empty', text: t('noOpenCases') }) : h('ul', { class: 'cases', 'aria-label': t('openCases') },
      i.openCases.map(c => h('li', { 'data-case': c.id }, `#${c.id} ${c.subject} `, h('span', { class: 'meta', text: `(${t(`case.${c.status}`)})` })))),
    i.media !== 'voice' || i.state === 'Ended' ? h('button', { type: 'button', 'data-action': 'dial-customer', 'data-key': `${i.id}-dial`,
      onclick: () => act(() => api.post(`/v1/crm/customers/${encodeURIComponent(i.customer.id)}/call`, { agentId })) }, t('callCustomer')) : null);
}
