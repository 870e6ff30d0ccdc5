/**
 * One socket to /v1/stream for the topics given: snapshots and events go to onMessage in order. A dropped socket is
 * opened again and resumes its session from the last sequence read, so nothing is missed; when the server cannot
 * replay, it says resync and sends fresh snapshots, which replace what the console shows.
 */
export class LiveConnection {
  constructor(key, topics, onMessage, onLink) {
    this.key = key;
    this.topics = topics;
    this.onMessage = onMessage;
    this.onLink = onLink;
    this.session = null;
    this.seq = 0;
    this.stopped = false;
    this.retry = 0;
  }

  start() {
    this.onLink('connecting');
    const scheme = location.protocol === 'https:' ? 'wss' : 'ws';
    this.socket = new WebSocket(`${scheme}://${location.host}/v1/stream?access_token=${encodeURIComponent(this.key)}`);
    this.socket.addEventListener('message', event => this.receive(JSON.parse(event.data)));
    this.socket.addEventListener('close', () => {
      if (this.stopped) return;
      this.onLink('reconnecting');
      const wait = Math.min(5000, 250 * 2 ** this.retry++);
      setTimeout(() => { if (!this.stopped) this.start(); }, wait);
    });
  }

  stop() {
    this.stopped = true;
    this.socket?.close(1000, 'signed out');
  }

  receive(message) {
    if (message.type === 'welcome') {
      this.fresh = message.session;
      const resume = this.session ? { session: this.session, resumeFrom: this.seq } : {};
      this.socket.send(JSON.stringify({ op: 'subscribe', topics: this.topics, ...resume }));
      if (!this.session) this.session = message.session;
      return;
    }

    if (message.type === 'resumed' || message.type === 'subscribed') {
      this.retry = 0;
      this.onLink('live');
    }

    if (message.type === 'resync' && message.reason === 'session-expired') {
      this.session = this.fresh; // the old session is gone: this socket's new one goes on
    }

    if (typeof message.seq === 'number') this.seq = message.seq;
    this.onMessage(message);
  }
}
