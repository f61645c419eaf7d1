/**
 * Env values across files, host-free.
 *   sharedKeyFindings(file, text)   the same credential in env files of different environments (no-shared-env-keys)
 */
export { sharedKeyFindings, environmentOf } from "./shared-keys";
export { noSharedEnvKeysMessages, NO_SHARED_ENV_KEYS_RULE } from "./messages";
