/** The extension bundle answers `oxc-parser` with the engine's JS stand-in (see extension/build.mjs). */
export { parseSync } from "../../../eslint-plugin/src/engine/client/fallback-parser";
