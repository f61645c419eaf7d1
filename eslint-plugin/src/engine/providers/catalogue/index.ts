/** Every provider record, in the order a tie between context-only formats is settled. */
import type { Provider } from "../types";
import { ai21 } from "./ai21";
import { alephAlpha } from "./aleph-alpha";
import { alibaba } from "./alibaba";
import { anthropic } from "./anthropic";
import { assemblyai } from "./assemblyai";
import { awsBedrock } from "./aws-bedrock";
import { azureOpenai } from "./azure-openai";
import { baseten } from "./baseten";
import { blackForestLabs } from "./black-forest-labs";
import { bytedance } from "./bytedance";
import { cartesia } from "./cartesia";
import { cerebras } from "./cerebras";
import { cloudflareWorkersAi } from "./cloudflare-workers-ai";
import { cohere } from "./cohere";
import { databricks } from "./databricks";
import { deepgram } from "./deepgram";
import { deepinfra } from "./deepinfra";
import { deepseek } from "./deepseek";
import { elevenlabs } from "./elevenlabs";
import { fal } from "./fal";
import { fireworks } from "./fireworks";
import { fishAudio } from "./fish-audio";
import { friendli } from "./friendli";
import { github } from "./github";
import { gladia } from "./gladia";
import { gmicloud } from "./gmicloud";
import { googleAi } from "./google-ai";
import { googleVertex } from "./google-vertex";
import { gradient } from "./gradient";
import { groq } from "./groq";
import { huggingface } from "./huggingface";
import { hume } from "./hume";
import { ibmWatsonx } from "./ibm-watsonx";
import { iflytek } from "./iflytek";
import { jina } from "./jina";
import { tavily } from "./tavily";
import { klingai } from "./klingai";
import { langfuse } from "./langfuse";
import { leonardo } from "./leonardo";
import { langsmith } from "./langsmith";
import { lmnt } from "./lmnt";
import { luma } from "./luma";
import { minimax } from "./minimax";
import { mistral } from "./mistral";
import { moonshot } from "./moonshot";
import { novita } from "./novita";
import { nvidia } from "./nvidia";
import { openai } from "./openai";
import { openrouter } from "./openrouter";
import { perplexity } from "./perplexity";
import { pinecone } from "./pinecone";
import { portkey } from "./portkey";
import { prem } from "./prem";
import { prodia } from "./prodia";
import { quiverai } from "./quiverai";
import { replicate } from "./replicate";
import { revai } from "./revai";
import { runpod } from "./runpod";
import { runway } from "./runway";
import { stability } from "./stability";
import { tencentHunyuan } from "./tencent-hunyuan";
import { together } from "./together";
import { vercelAiGateway } from "./vercel-ai-gateway";
import { voyage } from "./voyage";
import { wandb } from "./wandb";
import { writer } from "./writer";
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
  // Vercel AI SDK providers (@ai-sdk/*) whose keys have no published format.
  alibaba,
  baseten,
  blackForestLabs,
  bytedance,
  cartesia,
  deepinfra,
  fal,
  fishAudio,
  gladia,
  gmicloud,
  hume,
  klingai,
  lmnt,
  luma,
  prodia,
  quiverai,
  revai,
  // LangChain.js integrations (@langchain/*) that take a key.
  cloudflareWorkersAi,
  ibmWatsonx,
  friendli,
  iflytek,
  novita,
  prem,
  tencentHunyuan,
  jina,
  ai21,
  alephAlpha,
  writer,
  gradient,
  portkey,
  // LangChain.js tools that take a key and bill per call.
  tavily,
  // APIs apps call directly, with no AI SDK or LangChain.js package.
  leonardo,
];
