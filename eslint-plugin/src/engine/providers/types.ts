/**
 * The provider catalogue is data: one record per provider (see ./catalogue/), checked by tests.
 * Formats are described as segments so that the same record yields the detection regex
 * and the test-key generator (no key literal is ever written down).
 */

/** Named character sets used by key bodies. */
export type Alphabet =
  | "alnum" // A-Za-z0-9
  | "alnumLower" // a-z0-9
  | "alnumUpper" // A-Z0-9
  | "alpha" // A-Za-z
  | "hexLower" // 0-9a-f
  | "hex" // 0-9a-fA-F
  | "base64" // A-Za-z0-9+/
  | "base64url" // A-Za-z0-9_-
  | "word" // A-Za-z0-9_
  | "base32Upper"; // A-Z2-7

/** A literal piece (prefix, marker, separator) or a run of characters from an alphabet. */
export type Segment =
  | { literal: string }
  | { chars: Alphabet; length: number }
  | { chars: Alphabet; min: number; max: number }
  /**
   * A run of characters from an explicit set (e.g. Azure's signature letter "9DH", base64
   * padding "="). `fakeChars` narrows what the test-key generator draws from, when the set
   * holds characters a realistic key would only use in certain places (PEM line breaks).
   */
  | { oneOf: string; length: number; fakeChars?: Alphabet }
  | { oneOf: string; min: number; max: number; fakeChars?: Alphabet };

/** One exact shape of a credential: segments in order, matched between token boundaries. */
export interface KeyFormat {
  segments: Segment[];
}

export interface CredentialKind {
  /** Stable id within the provider, e.g. "project-key". */
  id: string;
  /** Words for messages, e.g. "project API key". */
  name: string;
  /**
   * Empty when the provider publishes no format and none is observable (most keys of the newer
   * AI SDK and LangChain providers): such a key is found by its name only (env var, SDK option,
   * auth header), never by its shape.
   */
  formats: KeyFormat[];
  /**
   * True when the string alone says what it is (unique prefix, marker or checksum).
   * False when a bare match is generic-looking (32 hex, 40 alnum…) and is reported only when
   * context points at this provider (variable or property name, env var, SDK, endpoint).
   */
  selfIdentifying: boolean;
  /**
   * Shaped like the ids apps pass around (Pinecone's legacy keys are bare UUIDs, as are its record
   * ids): a provider's name nearby confirms it only in a slot named like a credential, or by its
   * own name; not as a bare argument (`pinecone.fetch(["<uuid>"])` fetches a record:
   * erhant/leet-assistant, batch 136).
   */
  needsCredentialSlot?: boolean;
  /** Publishable by design (e.g. Langfuse `pk-lf-`): never reported as a leak. */
  publicByDesign?: boolean;
  /** The env var a fix should use for this kind, when it differs from the provider's. */
  envVar?: string;
  /** Where this kind is revoked, when it differs from the provider's revokeUrl. */
  revokeUrl?: string;
  /**
   * Context words for this kind, replacing the provider's (e.g. an AWS secret access key needs
   * "secretaccesskey", not just "aws").
   */
  contextWords?: string[];
  /**
   * How many characters before the match, in the same string or comment, may hold a context
   * word (default 40, like `MISTRAL_API_KEY=`). Larger for structures such as a service-account
   * JSON, where `"type": "service_account"` comes a few fields before the key.
   */
  contextWindow?: number;
  /**
   * Context words that mark a match as public by design (a Firebase web config's `apiKey`,
   * a Google Maps browser key): such a match is not reported.
   */
  publicContextWords?: string[];
  /**
   * Words of the key's own name that make it the provider's key even beside a public context:
   * `geminiApiKey` next to an Angular environment's `firebase: { apiKey }` (thohahaha/VitaringApp, batch 83).
   */
  ownContextWords?: string[];
  /**
   * Words of browser packages whose keys have this shape and are public by design (`google-maps-react`,
   * `@react-google-maps/api`): in a file that imports one and none of the provider's packages, a key
   * no use ties to the provider is that package's (RJ-Heisenberg/ADU-Planner_rag-a-thon2024, batch 86).
   * Not Firebase's: `firebase-functions` and `firebase-admin` are servers, where a key is anyone's.
   */
  publicPackageWords?: string[];
}

export interface Provider {
  /** Stable id, kebab-case: "openai", "google-ai", "aws-bedrock". */
  id: string;
  /** Display name: "OpenAI". */
  name: string;
  /** The env var a fix should use: "OPENAI_API_KEY". */
  envVar: string;
  /** Other env var names that hold this provider's key ("CO_API_KEY", "GEMINI_API_KEY"). */
  envVarAliases?: string[];
  /**
   * Lower-case words that confirm a context-needing format when they appear in the name of the
   * variable, property or env var, the SDK constructor, or an endpoint nearby: ["mistral"].
   */
  contextWords: string[];
  /** SDK classes / factory functions: ["OpenAI", "AzureOpenAI", "createOpenAI"]. */
  sdkConstructors?: string[];
  /**
   * npm packages of the provider's SDKs: ["openai", "@ai-sdk/openai"], and its adapter for each SDK
   * family that has one (LangChain's `@langchain/openai`, TanStack AI's `@tanstack/ai-openai`).
   */
  sdkPackages?: string[];
  /** API hosts a browser would call: ["api.openai.com"]. */
  endpoints?: string[];
  /**
   * Request headers that carry the key besides the common ones (Authorization, x-api-key,
   * api-key, xi-api-key, x-goog-api-key), lower-case: ["x-key"] for Black Forest Labs.
   */
  authHeaders?: string[];
  /** Where a leaked key is revoked. */
  revokeUrl: string;
  kinds: CredentialKind[];
  /**
   * A tracing service (traces, scores, feedback), not a model: a route that calls it spends no
   * model quota, so require-rate-limit does not ask to limit it (its keys still leak like any).
   */
  tracing?: true;
  /**
   * The provider's APIs that run no model (repositories, files, accounts): GitHub's REST API
   * beside GitHub Models, the Hugging Face Hub beside inference; `constructors`: an SDK's classes
   * and helpers that run none (Gemini's file manager, @openai/agents' `RunState`). require-rate-limit
   * does not count a call to them; their tokens still leak like any.
   */
  nonModelApis?: { packages?: string[]; constructors?: string[]; hosts?: string[] };
  /**
   * On a host the provider shares with APIs that run no model, where a model runs: Cloudflare's
   * api.cloudflare.com runs Workers AI under `/ai/` only, and a URL written there with another path
   * (a cache purge, DNS records) spends no model quota. A URL whose path is not written counts.
   */
  modelPaths?: Record<string, RegExp>;
  /**
   * Words that name the vendor's other services in an env variable's name: a name with one is not
   * this provider's key by the vendor's word alone (`AZURE_SEARCH_APIKEY` is Azure AI Search's,
   * not Azure OpenAI's). Exact names and aliases still are.
   */
  otherServiceWords?: string[];
  /**
   * For a service that is not a model (a vector database), the client methods that run one: its
   * own inference (Pinecone's `upsertRecords` embeds the records) or a LangChain store embedding
   * with the model it was given (`similaritySearch`). require-rate-limit counts only these calls
   * on its client; an index read or write spends no model quota.
   */
  modelMethods?: string[];
}
