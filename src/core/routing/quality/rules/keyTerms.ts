// Function words and generic request words of the four languages Jarvis is used in most; what is
// left of a question are the terms an answer to it is expected to mention.
const STOP = new Set(
  (
    'a an the and or but if then else of to in on at by for with from into onto about as is are was were be been being do does did done have has had ' +
    'i me my we our you your it its this that these those there here what which who whom whose when where why how can could should would will shall may might must ' +
    'not no yes so than too very just only also all any some each every more most other such own same both few many much one two three ' +
    'get got make made use using used want need like way ways best better good new write show give tell explain help please example code function mean means whether fix handle check checks work works does ' +
    'der die das den dem des ein eine einen einem einer und oder aber wenn dann von zu im in auf an mit für aus bei nach ist sind war wie was wer wo warum kann ich mir mich du dir dein deine wir es nicht ' +
    'schreibe zeige erkläre gibt einem einer meine meinen meinem ' +
    'el la los las un una unos unas y o pero si de del al en con por para sin sobre es son como qué que cuál cómo dónde por puedo mi mis tu tus se lo le ' +
    'escribe muestra explica ' +
    'le la les un une des et ou mais si de du au aux en dans avec pour par sur est sont comme quoi que qui quel quelle comment où pourquoi je mon ma mes tu ton ta il elle ce cette ' +
    'écris montre explique faut ' +
    // Quantifiers, modal and helper verbs that say nothing about the topic (de, es, fr, en).
    'alle allen viele vielen sollte sollten soll muss habe haben hat wird werden würde gibt mache machen bekomme finde zwischen unterschied ' +
    'todos todas muchos muchas debo debería tengo tiene hacer hago obtengo diferencia entre sea más muy esto este esta hay ser estar ' +
    'tous toutes beaucoup dois doit devrais avoir fais faire obtenir différence entre ' +
    'many much should could does doing get getting difference between'
  ).split(' '),
);

/** Terms of a text: lower-case words of 3+ letters that are not function words, plus identifiers. */
export function keyTerms(text: string): string[] {
  const out = new Set<string>();
  const sample = text.slice(0, 4000);
  for (const raw of sample.match(/[\p{L}\p{N}_$#+.]+/gu) ?? []) {
    const w = raw.replace(/^[.#]+|[.]+$/g, '').toLowerCase();
    if (w.length < 3 || STOP.has(w) || /^\d+$/.test(w)) continue;
    out.add(w);
  }
  // "SHA-256", "utf-8": code writes them joined (sha256, utf8).
  for (const m of sample.matchAll(/\b([\p{L}]{2,})-(\d+)\b/gu)) out.add(`${m[1]}${m[2]}`.toLowerCase());
  return [...out];
}

/**
 * Names of programming languages, runtimes and tools: the context of a question rather than its
 * topic. An answer that shares only these with the question ("asked about CORS in FastAPI, told the
 * history of Python") has not addressed it.
 */
export const CONTEXT_TERMS = new Set(
  (
    'python javascript typescript java rust golang kotlin swift ruby php scala dart perl bash shell powershell sql css html ' +
    'node nodejs deno bun react vue angular svelte django flask fastapi express spring rails laravel dotnet .net ' +
    'docker kubernetes k8s git github gitlab linux windows macos postgres postgresql mysql sqlite redis mongodb aws azure gcp'
  ).split(' '),
);
