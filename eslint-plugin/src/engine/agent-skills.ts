/**
 * A coding agent's skill, `.agents/skills/ai-elements/scripts/speech-input.tsx` (the skills CLI's folder;
 * Claude Code's `.claude/skills/`, Copilot's `.github/skills/`, Cursor's and Codex's likewise): instructions
 * and example code an agent reads and copies from. No build bundles it and no server serves it, so
 * the rules about what ships to the browser or what a server answers have nothing to say of it
 * (lehung1109/chatbot-groq commits Vercel's ai-elements skill, batch 256); a key written in it is still a
 * key in the repository (no-hardcoded-keys reads it like any file).
 */
export const AGENT_SKILL_FILE = /(?:^|[\\/])\.(?:agents|claude|github|cursor|codex)[\\/]skills[\\/]/;

export function isAgentSkillFile(file: string): boolean {
  return AGENT_SKILL_FILE.test(file);
}
