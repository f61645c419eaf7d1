/** Messages of `no-shared-env-keys`, shared by the ESLint rule and the extension. */
import type { Messages } from "../finding";

export const NO_SHARED_ENV_KEYS_RULE = "no-shared-env-keys";

export const noSharedEnvKeysMessages = {
  sharedKey:
    "{{name}} in {{file}} ({{environment}}) holds the same credential as {{otherName}} in {{otherFile}} ({{otherEnvironment}}): a leak of one environment's key is a leak of both. Create a separate key for each environment.",
} satisfies Messages;
