"use client";

import { useState } from "react";
import { askModel } from "@/lib/ai-client";

export default function ChatBox() {
  const [answer, setAnswer] = useState("");
  return (
    <form
      onSubmit={async (event) => {
        event.preventDefault();
        const question = new FormData(event.currentTarget).get("q") as string;
        setAnswer(await askModel(question));
      }}
    >
      <input name="q" />
      <p>{answer}</p>
    </form>
  );
}
