/**
 * Every KeyFence rule, by name. configs.recommended is derived from each rule's
 * meta.docs.recommended, so adding a rule here is all it takes to ship it.
 * (One import line and one entry per rule: keep them sorted.)
 */
import type { TSESLint } from "@typescript-eslint/utils";
import envDockerignore from "./env-dockerignore";
import envGitignore from "./env-gitignore";
import envNpmPublish from "./env-npm-publish";
import noClientAiCalls from "./no-client-ai-calls";
import noClientSecrets from "./no-client-secrets";
import noCommittedEnvKeys from "./no-committed-env-keys";
import noDockerKeys from "./no-docker-keys";
import noHardcodedKeys from "./no-hardcoded-keys";
import noLoggedKeys from "./no-logged-keys";
import noPublicSecrets from "./no-public-secrets";
import noServedKeys from "./no-served-keys";
import noSharedEnvKeys from "./no-shared-env-keys";
import requireRateLimit from "./require-rate-limit";

export const rules: Record<string, TSESLint.RuleModule<string, readonly unknown[]>> = {
  "env-dockerignore": envDockerignore,
  "env-gitignore": envGitignore,
  "env-npm-publish": envNpmPublish,
  "no-client-ai-calls": noClientAiCalls,
  "no-client-secrets": noClientSecrets,
  "no-committed-env-keys": noCommittedEnvKeys,
  "no-docker-keys": noDockerKeys,
  "no-hardcoded-keys": noHardcodedKeys,
  "no-logged-keys": noLoggedKeys,
  "no-public-secrets": noPublicSecrets,
  "no-served-keys": noServedKeys,
  "no-shared-env-keys": noSharedEnvKeys,
  "require-rate-limit": requireRateLimit,
};
