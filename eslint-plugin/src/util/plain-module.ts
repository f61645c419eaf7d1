/**
 * An engine module for a rule's `create`, loaded on the first call and kept as a plain object.
 *
 * Why not `require(...)` in `create`, as the rules did: in the engine bundle (build.mjs) a module's
 * exports are getters (esbuild's CommonJS wrapper over the module's own export getters), and each
 * rule read them again for every file. Those reads went megamorphic: 8-14 profile samples of a
 * cold run over vercel/ai's 506 files, against 0-2 with plain objects (issue 11, ~10 ms). A plain
 * object's properties are read like any other; the getters run once, here.
 */
export function plainModule<T extends object>(load: () => T): () => T {
  let plain: T | undefined;
  return () => (plain ??= { ...load() });
}
