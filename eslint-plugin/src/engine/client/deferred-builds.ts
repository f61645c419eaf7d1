/**
 * Client graph builds, deferred on request. Building an app's graph (listing it, reading and
 * resolving every module) can take seconds on a big monorepo, the first time and after a change; the
 * language server would rather publish what needs no graph at once and the rest right after, as
 * TypeScript sends syntax errors before semantic ones. While `withGraphBuildsDeferred` runs, a
 * question to a graph that was never built throws `GraphNotBuilt` (the rules treat it as they
 * treat an unreadable project: they say nothing about the browser), and the caller learns that
 * its result is provisional. A rebuild after a change is deferred too: the graph answers from
 * its last build meanwhile. ESLint never defers: its findings are always whole.
 */
export class GraphNotBuilt extends Error {
  constructor(root: string) {
    super(`the client graph of ${root} is not built yet`);
  }
}

let deferring = false;
let deferred = false;

/** Runs `run` with graph builds deferred; `deferred` says whether any question needed one. */
export function withGraphBuildsDeferred<T>(run: () => T): { result: T; deferred: boolean } {
  const outer = { deferring, deferred };
  deferring = true;
  deferred = false;
  try {
    const result = run();
    return { result, deferred };
  } finally {
    deferring = outer.deferring;
    deferred = outer.deferred || deferred;
  }
}

/**
 * Called by a graph about to rebuild (a file it used changed, a folder gained a file): while
 * builds are deferred it answers from its last build, and the caller learns the result is
 * provisional (a rebuild of a big app takes as long as its first build).
 */
export function mayDeferRebuild(): boolean {
  if (!deferring) return false;
  deferred = true;
  return true;
}

/** Called by a graph about to build for the first time: throws while builds are deferred. */
export function mayBuildFirstTime(root: string): void {
  if (!deferring) return;
  deferred = true;
  throw new GraphNotBuilt(root);
}
