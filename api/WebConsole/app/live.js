/**
 * One socket to /v1/stream for the topics given: snapshots and events go to onMessage in order. A dropped socket is
 * opened again and resumes its session from the last sequence read, so nothing is missed; when the server cannot
 * replay, it says resync and sends fresh snapshots, which replace what the console shows. A socket silent for two
 * heartbeats is taken for dead and opened again; a revoked key (4001) or a session taken over elsewhere (4002) ends
 * the connection and is reported through onEnded.
 */
export class LiveConnection {
  constructor(key, topics, onMessage, onLink, onEnded = () => {}) {
    this.key = key;
    this.topics = topics;
    this.onMessage = onMessage;
    this.onLink = onLink;
    this.onEnded = onEnded;
    this.session = null;
    this.seq = 0;
    this.stopped = false;
    this.retry = 0;
    this.heartbeatSeconds = 15;
  }

  start() {
    if (this.stopped) return;
    if (!this.session) this.onLink('connecting'); // a reconnection stays "reconnecting" until it is live again
    const scheme = location.protocol === 'https:' ? 'wss' : 'ws';
    const socket = new WebSocket(`${scheme}://${location.host}/v1/stream?access_token=${encodeURIComponent(this.key)}`);
    this.socket = socket;
    this.watch();
    socket.addEventListener('message', event => { if (socket === this.socket) this.receive(JSON.parse(event.data)); });
    socket.addEventListener('close', event => {
      if (socket !== this.socket || this.stopped) return;
      clearTimeout(this.watchdog);
      clearTimeout(this.resubscribe);
      if (event.code === 4001 || event.code === 4002 || event.code === 4003) {
        this.stopped = true;
        this.onEnded(event.code);
        return;
      }

      this.onLink('reconnecting');
      const wait = Math.min(5000, 250 * 2 ** this.retry++);
      setTimeout(() => this.start(), wait);
    });
  }

  stop() {
    this.stopped = true;
    clearTimeout(this.watchdog);
    clearTimeout(this.resubscribe);
    this.socket?.close(1000, 'signed out');
  }

  /** Any message proves the socket alive; two heartbeats of silence do not. */
  watch() {
    clearTimeout(this.watchdog);
    const socket = this.socket;
    this.watchdog = setTimeout(() => { if (socket === this.socket && !this.stopped) socket.close(4000, 'silent'); }, (this.heartbeatSeconds * 2 + 5) * 1000);
  }

  receive(message) {
    this.watch();
    if (message.type === 'welcome') {
      this.fresh = message.session;
      this.heartbeatSeconds = message.heartbeatSeconds ?? this.heartbeatSeconds;
      const resume = this.session ? { session: this.session, resumeFrom: this.seq } : {};
      this.socket.send(JSON.stringify({ op: 'subscribe', topics: this.topics, ...resume }));
      if (!this.session) this.session = message.session;
      return;
    }

    if (message.type === 'resumed' || message.type === 'subscribed') {
      this.retry = 0;
      this.onLink('live');
    }

    if (message.type === 'subscribed' && message.denied?.length) {
      // A topic the cluster could not serve now is asked for again; the others are the person's to know.
      const unavailable = message.denied.filter(d => d.code === 'unavailable').map(d => d.topic);
      if (unavailable.length) {
        const socket = this.socket;
        this.resubscribe = setTimeout(() => {
          if (socket === this.socket && socket.readyState === WebSocket.OPEN) socket.send(JSON.stringify({ op: 'subscribe', topics: unavailable }));
        }, 2000); // a socket reopened meanwhile subscribes to everything again by itself
      }
    }

    if (message.type === 'resync' && message.reason === 'session-expired') {
      this.session = this.fresh; // the old session is gone: this socket's new one goes on
    }

    if (typeof message.seq === 'number') this.seq = message.seq;
    this.onMessage(message);
  }
}
