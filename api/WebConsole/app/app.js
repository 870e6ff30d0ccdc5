import { h } from './dom.js';
import { t, setLanguage, currentLanguage } from './i18n.js';
import { createApi, describe } from './api.js';
import { startAgentView } from './agent.js';
import { startSupervisorView } from './supervisor.js';

const KeyItem = 'switchboard.key';
const main = document.getElementById('main');
const problem = document.getElementById('problem');
const who = document.getElementById('who');
const link = document.getElementById('link');
const signOutButton = document.getElementById('sign-out');
const languageSelect = document.getElementById('language');
let stopView = null;

function showProblem(text) {
  problem.hidden = !text;
  problem.textContent = text ?? '';
}

function setLink(status) {
  link.dataset.link = status;
  link.textContent = t(status === 'live' ? 'linkLive' : status === 'reconnecting' ? 'linkReconnecting' : 'linkConnecting');
}

function translateStatic() {
  for (const element of document.querySelectorAll('[data-text]')) element.textContent = t(element.dataset.text);
  languageSelect.value = currentLanguage();
}

function signInForm() {
  stopView?.();
  stopView = null;
  who.textContent = '';
  link.textContent = '';
  signOutButton.hidden = true;
  main.className = 'single';
  const input = h('input', { id: 'key', type: 'password', autocomplete: 'off', required: true, spellcheck: 'false' });
  main.replaceChildren(h('section', {},
    h('h2', { text: t('signIn') }),
    h('form', { class: 'sign-in', onsubmit: e => { e.preventDefault(); signIn(input.value.trim()); } },
      h('label', { for: 'key', text: t('key') }), input,
      h('p', { class: 'empty', text: t('signInHelp') }),
      h('button', { type: 'submit', class: 'primary', id: 'sign-in' }, t('signIn')))));
  input.focus();
}

async function signIn(key) {
  showProblem(null);
  const api = createApi(key);
  let me;
  try {
    me = await api.get('/v1/me');
  } catch (error) {
    showProblem(describe(error));
    return;
  }

  sessionStorage.setItem(KeyItem, key);
  signOutButton.hidden = false;
  who.textContent = me.agentId ? `${me.agentId} · ${me.tenantId}` : `${me.role} · ${me.tenantId}`;
  if (me.role === 'agent') {
    stopView = startAgentView({ api, key, me, main, showProblem, setLink });
  } else if (me.role === 'supervisor' || me.role === 'admin') {
    stopView = startSupervisorView({ api, key, main, showProblem, setLink });
  } else {
    main.className = 'single';
    main.replaceChildren(h('section', {}, h('p', { text: t('integrationKey') })));
  }
}

signOutButton.addEventListener('click', () => {
  sessionStorage.removeItem(KeyItem);
  showProblem(null);
  signInForm();
});

languageSelect.addEventListener('change', () => {
  setLanguage(languageSelect.value);
  translateStatic();
  const key = sessionStorage.getItem(KeyItem);
  if (key) { stopView?.(); signIn(key); } else signInForm();
});

setLanguage(currentLanguage());
translateStatic();
const saved = sessionStorage.getItem(KeyItem);
if (saved) signIn(saved); else signInForm();
