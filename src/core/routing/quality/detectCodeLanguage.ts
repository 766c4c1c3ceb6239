/**
 * Which language a code block is written in, from its content: each language has a few tell-tale
 * constructs with a weight; the best total wins if it clearly beats the runner-up. Cheap (a few
 * regex tests per language, on the first 4 KB) because it runs on every block of every local answer.
 * Undefined when the evidence is thin or split: the rules then do not guess.
 */
const SIGNS: Record<string, Array<[RegExp, number]>> = {
  python: [
    [/^\s*def \w+\(.*\)\s*(?:->\s*[\w\[\], .]+)?:\s*$/m, 3],
    [/^\s*(?:elif|except|finally)\b.*:\s*$/m, 2],
    [/\bself\.\w+/, 1.5],
    [/^\s*(?:from [\w.]+ )?import [\w.]+(?: as \w+)?\s*$/m, 1],
    [/\b(?:None|True|False)\b/, 1],
    [/\bprint\(/, 1],
    [/^\s*(?:for|while|if|with) .*:\s*$/m, 2],
    [/\bf"[^"]*\{/, 1.5],
    [/\blambda \w*:/, 1.5],
    [/^\s*class \w+(?:\(.*\))?:\s*$/m, 3],
  ],
  javascript: [
    [/\b(?:const|let|var) \w+\s*=/, 1.5],
    [/=>/, 1],
    [/\bfunction\s*\w*\s*\(/, 1.5],
    [/\bconsole\.\w+\(/, 2],
    [/\brequire\(['"]/, 2],
    [/===|!==/, 1],
    [/\bdocument\.|\bwindow\./, 1.5],
    [/\bmodule\.exports\b|\bexport default\b/, 1.5],
    [/\bawait\b|\basync\b/, 0.5],
  ],
  typescript: [
    [/\b(?:const|let|var|function)\b[^\n]*:\s*(?:string|number|boolean|void|unknown|any|never|Record<|Promise<)/, 3],
    [/\binterface \w+(?:<[^>]*>)?\s*\{/, 2.5],
    [/\btype \w+(?:<[^>]*>)?\s*=/, 2.5],
    [/\)\s*:\s*(?:string|number|boolean|void|Promise<[^>]+>|\w+\[\])\s*(?:=>|\{)/, 3],
    [/\bas (?:const|unknown|\w+)\b/, 1],
    [/\bexport (?:type|interface|const|function|class)\b/, 1],
  ],
  go: [
    [/^package \w+/m, 4],
    [/\bfunc\s+(?:\(\w+ \*?\w+\)\s*)?\w+\(/, 3],
    [/:=/, 2],
    [/\bfmt\.\w+\(/, 2.5],
    [/\berr != nil\b/, 3],
    [/\b(?:chan|defer|go func)\b/, 2],
    [/\[\](?:int|string|byte|\w+)\{/, 2],
    [/^import \(\s*$/m, 3],
  ],
  rust: [
    [/\bfn \w+(?:<[^>]*>)?\(/, 3],
    [/\blet mut\b/, 3],
    [/\bimpl(?:<[^>]*>)? \w+/, 2.5],
    [/\b\w+!\(/, 1.5],
    [/&(?:mut |'\w+ )?(?:str|self)\b/, 2],
    [/\b(?:Vec|Option|Result|Box|Arc)</, 1.5],
    [/\bpub (?:fn|struct|enum)\b/, 2],
    [/\buse (?:std|crate)::/, 3],
    [/\bmatch \w+ \{/, 1],
  ],
  java: [
    [/\bpublic (?:static )?(?:final )?(?:class|void|int|String|boolean|List<)/, 3],
    [/\bSystem\.out\.print/, 3],
    [/@Override|@RestController|@GetMapping/, 3],
    [/\bprivate (?:final )?\w+(?:<[^>]*>)? \w+;/, 2],
    [/\bString\[\] args\b/, 3],
    [/^import java\./m, 4],
    [/\bnew \w+(?:<[^>]*>)?\(/, 0.5],
  ],
  csharp: [
    [/^\s*using System/m, 4],
    [/\bConsole\.Write/, 3],
    [/\bnamespace \w+/, 2],
    [/\{ get; (?:set; )?\}/, 3],
    [/\.(?:Where|Select|ToList|FirstOrDefault)\(/, 2],
    [/\bvar \w+ = /, 1],
    [/\b(?:public|private) (?:static )?(?:async )?(?:Task|string|bool|int|void)\b/, 1.5],
    [/\bstring\.\w+\(/, 2],
  ],
  cpp: [
    [/#include\s*<\w+(?:\.h)?>/, 2],
    [/\bstd::/, 3],
    [/\b(?:cout|cin)\s*(?:<<|>>)/, 3],
    [/\bint main\s*\(/, 1],
    [/\btemplate\s*</, 2],
    [/\bnullptr\b|\bconstexpr\b|\bauto&?\s+\w+\s*=/, 2],
  ],
  c: [
    [/#include\s*<(?:stdio|stdlib|string)\.h>/, 3],
    [/\bprintf\s*\(/, 2],
    [/\bmalloc\s*\(/, 2],
  ],
  ruby: [
    [/^\s*def \w+[?!]?(?:\(.*\))?\s*$/m, 2.5],
    [/^\s*end\s*$/m, 2],
    [/\bputs\b/, 2],
    [/\|\w+(?:, ?\w+)*\|/, 2],
    [/\.each\b|\.map\b\s*\{/, 1],
    [/&:\w+/, 2],
    [/\battr_(?:reader|accessor)\b/, 3],
  ],
  php: [
    [/<\?php/, 5],
    [/\$\w+\s*(?:=|->)/, 2],
    [/\bfunction \w+\s*\(\s*(?:\??\w+ )?\$/, 3],
    [/\becho\b/, 1],
  ],
  bash: [
    [/^#!.*\b(?:ba|z)?sh\b/m, 4],
    [/^\s*(?:fi|done|esac)\s*$/m, 3],
    [/^\s*(?:if \[\[?|for \w+ in .*; do|while .*; do)/m, 3],
    [
      /^\s*(?:sudo|apt(?:-get)?|npm|npx|pip|git|cd|ls|grep|find|curl|docker|kubectl|chmod|mkdir|export|echo|cat|sed|awk|go|cargo|python3?|node|brew|systemctl)\b[^=(]*$/m,
      2,
    ],
    [/\$\{?\w+\}?/, 0.5],
  ],
  kotlin: [
    [/\bfun \w+(?:<[^>]*>)?\(/, 3],
    [/\bval \w+(?::\s*\w+)?\s*=/, 2],
    [/\bdata class\b/, 3],
    [/\bprintln\(/, 1],
  ],
  swift: [
    [/\bfunc \w+\(.*\)\s*->/, 3],
    [/\bguard let\b|\bif let\b/, 3],
    [/^import (?:Foundation|UIKit|SwiftUI)/m, 4],
    [/\bvar \w+: \w+/, 1],
  ],
  sql: [
    [/^\s*(?:SELECT|INSERT INTO|UPDATE|DELETE FROM|CREATE (?:TABLE|INDEX|VIEW)|ALTER TABLE|WITH \w+ AS)\b/im, 4],
    [/\bFROM \w+/i, 1],
    [/\bWHERE\b|\bGROUP BY\b|\bJOIN\b/i, 1],
  ],
};

// Shared constructs would otherwise let JavaScript "win" TypeScript code: TypeScript includes it.
const INCLUDES: Record<string, string> = { typescript: 'javascript', cpp: 'c' };

export interface DetectedLanguage {
  language: string;
  score: number;
}

// One detection per block: the gate's warm-up and the language, syntax and API rules all ask about the
// same blocks, and the 18 languages' regexes are most of what a detection costs.
const DETECTED = new WeakMap<object, DetectedLanguage | null>();

/** detectCodeLanguage of a block's code, computed once per block object (blocks are never mutated). */
export function detectBlockLanguage(block: { readonly code: string }): DetectedLanguage | undefined {
  let d = DETECTED.get(block);
  if (d === undefined) DETECTED.set(block, (d = detectCodeLanguage(block.code) ?? null));
  return d ?? undefined;
}

export function detectCodeLanguage(code: string): DetectedLanguage | undefined {
  const text = code.length > 4096 ? code.slice(0, 4096) : code;
  if (text.trim().length < 8) return undefined;
  const scores: Record<string, number> = {};
  for (const [lang, signs] of Object.entries(SIGNS)) {
    let s = 0;
    for (const [re, w] of signs) if (re.test(text)) s += w;
    scores[lang] = s;
  }
  for (const [sup, sub] of Object.entries(INCLUDES)) if (scores[sup] > 0) scores[sup] += scores[sub] ?? 0;
  const ranked = Object.entries(scores).sort((a, b) => b[1] - a[1]);
  const [best, second] = ranked;
  if (!best || best[1] < 3) return undefined;
  // A superset language beats its subset on shared evidence; otherwise demand a clear lead.
  const runnerUp = second && INCLUDES[best[0]] !== second[0] ? second[1] : (ranked[2]?.[1] ?? 0);
  if (best[1] < runnerUp * 1.5) return undefined;
  return { language: best[0], score: best[1] };
}
