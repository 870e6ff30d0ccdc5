/** The console's words in Italian and English: the browser's language first, then the person's choice (kept). */
const words = {
  en: {
    title: 'Switchboard', language: 'Language', signOut: 'Sign out', signIn: 'Sign in', key: 'API key',
    signInHelp: 'Your key stays in this tab only, and is forgotten when you sign out or close it.',
    signingIn: 'Signing in…', sessionElsewhere: 'This console went on in another tab or window.', integrationKey: 'Signed in with an integration key: the console is for agents and supervisors.',
    linkLive: 'Live', linkConnecting: 'Connecting…', linkReconnecting: 'Connection lost: reconnecting…',
    myState: 'My state', timer: 'time in this state', nextState: 'Next: {state}', statusCode: 'Status code', noCode: '(none)', setState: 'Set',
    Available: 'Available', Busy: 'Busy', WrapUp: 'Wrap-up', Break: 'Break', Offline: 'Working offline', LoggedOut: 'Logged out',
    work: 'My work', noWork: 'Nothing assigned to you.', offered: 'Offered: {media} from {from}', handling: '{media} with {from}',
    voice: 'Call', chat: 'Chat', email: 'Email', voicemail: 'Voicemail', unknownCaller: 'unknown',
    expiresIn: 'answer within {time}', queue: 'queue {queue}',
    accept: 'Accept', reject: 'Reject', hold: 'Hold', resume: 'Resume', end: 'End', transfer: 'Transfer', transferTo: 'Transfer to queue',
    onHold: 'On hold', wrapUp: 'Wrap-up', codes: 'Transaction codes', notes: 'Notes', saveWrapUp: 'Save wrap-up',
    wallboard: 'Agents', queuesBoard: 'Queues', agentName: 'Agent', group: 'Group', state: 'State', since: 'For', code: 'Code',
    newOffer: 'New offer: {media} from {from}', force: 'Force', forceState: 'Force state of {agent}', reason: 'Reason', queueName: 'Queue', waiting: 'Waiting',
    longestWait: 'Longest wait', availableAgents: 'Available', serviceLevel: 'Service level', answeredOffered: 'Answered / offered',
    noAgents: 'No agents yet.', noQueues: 'No queues yet.',
    alerts: 'Alerts', unread: '{count} unread', noAlerts: 'No alerts.', markRead: 'Mark read', readAt: 'read',
    broadcast: 'Broadcast', message: 'Message', audience: 'To', everyone: 'Everyone', groupNamed: 'Group', queueMembers: 'Members of queue',
    send: 'Send', sent: 'Sent', receipts: '{read} of {recipients} read', noBroadcasts: 'No broadcasts yet.',
    'error.network': 'Switchboard cannot be reached. Check your connection; the console keeps trying.',
    'error.400': 'The request was not understood.', 'error.401': 'Your key is not accepted (revoked or mistyped). Sign in again.',
    'error.403': 'Your key may not do that.', 'error.404': 'It no longer exists.',
    'error.409': 'That cannot be done now.', 'error.412': 'Someone changed this a moment ago; the screen shows the latest. Try again if still needed.',
    'error.422': 'Something is missing or not allowed.', 'error.429': 'Too many requests: wait a moment and try again.',
    'error.other': 'Switchboard answered with an error ({status}).',
  },
  it: {
    title: 'Switchboard', language: 'Lingua', signOut: 'Esci', signIn: 'Accedi', key: 'Chiave API',
    signInHelp: 'La chiave resta solo in questa scheda e viene dimenticata quando esci o la chiudi.',
    signingIn: 'Accesso in corso…', sessionElsewhere: 'La console è proseguita in un\'altra scheda o finestra.', integrationKey: 'Accesso con una chiave di integrazione: la console è per agenti e supervisori.',
    linkLive: 'In linea', linkConnecting: 'Connessione…', linkReconnecting: 'Connessione persa: riconnessione…',
    myState: 'Il mio stato', timer: 'tempo in questo stato', nextState: 'Poi: {state}', statusCode: 'Codice di stato', noCode: '(nessuno)', setState: 'Imposta',
    Available: 'Disponibile', Busy: 'Occupato', WrapUp: 'Post-chiamata', Break: 'Pausa', Offline: 'Lavoro offline', LoggedOut: 'Disconnesso',
    work: 'Il mio lavoro', noWork: 'Nulla assegnato a te.', offered: 'In arrivo: {media} da {from}', handling: '{media} con {from}',
    voice: 'Chiamata', chat: 'Chat', email: 'Email', voicemail: 'Messaggio vocale', unknownCaller: 'sconosciuto',
    expiresIn: 'rispondi entro {time}', queue: 'coda {queue}',
    accept: 'Accetta', reject: 'Rifiuta', hold: 'Attesa', resume: 'Riprendi', end: 'Chiudi', transfer: 'Trasferisci', transferTo: 'Trasferisci alla coda',
    onHold: 'In attesa', wrapUp: 'Post-chiamata', codes: 'Codici di esito', notes: 'Note', saveWrapUp: 'Salva esito',
    wallboard: 'Agenti', queuesBoard: 'Code', agentName: 'Agente', group: 'Gruppo', state: 'Stato', since: 'Da', code: 'Codice',
    newOffer: 'Nuova offerta: {media} da {from}', force: 'Forza', forceState: 'Forza lo stato di {agent}', reason: 'Motivo', queueName: 'Coda', waiting: 'In attesa',
    longestWait: 'Attesa massima', availableAgents: 'Disponibili', serviceLevel: 'Livello di servizio', answeredOffered: 'Risposte / offerte',
    noAgents: 'Nessun agente.', noQueues: 'Nessuna coda.',
    alerts: 'Avvisi', unread: '{count} da leggere', noAlerts: 'Nessun avviso.', markRead: 'Segna come letto', readAt: 'letto',
    broadcast: 'Messaggio a tutti', message: 'Messaggio', audience: 'A', everyone: 'Tutti', groupNamed: 'Gruppo', queueMembers: 'Membri della coda',
    send: 'Invia', sent: 'Inviati', receipts: '{read} di {recipients} letti', noBroadcasts: 'Nessun messaggio inviato.',
    'error.network': 'Switchboard non è raggiungibile. Controlla la connessione; la console continua a riprovare.',
    'error.400': 'La richiesta non è stata capita.', 'error.401': 'La chiave non è accettata (revocata o errata). Accedi di nuovo.',
    'error.403': 'La tua chiave non può farlo.', 'error.404': 'Non esiste più.',
    'error.409': 'Non si può fare adesso.', 'error.412': 'Qualcuno l\'ha appena cambiato; lo schermo mostra il dato aggiornato. Riprova se serve ancora.',
    'error.422': 'Manca qualcosa o non è consentito.', 'error.429': 'Troppe richieste: attendi un momento e riprova.',
    'error.other': 'Switchboard ha risposto con un errore ({status}).',
  },
};

const stored = () => { try { return localStorage.getItem('switchboard.language'); } catch { return null; } };
let language = stored() ?? ((navigator.language || 'en').toLowerCase().startsWith('it') ? 'it' : 'en');

export const languages = Object.keys(words);

export function currentLanguage() { return language; }

export function setLanguage(next) {
  language = words[next] ? next : 'en';
  try { localStorage.setItem('switchboard.language', language); } catch { /* private mode: this tab only */ }
  document.documentElement.lang = language;
}

/** The word for <paramref name="key"/> with {name} placeholders filled; the key itself when there is none. */
export function t(key, values = {}) {
  const text = words[language][key] ?? words.en[key] ?? key;
  return text.replace(/\{(\w+)\}/g, (_, name) => String(values[name] ?? ''));
}
