import Anthropic from "@anthropic-ai/sdk";

// A server route: the key is safe from the browser here, but it is pasted into source,
// so it reaches git, and anyone who can read the repository can spend it.
const anthropic = new Anthropic({ apiKey: "__DEMO_KEY_anthropic__" });

export async function POST(request: Request) {
  const { text } = (await request.json()) as { text: string };
  const message = await anthropic.messages.create({
    model: "claude-sonnet-4-5",
    max_tokens: 512,
    messages: [{ role: "user", content: `Summarize:\n${text}` }],
  });
  return Response.json(message);
}
