import { h } from './dom.js';
import { t, setLanguage, currentLanguage } from './i18n.js';
import { ApiError, createApi, describe } from './api.js';
import { startAgentView } from './agent.js';
import { startSupervisorView } from './supervisor.js';

const KeyItem = 'switchboard.key';
const main = document.getElementById('main');
const problem = document.getElementById('problem');
const who = document.getElementById('who');
const link = document.getElementById('link');
const signOutButton = document.getElementById('sign-out');
const languageSelect = document.getElementById('language');
let view = null; // { stop, render } of the view shown after sign-in
let linkStatus = null;

function showProblem(text) {
  problem.hidden = !text;
  problem.textContent = text ?? '';
}

function setLink(status) {
  linkStatus = status;
  link.dataset.link = status ?? '';
  link.textContent = !status ? '' : t(status === 'live' ? 'linkLive' : status === 'reconnecting' ? 'linkReconnecting' : 'linkConnecting');
}

function translateStatic() {
  for (const element of document.querySelectorAll('[data-text]')) element.textContent = t(element.dataset.text);
  languageSelect.value = currentLanguage();
  setLink(linkStatus);
}

function stopView() {
  view?.stop();
  view = null;
}

function signInForm() {
  stopView();
  who.textContent = '';
  setLink(null);
  signOutButton.hidden = true;
  main.className = 'single';
  const input = h('input', { id: 'key', type: 'password', autocomplete: 'new-password', required: true, spellcheck: 'false' });
  const button = h('button', { type: 'submit', class: 'primary', id: 'sign-in' }, t('signIn'));
  main.replaceChildren(h('section', {},
    h('h2', { text: t('signIn') }),
    h('form', { class: 'sign-in', onsubmit: async e => {
      e.preventDefault();
      button.disabled = true; // one sign-in at a time
      try { await signIn(input.value.trim()); } finally { button.disabled = false; }
    } },
    h('label', { for: 'key', text: t('key') }), input,
    h('p', { class: 'empty', text: t('signInHelp') }),
    button)));
  input.focus();
}

let signingIn = 0; // the newest sign-in wins: an older one still waiting for its answer starts no view

async function signIn(key) {
  const attempt = ++signingIn;
  showProblem(null);
  stopView();
  const api = createApi(key);
  let me;
  try {
    me = await api.get('/v1/me');
    if (attempt !== signingIn) return;
  } catch (error) {
    if (attempt !== signingIn) return;
    // A key that no longer works is forgotten; the form stays for another.
    if (error instanceof ApiError && (error.status === 401 || error.status === 403)) sessionStorage.removeItem(KeyItem);
    if (!main.querySelector('#key')) signInForm();
    showProblem(describe(error));
    return;
  }

  sessionStorage.setItem(KeyItem, key);
  signOutButton.hidden = false;
  who.textContent = `${me.agentId ?? me.role} · ${me.tenantId}`;
  const ended = code => {
    // 4001: the key was revoked; 4002: this session went on in another tab or window.
    sessionStorage.removeItem(KeyItem);
    signInForm();
    showProblem(code === 4001 ? t('error.401') : t('sessionElsewhere'));
  };
  const context = { api, key, me, main, showProblem, setLink, ended };
  if (me.role === 'agent') {
    view = startAgentView(context);
  } else if (me.role === 'supervisor' || me.role === 'admin') {
    view = startSupervisorView(context);
  } else {
    main.className = 'single';
    main.replaceChildren(h('section', {}, h('p', { text: t('integrationKey') })));
  }
}

signOutButton.addEventListener('click', () => {
  signingIn++;
  sessionStorage.removeItem(KeyItem);
  showProblem(null);
  signInForm();
});

languageSelect.addEventListener('change', () => {
  setLanguage(languageSelect.value);
  translateStatic();
  if (view) view.render(); // drawn again in place: the session, drafts and socket go on
  else if (main.querySelector('#key')) signInForm();
});

setLanguage(currentLanguage());
translateStatic();
// A link may carry the key in its fragment (#key=…, never sent to the server): it is taken into this tab's storage
// and wiped from the address bar and history at once.
const linked = new URLSearchParams(location.hash.slice(1)).get('key');
if (linked) {
  sessionStorage.setItem(KeyItem, linked);
  history.replaceState(null, '', location.pathname + location.search);
}

const saved = sessionStorage.getItem(KeyItem);
signInForm();
if (saved) signIn(saved);
