/** Does an env file's text hold a secret: a provider key, or a value that can be one under a secret-looking name. */
import { isSecretEnvName } from "../client/env-names";
import { entryKeys } from "../env-files/entry-keys";
import { parseEnvFile } from "../env-files/parse";
import { scanText } from "../keys";
import { providerForEnvName } from "../providers";

/**
 * The shortest key any provider issues is longer than this: a value this short under a provider's
 * key name (`OPENAI_API_KEY=openiakey`: ingoscargiraldor/Workshop4-Group5-Korea, batch 79) names the slot, it fills nothing.
 */
const SHORTEST_PROVIDER_KEY = 20;

export function holdsSecrets(text: string): boolean {
  return (
    parseEnvFile(text).some((entry) => entry.value !== "" && ((isSecretEnvName(entry.name) && canBeSecret(entry.value) && !namesItsSlot(entry.name, entry.value)) || entryKeys(text, entry).length > 0)) ||
    // A provider key on a line dotenv reads no variable from, or in a comment: in the file all the
    // same (Hamza7031/react-chatgpt-clone's `.env` holds `const API_KEY = '…'`, batch 62).
    scanText(text).length > 0
  );
}

/**
 * A flag, a number, or a placeholder: what committed defaults and test env files hold
 * (`MONGODB_DIRECT_CONNECTION=false`; openstatus's `.env.test`: `RESEND_API_KEY=test`), a note in
 * brackets where the value would be (`<your token>`, `[your key]`, `(key not added for security)`),
 * or words (`"your api key"`: Shaikhjunaid506/mern-ai-chatbot's tracked `server/.env`, batch 50),
 * also behind a key's prefix (`sk-your_openai_api_key_here`), a key's prefix masked (`sk-xxxxxxxx`,
 * `AIzaSyXXXXXXX...`: rahulrajak05/miniproject's tracked `Backend/.env`, batch 113; `sk-...`, the prefix and an ellipsis:
 * SzepesiBalazs/vue-ai-practice's tracked `.env`, batch 242), and a duration (`JWT_EXPIRE=7d`:
 * VishalTerenceVaz34/ai-chat-bot, batch 69), and a word that says there is no value yet (`VISION_API_KEY: unset`:
 * MexicanCacti/Project2Group5's tracked `.env`, batch 226; `tbd`, `n/a`).
 */
const NOT_A_SECRET =
  /^(?:true|false|yes|no|on|off|null|none|undefined|-?\d+(?:\.\d+)?|<[^<>]*>|\([^()]*\)|\[[^[\]]*\]|\$\{[^{}]*\}|(?:[a-z]{1,6}[-_](?:proj[-_])?)?your[-_ ][\w -]*|\d{1,6}\s?(?:ms|[smhdwy])|change[-_ ]?(?:me|it)|replace[-_ ]?me|(?:[a-z0-9]{1,8}[-_]?(?:proj[-_])?)?(?:x{3,}|\*{3,}|\.{3}|…)(?:\.{3}|…)?|todo|tbd|unset|n\/a|placeholder|(?:test|testing|dummy|fake|mock|sample|example|demo)(?:[-_][\w-]*)?|secret|password|token|key|value)$/i;
/**
 * A file's path, the place a credential file is kept, not the credential: `C:/uni/key.json`
 * (ParmesanToast/career's tracked `.env`, batch 235), `./service-account.json`, `~/.ssh/id.pem`. A
 * root, a drive or a relative start, then separated names ending in an extension; a key's base64
 * may start with `/` but has no `.`.
 */
const FILE_PATH = /^(?:[a-z]:[\\/]|\.{1,2}[\\/]|~[\\/]|\/)(?:[^\s\\/]+[\\/]){0,30}[^\s\\/]+\.[a-z][a-z0-9]{0,5}$/i;
const URL_VALUE = /^[a-z][a-z0-9+.-]{0,20}:\/\//i;
/** Query parameters that carry a credential: `?auth_token=…`, `&sig=…`. */
const CREDENTIAL_PARAM = /key|token|secret|pass|pwd|sig|auth/i;

/**
 * Whether a value under a secret-looking name can be the secret. A chat-ui `.env` of defaults
 * committed on purpose holds `MONGODB_URL=mongodb://localhost:27017` and flags: no credential.
 */
export function canBeSecret(value: string): boolean {
  const trimmed = value.trim();
  if (isPlaceholder(trimmed) || FILE_PATH.test(trimmed)) return false;
  return URL_VALUE.test(trimmed) ? urlHoldsCredential(trimmed) : true;
}

function isPlaceholder(value: string): boolean {
  return NOT_A_SECRET.test(value) || isPlaceholderPhrase(value) || isYoursInOtherWords(value) || isYoursInCamelCase(value);
}

/**
 * "Your key" written as one word in camel case, each word a capital and lower-case letters: `YourApiKey`
 * (67-CPU/Vue-deepseek's tracked `.env`, batch 200), `yourOpenAIKey`, `YourKeyHere`. Case-sensitive, letters
 * only, every word after "your" capitalised: a key's random characters are not shaped so.
 */
function isYoursInCamelCase(value: string): boolean {
  return value.length <= 40 && /^[Yy]our(?:[A-Z][a-z]*)+$/.test(value);
}

/**
 * A few words naming what goes there, `"mongodb api key"`, `"gemini key here"` (Shaikhjunaid506/mern-ai-chatbot's
 * tracked `server/.env`, batch 50): letters and single spaces only, one of the words a placeholder's.
 */
function isPlaceholderPhrase(value: string): boolean {
  return /^[a-z]+(?: [a-z]+){1,6}$/i.test(value) && /\b(?:key|api|uri|url|token|secret|here|your|my|insert|enter|string|password)\b/i.test(value);
}

/**
 * "Your key" in the languages apps are written in, words and underscores only: `SUA_API_KEY`,
 * `SUA_CHAVE_AQUI` (Portuguese: alvarocamillont/gemini_angular_nest, batch 64), `TU_CLAVE_API`,
 * `votre_cle_api`, `DEIN_API_KEY`; after the verb that asks for it, `coloque_sua_chave_aqui`
 * ("put your key here": Richard-SI/educaAI-Nuxt's tracked `.env`, batch 146), `insira_a_sua_chave`,
 * `ingresa_tu_clave_api`, `mettez_votre_cle`. Letters, `_`, `-` and spaces only: no key is that.
 */
function isYoursInOtherWords(value: string): boolean {
  return /^(?:[a-z]{1,10}[-_ ](?:(?:a|o|la|le|el)[-_ ])?)?(?:sua|seu|tua|teu|tu|su|votre|ton|ta|dein|deine|ihr|ihre)[-_ ][a-z_ -]{1,60}$/i.test(value) && /key|chave|clave|cl[eé]|token|secret|senha|contrase|schl[uü]ssel|passwor/i.test(value);
}

/**
 * A password in the authority (`user:password@host`) or a credential parameter; split, not one
 * regex (linear). A placeholder password is none: a template's `mysql://username:password@localhost/db`
 * (Aashish-po/study-buddy's tracked `.env` of placeholders, batch 85).
 */
function urlHoldsCredential(url: string): boolean {
  const rest = url.slice(url.indexOf("://") + 3);
  const authority = rest.split(/[/?#]/, 1)[0];
  const at = authority.lastIndexOf("@");
  // A database on the developer's own machine, `postgresql://postgres:postgres@localhost:5432/app`
  // (bekeleandu024-ui/fleet-app-beta's tracked `services/tracking/.env`, batch 252): a local default, guarding nothing.
  if (LOCAL_HOST.test(authority.slice(at + 1))) return false;
  const colon = at >= 0 ? authority.lastIndexOf(":", at) : -1;
  if (colon >= 0 && !isPlaceholder(authority.slice(colon + 1, at))) return true;
  const question = rest.indexOf("?");
  if (question < 0) return false;
  return rest.slice(question + 1).split("#", 1)[0].split("&").some((pair) => CREDENTIAL_PARAM.test(pair.split("=", 1)[0]));
}

/** The developer's own machine, or a container's view of it, with or without a port. */
const LOCAL_HOST = /^(?:localhost|127\.0\.0\.1|0\.0\.0\.0|\[::1\]|host\.docker\.internal)(?::\d{1,5})?$/i;

/** A connection string's name: `MONGODB_URI`, `DATABASE_URL`. */
const URL_NAME = /_(?:URI|URL)$/i;

/**
 * A value that can be no credential for its name: words in lower case, shorter than any key,
 * under a name that says which provider's key goes there (not a piece of one: longg20/Personal-ChatGPT-3.5
 * splits its OpenAI key over four `REACT_APP_OPENAI_KEY_n` of a dozen mixed characters each); or
 * no URL at all under a URL's name (`MONGODB_URI=mongodbconnection`); or the name itself.
 */
function namesItsSlot(name: string, value: string): boolean {
  const trimmed = value.trim();
  // The variable's own name where its value goes (`OPENAI_API_KEY='OPENAI_API_KEY'`: patrickkuei/RunTogether, batch 99).
  if (trimmed.toUpperCase() === name.toUpperCase()) return true;
  if (URL_NAME.test(name)) return !URL_VALUE.test(trimmed);
  // Quotes left inside the value count as none (`ANTHROPIC_API_KEY=sk-''`: drhemanm/bank-statement-processor, batch 127).
  return trimmed.length < SHORTEST_PROVIDER_KEY && /^[a-z_ '"-]+$/.test(trimmed) && providerForEnvName(name) !== undefined;
}
