/**
 * Every KeyFence rule, by name. configs.recommended is derived from each rule's
 * meta.docs.recommended, so adding a rule here is all it takes to ship it.
 * (One import line and one entry per rule: keep them sorted.)
 */
import type { TSESLint } from "@typescript-eslint/utils";
import envGitignore from "./env-gitignore";
import noClientAiCalls from "./no-client-ai-calls";
import noClientSecrets from "./no-client-secrets";
import noCommittedEnvKeys from "./no-committed-env-keys";
import noHardcodedKeys from "./no-hardcoded-keys";
import noPublicSecrets from "./no-public-secrets";
import requireRateLimit from "./require-rate-limit";

export const rules: Record<string, TSESLint.RuleModule<string, readonly unknown[]>> = {
  "env-gitignore": envGitignore,
  "no-client-ai-calls": noClientAiCalls,
  "no-client-secrets": noClientSecrets,
  "no-committed-env-keys": noCommittedEnvKeys,
  "no-hardcoded-keys": noHardcodedKeys,
  "no-public-secrets": noPublicSecrets,
  "require-rate-limit": requireRateLimit,
};
