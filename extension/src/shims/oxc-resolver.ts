/** The extension bundle answers `oxc-resolver` with the engine's JS stand-in (see extension/build.mjs). */
export { ResolverFactory } from "../../../eslint-plugin/src/engine/client/fallback-resolver";
