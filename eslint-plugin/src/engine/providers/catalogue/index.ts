/** Every provider record, in the order a tie between context-only formats is settled. */
import type { Provider } from "../types";
import { anthropic } from "./anthropic";
import { assemblyai } from "./assemblyai";
import { awsBedrock } from "./aws-bedrock";
import { azureOpenai } from "./azure-openai";
import { cerebras } from "./cerebras";
import { cohere } from "./cohere";
import { databricks } from "./databricks";
import { deepgram } from "./deepgram";
import { deepseek } from "./deepseek";
import { elevenlabs } from "./elevenlabs";
import { fireworks } from "./fireworks";
import { github } from "./github";
import { googleAi } from "./google-ai";
import { googleVertex } from "./google-vertex";
import { groq } from "./groq";
import { huggingface } from "./huggingface";
import { langfuse } from "./langfuse";
import { langsmith } from "./langsmith";
import { minimax } from "./minimax";
import { mistral } from "./mistral";
import { moonshot } from "./moonshot";
import { nvidia } from "./nvidia";
import { openai } from "./openai";
import { openrouter } from "./openrouter";
import { perplexity } from "./perplexity";
import { pinecone } from "./pinecone";
import { replicate } from "./replicate";
import { runpod } from "./runpod";
import { runway } from "./runway";
import { stability } from "./stability";
import { together } from "./together";
import { vercelAiGateway } from "./vercel-ai-gateway";
import { voyage } from "./voyage";
import { wandb } from "./wandb";
import { xai } from "./xai";
import { zhipu } from "./zhipu";

export const catalogue: readonly Provider[] = [
  openai,
  anthropic,
  googleAi,
  googleVertex,
  azureOpenai,
  awsBedrock,
  huggingface,
  groq,
  replicate,
  mistral,
  cohere,
  perplexity,
  deepseek,
  xai,
  together,
  fireworks,
  openrouter,
  elevenlabs,
  assemblyai,
  deepgram,
  stability,
  langsmith,
  pinecone,
  voyage,
  cerebras,
  vercelAiGateway,
  nvidia,
  wandb,
  databricks,
  runpod,
  runway,
  moonshot,
  minimax,
  zhipu,
  langfuse,
  github,
];
