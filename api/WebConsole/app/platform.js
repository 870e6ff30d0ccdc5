import { h, clock } from './dom.js';
import { t } from './i18n.js';

/**
 * Platform-change notices on the agent's screen (the platform topic): every notice of a change in progress, and after
 * the final one the time left to log out, with a button that does it. An agent logged out already has nothing to do.
 */
export function createPlatformNotices({ act, logOut }) {
  let notices = new Map(); // change id → its latest notice
  const complied = new Set(); // changes whose final notice this console saw the agent log out after

  function countdownText(deadline) {
    const left = (Date.parse(deadline) - Date.now()) / 1000;
    return left > 0 ? t('logoutWithin', { time: clock(left) }) : t('logoutDue');
  }

  return {
    banner(agent) {
      const shown = [...notices.values()].sort((a, b) => Date.parse(a.sentAt) - Date.parse(b.sentAt));
      if (shown.length === 0) return null;
      const loggedOut = agent?.state === 'LoggedOut';
      if (loggedOut) for (const n of shown) if (n.final) complied.add(n.changeId);
      // Asked to log out: logged in at the final notice (its state began before it), not logged out since, and the
      // deadline not passed (then the system logs the agent out). One who logged in afterwards is not asked.
      const asked = n => n.final && n.logoutDeadline && !loggedOut && !complied.has(n.changeId)
        && agent && Date.parse(agent.since) < Date.parse(n.sentAt) && Date.parse(n.logoutDeadline) > Date.now();
      return h('section', { class: 'platform', role: 'region', 'aria-label': t('platformNotice') },
        shown.map(n => h('div', { 'data-change': n.changeId, 'data-final': String(n.final) },
          h('p', {}, h('strong', { text: `${t('platformNotice')} ${n.number}: ` }), n.message),
          asked(n) ? h('p', { class: 'row' },
            h('span', { class: 'countdown', 'data-deadline': n.logoutDeadline, role: 'timer', text: countdownText(n.logoutDeadline) }),
            h('button', { type: 'button', class: 'primary', 'data-action': 'log-out-now', 'data-key': `logout-${n.changeId}`, onclick: () => act(logOut) }, t('logOutNow')))
            : n.final && loggedOut ? h('p', { class: 'meta', 'data-testid': 'complied', text: t('loggedOutDone') }) : null)));
    },
    receive(message) {
      if (message.topic !== 'platform') return false;
      if (message.type === 'snapshot') notices = new Map((message.data.notices ?? []).map(n => [n.changeId, n]));
      else if (message.data?.changeId) notices.set(message.data.changeId, message.data);
      return true;
    },
    tick(root) {
      for (const countdown of root.querySelectorAll('[data-deadline]')) countdown.textContent = countdownText(countdown.dataset.deadline);
    },
  };
}
