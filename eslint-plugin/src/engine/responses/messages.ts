/** Messages of `no-served-keys`, shared by the ESLint rule and the extension. */
import type { Messages } from "../finding";

export const NO_SERVED_KEYS_RULE = "no-served-keys";

export const noServedKeysMessages = {
  keyServed:
    "The {{provider}} key ({{name}}) is sent in {{sink}}: whoever makes the request can read it and use it. Call {{provider}} on the server and send back only its answer (for a browser realtime or voice session, a short-lived token).",
} satisfies Messages;
