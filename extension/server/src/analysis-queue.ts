/**
 * Debounced, superseding analysis per document. An edit restarts its document's timer, so a
 * burst of keystrokes yields one analysis of the last text. When the timer fires, the queue
 * first lets the connection read every message already waiting (one macrotask), and drops the
 * run if a newer edit of the same document arrived meanwhile: that edit has its own timer.
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
        setImmediate(() => {
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
