/** Messages of `no-logged-keys`, shared by the ESLint rule and the extension. */
import type { Messages } from "../finding";

export const NO_LOGGED_KEYS_RULE = "no-logged-keys";

export const noLoggedKeysMessages = {
  keyLogged:
    "`{{call}}` writes the {{provider}} key ({{name}}) to the log in full: whoever reads the logs (your host's log view, CI output, a log service, the browser console) can use it. Log whether it is set, not its value.",
  logWhetherSet: "Log whether {{name}} is set instead of its value",
} satisfies Messages;
