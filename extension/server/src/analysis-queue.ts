/**
 * Debounced, superseding analysis per document. An edit restarts its document's timer, so a
 * burst of keystrokes yields one analysis of the last text. When the timer fires, the queue
 * first lets the connection take up a message already waiting (afterWaitingMessage), and drops
 * the run if a newer edit of the same document arrived meanwhile: that edit has its own timer.
 * An analysis itself is synchronous (the engine's API); its result is published with the
 * document version it read, and the caller drops it if the document moved on.
 */
export class AnalysisQueue {
  private readonly timers = new Map<string, NodeJS.Timeout>();
  /** A generation per document: a newer schedule() or cancel() makes older pending runs stale. */
  private readonly generations = new Map<string, number>();

  constructor(private readonly run: (uri: string) => void) {}

  schedule(uri: string, delayMs: number): void {
    this.cancel(uri);
    const generation = this.generations.get(uri) ?? 0;
    this.timers.set(
      uri,
      setTimeout(() => {
        this.timers.delete(uri);
        void afterWaitingMessage().then(() => {
          if (this.generations.get(uri) === generation) this.run(uri);
        });
      }, delayMs),
    );
  }

  cancel(uri: string): void {
    clearTimeout(this.timers.get(uri));
    this.timers.delete(uri);
    this.generations.set(uri, (this.generations.get(uri) ?? 0) + 1);
  }

  /** A closed document: no pending run, nothing kept. */
  forget(uri: string): void {
    this.cancel(uri);
    this.generations.delete(uri);
  }

  dispose(): void {
    for (const timer of this.timers.values()) clearTimeout(timer);
    this.timers.clear();
  }
}

/**
 * Resolves once the connection has handled a message that was already waiting to be read (an
 * edit sent while an analysis blocked the loop). vscode-jsonrpc handles what the poll phase read
 * in a setImmediate queued during that poll, one message per turn. A timer runs before the next
 * poll; an immediate queued from it runs just before jsonrpc's, and one queued from that just
 * after. A longer backlog is caught by the next check.
 */
export function afterWaitingMessage(): Promise<void> {
  return new Promise((resolve) => setTimeout(() => setImmediate(() => setImmediate(resolve)), 0));
}
