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
    onHold: 'On hold', wrapUp: 'Wrap-up', codes: 'Transaction codes', codeRequired: 'one at least', notes: 'Notes', saveWrapUp: 'Save wrap-up',
    wallboard: 'Agents', queuesBoard: 'Queues', agentName: 'Agent', group: 'Group', state: 'State', since: 'For', code: 'Code',
    newOffer: 'New offer: {media} from {from}', force: 'Force', forceState: 'Force state of {agent}', reason: 'Reason', queueName: 'Queue', waiting: 'Waiting',
    longestWait: 'Longest wait', availableAgents: 'Available', serviceLevel: 'Service level', answeredOffered: 'Answered / offered',
    noAgents: 'No agents yet.', noQueues: 'No queues yet.',
    alerts: 'Alerts', unread: '{count} unread', noAlerts: 'No alerts.', markRead: 'Mark read', readAt: 'read',
    broadcast: 'Broadcast', message: 'Message', audience: 'To', everyone: 'Everyone', groupNamed: 'Group', queueMembers: 'Members of queue',
    send: 'Send', sent: 'Sent', receipts: '{read} of {recipients} read', noBroadcasts: 'No broadcasts yet.',
    transcript: 'Transcript', customer: 'Customer', me: 'Me', system: 'System', customerTyping: 'The customer is typing…', yourMessage: 'Your message',
    faqSearch: 'Search the FAQs', search: 'Search', noFaqs: 'No article found.', insert: 'Insert',
    yourReply: 'Your reply', loading: 'Loading…', conversation: 'Conversation', mailFrom: 'From {from}', mailReply: 'Reply by {agent}',
    'delivery.sending': 'sending', 'delivery.sent': 'sent', 'delivery.retrying': 'retrying', 'delivery.failed': 'not delivered',
    attachments: 'Attachments', sendReply: 'Send reply', voicemailLength: 'Message of {time}', recording: 'Recording', noRecording: 'The recording has not arrived yet.',
    callBack: 'Call back {number}', customerCard: 'Customer', caseLinked: 'case #{id}', noOpenCases: 'No open cases.', openCases: 'Open cases',
    'case.open': 'open', 'case.pending': 'pending', 'case.solved': 'solved', 'case.closed': 'closed', callCustomer: 'Call the customer',
    statusView: 'Status view', 'tab.group': 'My group', 'tab.queues': 'My queues', 'tab.favorites': 'Favorites', 'tab.recents': 'Recent',
    pin: 'Add {name} to favorites', unpin: 'Remove {name} from favorites',
    platformNotice: 'Platform change', logoutWithin: 'Log out within {time}', logoutDue: 'Log out now: the time is up', logOutNow: 'Log out now', loggedOutDone: 'You are logged out: thank you.',
    customers: 'Customers', findCustomer: 'Name, number or email', noCustomers: 'No customer found.', callNumber: 'Call {name} on {number}',
    acceptConsult: 'Accept consult', consulting: 'Line 2: consulting {target} {answered}', completeTransfer: 'Complete transfer', conference: 'Conference',
    cancelConsult: 'Back to the caller', swap: 'Swap to this call', merge: 'Merge the calls', leave: 'Leave', inConference: 'conference', line: 'line {line}',
    aNumber: 'A number…', number: 'Number', consult: 'Consult',
    platformChanges: 'Platform changes', noPlatformChanges: 'No platform change in progress.', compliance: 'Compliance', deadline: 'Log out by {time}',
    sendNotice: 'Send notice', finalNotice: 'Final notice (agents must log out)',
    'compliance.pending': 'pending', 'compliance.logged-out': 'logged out', 'compliance.finishing-call': 'finishing a call',
    'compliance.logged-out-by-system': 'logged out by the system', 'compliance.not-logged-in': 'was not logged in', 'compliance.removed': 'removed',
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
    onHold: 'In attesa', wrapUp: 'Post-chiamata', codes: 'Codici di esito', codeRequired: 'almeno uno', notes: 'Note', saveWrapUp: 'Salva esito',
    wallboard: 'Agenti', queuesBoard: 'Code', agentName: 'Agente', group: 'Gruppo', state: 'Stato', since: 'Da', code: 'Codice',
    newOffer: 'Nuova offerta: {media} da {from}', force: 'Forza', forceState: 'Forza lo stato di {agent}', reason: 'Motivo', queueName: 'Coda', waiting: 'In attesa',
    longestWait: 'Attesa massima', availableAgents: 'Disponibili', serviceLevel: 'Livello di servizio', answeredOffered: 'Risposte / offerte',
    noAgents: 'Nessun agente.', noQueues: 'Nessuna coda.',
    alerts: 'Avvisi', unread: '{count} da leggere', noAlerts: 'Nessun avviso.', markRead: 'Segna come letto', readAt: 'letto',
    broadcast: 'Messaggio a tutti', message: 'Messaggio', audience: 'A', everyone: 'Tutti', groupNamed: 'Gruppo', queueMembers: 'Membri della coda',
    send: 'Invia', sent: 'Inviati', receipts: '{read} di {recipients} letti', noBroadcasts: 'Nessun messaggio inviato.',
    transcript: 'Conversazione', customer: 'Cliente', me: 'Io', system: 'Sistema', customerTyping: 'Il cliente sta scrivendo…', yourMessage: 'Il tuo messaggio',
    faqSearch: 'Cerca nelle FAQ', search: 'Cerca', noFaqs: 'Nessun articolo trovato.', insert: 'Inserisci',
    yourReply: 'La tua risposta', loading: 'Caricamento…', conversation: 'Conversazione', mailFrom: 'Da {from}', mailReply: 'Risposta di {agent}',
    'delivery.sending': 'in invio', 'delivery.sent': 'inviata', 'delivery.retrying': 'nuovo tentativo', 'delivery.failed': 'non consegnata',
    attachments: 'Allegati', sendReply: 'Invia risposta', voicemailLength: 'Messaggio di {time}', recording: 'Registrazione', noRecording: 'La registrazione non è ancora arrivata.',
    callBack: 'Richiama {number}', customerCard: 'Cliente', caseLinked: 'pratica #{id}', noOpenCases: 'Nessuna pratica aperta.', openCases: 'Pratiche aperte',
    'case.open': 'aperta', 'case.pending': 'in attesa', 'case.solved': 'risolta', 'case.closed': 'chiusa', callCustomer: 'Chiama il cliente',
    statusView: 'Vista stato', 'tab.group': 'Il mio gruppo', 'tab.queues': 'Le mie code', 'tab.favorites': 'Preferiti', 'tab.recents': 'Recenti',
    pin: 'Aggiungi {name} ai preferiti', unpin: 'Togli {name} dai preferiti',
    platformNotice: 'Cambio di piattaforma', logoutWithin: 'Esci entro {time}', logoutDue: 'Esci adesso: il tempo è scaduto', logOutNow: 'Esci adesso', loggedOutDone: 'Sei disconnesso: grazie.',
    customers: 'Clienti', findCustomer: 'Nome, numero o email', noCustomers: 'Nessun cliente trovato.', callNumber: 'Chiama {name} al {number}',
    acceptConsult: 'Accetta consulenza', consulting: 'Linea 2: in consulenza con {target} {answered}', completeTransfer: 'Completa il trasferimento', conference: 'Conferenza',
    cancelConsult: 'Torna al chiamante', swap: 'Passa a questa chiamata', merge: 'Unisci le chiamate', leave: 'Esci', inConference: 'conferenza', line: 'linea {line}',
    aNumber: 'Un numero…', number: 'Numero', consult: 'Consulta',
    platformChanges: 'Cambi di piattaforma', noPlatformChanges: 'Nessun cambio di piattaforma in corso.', compliance: 'Adesione', deadline: 'Uscita entro le {time}',
    sendNotice: 'Invia avviso', finalNotice: 'Avviso finale (gli agenti devono uscire)',
    'compliance.pending': 'in attesa', 'compliance.logged-out': 'uscito', 'compliance.finishing-call': 'sta finendo una chiamata',
    'compliance.logged-out-by-system': 'disconnesso dal sistema', 'compliance.not-logged-in': 'non era collegato', 'compliance.removed': 'rimosso',
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
