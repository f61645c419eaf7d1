// Server-only helper. The fallback puts a real key in the source.
export const groqKey = process.env.GROQ_API_KEY ?? "__DEMO_KEY_groq__";

// Not a leak: ids, hashes and placeholders KeyFence stays quiet on.
export const examples = {
  requestId: "chatcmpl-9a8b7c6d5e4f3a2b1c0d",
  commit: "3f786850e387550fdab836ed7e6dc881de23001b",
  placeholder: "sk-...",
  uuid: "9b2e4f1a-3c5d-4e6f-8a7b-1c2d3e4f5a6b",
};
