import type { Provider } from "../types";
import { STORE_EMBEDDING_METHODS } from "../vector-stores";
import { format, lit, run, runBetween, uuidSegments } from "./segments";

export const pinecone: Provider = {
  id: "pinecone",
  name: "Pinecone",
  envVar: "PINECONE_API_KEY",
  contextWords: ["pinecone"],
  sdkConstructors: ["Pinecone", "PineconeClient", "PineconeStore", "PineconeEmbeddings"],
  sdkPackages: ["@pinecone-database/pinecone", "@langchain/pinecone"],
  endpoints: ["api.pinecone.io", "*.pinecone.io"],
  revokeUrl: "https://app.pinecone.io/organizations/-/projects/-/keys",
  modelMethods: [
    // Pinecone's integrated inference and Assistant: the records are embedded, the question answered.
    "upsertRecords", "searchRecords", "embed", "rerank", "chat", "chatStream", "chatCompletion", "chatCompletionStream", "context",
    // @langchain/pinecone's PineconeStore embeds documents and queries with the embeddings it was given.
    ...STORE_EMBEDDING_METHODS,
  ],
  kinds: [
    {
      id: "api-key",
      name: "API key",
      selfIdentifying: true,
      formats: [format(lit("pcsk_"), runBetween("alnum", 5, 6), lit("_"), run("alnum", 63))],
    },
    // Before "pcsk_", keys were bare UUIDs: only a "pinecone" name nearby tells them apart, and
    // only for a credential's slot (record ids are UUIDs too).
    { id: "legacy-key", name: "legacy API key (UUID)", selfIdentifying: false, needsCredentialSlot: true, formats: [format(...uuidSegments)] },
  ],
};
