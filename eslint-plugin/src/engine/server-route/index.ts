/**
 * Server routes for AI calls. Host-free entry points:
 *
 *   planMoveCallToServerRoute(input: MoveCallInput): FixPlan | undefined
 *     "Move this AI call to a server route" (quick fix on no-client-ai-calls / no-client-secrets
 *     findings). input = { source: parseSource(file, text), range: finding.range,
 *     project: ProjectView, provider?: Provider, projectRoot?: string }.
 *     The plan creates app/api/ai/<provider>/route.ts (Next App Router), pages/api/ai/<provider>.ts
 *     (Pages Router), api/ai/<provider>.ts (Vite/CRA: a Vercel function),
 *     src/routes/api/ai/<provider>/+server.ts (SvelteKit), server/api/ai/<provider>.post.ts (Nuxt),
 *     src/pages/api/ai/<provider>.ts (Astro) or app/routes/api.ai.<provider>.ts (Remix / React
 *     Router), rewrites the browser call to fetch it ($fetch in Nuxt), and moves the key to
 *     .env.local (.env for Nuxt) (+ .gitignore). Edits: "create" and
 *     "replace" (offsets into each file's current text); apply them as one WorkspaceEdit.
 *     Undefined when the code is not a provider call the route can stand in for.
 *   findUnlimitedAiRoutes(source: SourceFile, options?: RateLimitOptions): Finding[]
 *     keyfence/require-rate-limit: route handlers that call an AI provider with no rate limit.
 *     Findings may carry a one-file FixPlan "Add an in-memory rate limit".
 *   diskProjectView(): ProjectView
 *     The real file system ({ exists, read, mtime }), reads cached by path + mtime.
 */
export { planMoveCallToServerRoute, MOVE_CALL_TITLE } from "./planner";
export type { MoveCallInput, ProjectView } from "./types";
export { diskProjectView } from "./disk-project-view";
export { findUnlimitedAiRoutes, REQUIRE_RATE_LIMIT, type RateLimitOptions } from "./rate-limit/find-unlimited-ai-routes";
export { REQUIRE_RATE_LIMIT_MESSAGES } from "./messages";
