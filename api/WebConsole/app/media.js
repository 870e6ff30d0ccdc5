import { h, clock } from './dom.js';
import { t } from './i18n.js';

/**
 * Emails and voicemails in the agent's hands: an email conversation read over REST (again after each reply, to show its
 * delivery), with the agent's reply; a voicemail's recording fetched with the key into a local object URL (an audio
 * element cannot send a key) and the call-back.
 */
export function createMedia({ api, act, render }) {
  const emails = new Map(); // interaction id → { messages, draft, loading }
  const voicemails = new Map(); // interaction id → { info, url, loading }

  function loadEmails(id) {
    const e = emails.get(id) ?? { messages: null, draft: '', loading: null };
    emails.set(id, e);
    e.loading = api.get(`/v1/interactions/${encodeURIComponent(id)}/emails`)
      .then(page => { e.messages = page.items; render(); }, () => { e.loading = null; });
    return e;
  }

  function emailPanel(i, { agentId, path }) {
    const e = emails.get(i.id)?.loading ? emails.get(i.id) : loadEmails(i.id);
    const mayReply = i.state === 'Connected' && i.handler === agentId;
    const draft = h('textarea', { 'aria-label': t('yourReply'), 'data-key': `${i.id}-reply`, oninput: ev => { e.draft = ev.target.value; } });
    draft.value = e.draft;
    return h('div', { class: 'email' },
      e.messages === null ? h('p', { class: 'empty', text: t('loading') }) : h('ol', { class: 'emails', 'aria-label': t('conversation') },
        e.messages.map(m => h('li', { class: `mail ${m.direction}`, 'data-message': m.messageId },
          h('p', { class: 'meta', text: `${m.direction === 'inbound' ? t('mailFrom', { from: m.from.name ?? m.from.address }) : t('mailReply', { agent: m.agentId ?? '' })} · ${new Date(m.receivedAt).toLocaleString()}${m.delivery ? ` · ${t(`delivery.${m.delivery.status}`)}` : ''}` }),
          h('p', { class: 'subject', text: m.subject }),
          h('pre', { class: 'mail-text', text: m.text }),
          m.attachments.length ? h('p', { class: 'meta', text: `${t('attachments')}: ${m.attachments.map(a => a.name).join(', ')}` }) : null))),
      mayReply ? h('form', { class: 'composer', onsubmit: ev => {
        ev.preventDefault();
        if (!e.draft.trim()) return;
        act(async () => {
          await api.post(`${path}/reply`, { text: e.draft });
          e.draft = '';
          loadEmails(i.id);
        });
      } }, draft, h('div', { class: 'row' }, h('button', { type: 'submit', class: 'primary', 'data-action': 'reply', 'data-key': `${i.id}-send-reply` }, t('sendReply')))) : null);
  }

  function voicemailPanel(i, { agentId, path }) {
    let v = voicemails.get(i.id);
    if (!v) {
      v = { info: null, url: null };
      voicemails.set(i.id, v);
      api.get(`${path}/voicemail`).then(async info => {
        v.info = info;
        if (info.recording) v.url = URL.createObjectURL(await api.blob(`${path}/recording`));
        render();
      }).catch(() => voicemails.delete(i.id));
    }

    const handling = i.handler === agentId && i.state === 'Connected';
    return h('div', { class: 'voicemail' },
      v.info ? h('p', { class: 'meta', text: t('voicemailLength', { time: clock(v.info.durationSeconds) }) }) : null,
      v.url ? h('audio', { controls: true, src: v.url, 'aria-label': t('recording'), 'data-testid': 'recording' }) : v.info ? h('p', { class: 'empty', text: t('noRecording') }) : null,
      handling && i.from ? h('div', { class: 'row' }, h('button', { type: 'button', 'data-action': 'call-back', 'data-key': `${i.id}-call-back`, onclick: () => act(() => api.post(`${path}/call-back`)) }, t('callBack', { number: i.from }))) : null);
  }

  return {
    emailPanel,
    voicemailPanel,
    forget(id) {
      emails.delete(id);
      const v = voicemails.get(id);
      if (v?.url) URL.revokeObjectURL(v.url);
      voicemails.delete(id);
    },
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
