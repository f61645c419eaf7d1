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
 * Resolves once the connection has handled the messages that were already waiting to be read
 * (edits sent while an analysis blocked the loop). vscode-jsonrpc 10 takes a message from the
 * poll phase that reads it to its handler in two check phases: the reader's semaphore runs the
 * decode in one setImmediate, and the connection's queue hands the message over in another
 * queued from it, one message per turn. Whether this wait's timer fires in the loop's next turn
 * or the one after depends on how long the rest of the current turn takes (a millisecond
 * decides it), so counting on the jsonrpc's order within a turn loses the race when a GC lands
 * there (CI saw it). Four chained immediates after the timer outlast both orders and a backlog
 * of two messages; a longer backlog is caught by the version check after the debounce's hold.
 * Each turn costs microseconds.
 */
export function afterWaitingMessage(turns = 4): Promise<void> {
  return new Promise((resolve) => {
    const next = (left: number): void => {
      if (left === 0) resolve();
      else setImmediate(next, left - 1);
    };
    setTimeout(next, 0, turns);
  });
}
