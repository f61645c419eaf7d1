/**
 * Every KeyFence rule as both hosts know it: the message templates its findings use and how
 * serious a finding is by default. The ESLint rules take their meta.messages and
 * meta.docs.recommended (so configs.recommended) from here; the extension its messages and
 * default severities. One table, so the editor and CI never word or weigh a finding differently.
 */
// The message tables only, not the engines: importing the plugin loads no analysis code.
import { noClientAiCallsMessages, noClientSecretsMessages, noPublicSecretsMessages } from "./client/messages";
import { envDockerignoreMessages, noDockerKeysMessages } from "./docker/messages";
import { envKeyMessages } from "./env-files/messages";
import { noSharedEnvKeysMessages } from "./env-values/messages";
import { envNpmPublishMessages } from "./npm-package/messages";
import { formatMessage, type Finding } from "./finding";
import { envGitignoreMessages } from "./gitignore/messages";
import { hardcodedKeyMessages } from "./keys/messages";
import { noLoggedKeysMessages } from "./logs/messages";
import { noServedKeysMessages } from "./responses/messages";
import { REQUIRE_RATE_LIMIT_MESSAGES } from "./server-route/messages";

export type Severity = "error" | "warn";

export const RULES = {
  "no-hardcoded-keys": { messages: hardcodedKeyMessages, severity: "error" },
  "no-client-secrets": { messages: noClientSecretsMessages, severity: "error" },
  "no-public-secrets": { messages: noPublicSecretsMessages, severity: "error" },
  "no-client-ai-calls": { messages: noClientAiCallsMessages, severity: "error" },
  "no-logged-keys": { messages: noLoggedKeysMessages, severity: "error" },
  "no-served-keys": { messages: noServedKeysMessages, severity: "error" },
  "env-gitignore": { messages: envGitignoreMessages, severity: "error" },
  "no-committed-env-keys": { messages: envKeyMessages, severity: "error" },
  "env-dockerignore": { messages: envDockerignoreMessages, severity: "error" },
  "no-docker-keys": { messages: noDockerKeysMessages, severity: "error" },
  "env-npm-publish": { messages: envNpmPublishMessages, severity: "error" },
  // Same key in two environments: a weaker blast radius, not a leak by itself.
  "no-shared-env-keys": { messages: noSharedEnvKeysMessages, severity: "warn" },
  // A missing rate limit is a cost risk, not a leaked key.
  "require-rate-limit": { messages: REQUIRE_RATE_LIMIT_MESSAGES, severity: "warn" },
} as const satisfies Record<string, { messages: Record<string, string>; severity: Severity }>;

export type RuleId = keyof typeof RULES;

export function isRuleId(id: string): id is RuleId {
  return Object.hasOwn(RULES, id);
}

/** A finding's message, worded as ESLint words it. */
export function messageOf(finding: Finding): string {
  const template = isRuleId(finding.ruleId) ? (RULES[finding.ruleId].messages as Record<string, string>)[finding.messageId] : undefined;
  return formatMessage(template ?? finding.messageId, finding.data);
}

/** A rule's default severity (unknown ids: "warn"). */
export function defaultSeverity(ruleId: string): Severity {
  return isRuleId(ruleId) ? RULES[ruleId].severity : "warn";
}
