/**
 * What an env file's name says: which files hold real values and must stay out of git, and
 * which are templates meant to be committed.
 */

/**
 * `.env`, `.env.local`, `.env.production`… but not `.envrc` (direnv) or `.environment`. Also
 * wrangler's `.dev.vars` and `.dev.vars.<environment>`: dotenv files of a Cloudflare Worker's
 * local secrets (its docs: "add .dev.vars to .gitignore"), committed as often as `.env`.
 */
export function isEnvFileName(name: string): boolean {
  return name === ".env" || (name.startsWith(".env.") && name.length > 5) || name === ".dev.vars" || (name.startsWith(".dev.vars.") && name.length > 10);
}

/**
 * Last name parts of env files written to be committed: placeholders for every clone. Also in the
 * languages apps are written in: Portuguese `.env.exemplo` (alvarocamillont/gemini_angular_nest,
 * batch 64), Spanish `.env.ejemplo`, French `.env.exemple`, Italian `.env.esempio`, German
 * `.env.beispiel`, Spanish and Portuguese `.env.modelo`.
 */
const TEMPLATE_SUFFIXES = new Set(["example", "sample", "template", "dist", "defaults", "exemplo", "ejemplo", "exemple", "esempio", "beispiel", "modelo"]);

/**
 * `.env.example`, `.env.local.example`, `.env.sample`, `.env.template`, `.env.production.dist`,
 * `.env.defaults` (dotenv-defaults): committed on purpose, so being tracked is not a leak.
 */
export function isEnvTemplateName(name: string): boolean {
  if (!isEnvFileName(name)) return false;
  const last = name.slice(name.lastIndexOf(".") + 1).toLowerCase();
  return TEMPLATE_SUFFIXES.has(last);
}

/** `.env`, `.env.local`, `.env.<mode>.local`: the files every framework says git must ignore. */
export function isMustIgnoreEnvName(name: string): boolean {
  return name === ".env" || name === ".env.local" || /^\.env\.[^/]+\.local$/.test(name);
}

/** The .gitignore entry that covers a must-ignore env file name. */
export function gitignoreEntryFor(name: string): string {
  return name === ".env" || name === ".env.local" ? name : ".env.*.local";
}

/**
 * Names checked in every project folder even when the files do not exist yet: the point is
 * that the next `git add .` after someone creates them stays safe. The three modes stand for
 * `.env.*.local`.
 */
export const MUST_IGNORE_NAMES = [
  ".env",
  ".env.local",
  ".env.development.local",
  ".env.production.local",
  ".env.test.local",
] as const;

/** The entries KeyFence appends, in this order. Unanchored, so they cover every sub-folder. */
export const GITIGNORE_ENTRIES = [".env", ".env.local", ".env.*.local"] as const;
