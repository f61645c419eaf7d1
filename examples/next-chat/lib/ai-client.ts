import OpenAI from "openai";

// Imported by a "use client" component, so this module ships to the browser.
const openai = new OpenAI({
  apiKey: process.env.OPENAI_API_KEY,
  dangerouslyAllowBrowser: true,
});

export async function askModel(question: string): Promise<string> {
  const completion = await openai.chat.completions.create({
    model: "gpt-4o-mini",
    messages: [{ role: "user", content: question }],
  });
  return completion.choices[0]?.message.content ?? "";
}

export const publicKey = process.env.NEXT_PUBLIC_OPENAI_API_KEY;
