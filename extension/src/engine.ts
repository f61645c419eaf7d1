/**
 * The analysis engine (parser, provider catalogue, client graph) is a separate bundle,
 * dist/engine.js, loaded on first use: activation stays fast and loads none of it.
 */
import { join } from "node:path";
import type * as Engine from "./analyze";

let loaded: typeof Engine | undefined;
/** How long loading the engine bundle took (the tests print it). */
export let engineLoadMs: number | undefined;

export function engine(): typeof Engine {
  if (!loaded) {
    const started = performance.now();
    // A computed path: the bundler leaves this require to run time.
    loaded = require(join(__dirname, "engine.js")) as typeof Engine;
    engineLoadMs = performance.now() - started;
  }
  return loaded;
}

export function engineLoaded(): boolean {
  return loaded !== undefined;
}
