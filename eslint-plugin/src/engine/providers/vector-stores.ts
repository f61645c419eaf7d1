/**
 * The methods of a LangChain vector store that embed with the embeddings client it was given:
 * documents added (`fromDocuments`, `fromTexts`, `addDocuments`) or a query searched
 * (`similaritySearch`…, and as a retriever, `invoke`, `getRelevantDocuments`). Saving the store,
 * deleting from it or editing its index embeds nothing. Pinecone's catalogue entry counts them on a
 * `PineconeStore`; require-rate-limit on any store made over a provider's embeddings client.
 */
export const STORE_EMBEDDING_METHODS = [
  "fromDocuments",
  "fromTexts",
  "addDocuments",
  // PrismaVectorStore: embeds the rows' content column.
  "addModels",
  "similaritySearch",
  "similaritySearchWithScore",
  "maxMarginalRelevanceSearch",
  "invoke",
  "getRelevantDocuments",
] as const;
