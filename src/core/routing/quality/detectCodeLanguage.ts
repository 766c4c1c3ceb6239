/**
 * Which language a code block is written in, from its content: each language has a few tell-tale
 * constructs with a weight; the best total wins if it clearly beats the runner-up. Cheap (a few
 * regex tests per language, on the first 4 KB) because it runs on every block of every local answer.
 * Undefined when the evidence is thin or split: the rules then do not guess.
 */
// A sign's optional third part: strings one of which every match contains (read off the pattern). A
// block without any of them skips the regex: one native search instead of a pattern tried at every
// position (a pattern starting with \b or ^\s* gets no literal search from V8). gateScans.test.ts
// checks every one on the training blocks and generated code.
export type Sign = [RegExp, number, string[]?];

export const SIGNS: Readonly<Record<string, readonly Sign[]>> = {
  python: [
    [/^\s*def \w+\(.*\)\s*(?:->\s*[\w\[\], .]+)?:\s*$/m, 3, ['def ']],
    [/^\s*(?:elif|except|finally)\b.*:\s*$/m, 2, ['elif', 'except', 'finally']],
    [/\bself\.\w+/, 1.5, ['self.']],
    [/^\s*(?:from [\w.]+ )?import [\w.]+(?: as \w+)?\s*$/m, 1, ['import ']],
    [/\b(?:None|True|False)\b/, 1, ['None', 'True', 'False']],
    [/\bprint\(/, 1, ['print(']],
    [/^\s*(?:for|while|if|with) .*:\s*$/m, 2, ['for ', 'while ', 'if ', 'with ']],
    [/\bf"[^"]*\{/, 1.5, ['f"']],
    [/\blambda \w*:/, 1.5, ['lambda ']],
    [/^\s*class \w+(?:\(.*\))?:\s*$/m, 3, ['class ']],
  ],
  javascript: [
    [/\b(?:const|let|var) \w+\s*=/, 1.5, ['const ', 'let ', 'var ']],
    [/=>/, 1],
    [/\bfunction\s*\w*\s*\(/, 1.5, ['function']],
    [/\bconsole\.\w+\(/, 2, ['console.']],
    [/\brequire\(['"]/, 2, ['require(']],
    [/===|!==/, 1],
    [/\bdocument\.|\bwindow\./, 1.5, ['document.', 'window.']],
    [/\bmodule\.exports\b|\bexport default\b/, 1.5, ['module.exports', 'export default']],
    [/\bawait\b|\basync\b/, 0.5, ['await', 'async']],
  ],
  typescript: [
    [/\b(?:const|let|var|function)\b[^\n]*:\s*(?:string|number|boolean|void|unknown|any|never|Record<|Promise<)/, 3, ['const', 'let', 'var', 'function']],
    [/\binterface \w+(?:<[^>]*>)?\s*\{/, 2.5, ['interface ']],
    [/\btype \w+(?:<[^>]*>)?\s*=/, 2.5, ['type ']],
    [/\)\s*:\s*(?:string|number|boolean|void|Promise<[^>]+>|\w+\[\])\s*(?:=>|\{)/, 3],
    [/\bas (?:const|unknown|\w+)\b/, 1, ['as ']],
    [/\bexport (?:type|interface|const|function|class)\b/, 1, ['export ']],
  ],
  go: [
    [/^package \w+/m, 4, ['package ']],
    [/\bfunc\s+(?:\(\w+ \*?\w+\)\s*)?\w+\(/, 3, ['func']],
    [/:=/, 2],
    [/\bfmt\.\w+\(/, 2.5, ['fmt.']],
    [/\berr != nil\b/, 3, ['err != nil']],
    [/\b(?:chan|defer|go func)\b/, 2, ['chan', 'defer', 'go func']],
    [/\[\](?:int|string|byte|\w+)\{/, 2, ['[]']],
    [/^import \(\s*$/m, 3, ['import (']],
  ],
  rust: [
    [/\bfn \w+(?:<[^>]*>)?\(/, 3, ['fn ']],
    [/\blet mut\b/, 3, ['let mut']],
    [/\bimpl(?:<[^>]*>)? \w+/, 2.5, ['impl']],
    [/\b\w+!\(/, 1.5, ['!(']],
    [/&(?:mut |'\w+ )?(?:str|self)\b/, 2, ['&']],
    [/\b(?:Vec|Option|Result|Box|Arc)</, 1.5, ['Vec<', 'Option<', 'Result<', 'Box<', 'Arc<']],
    [/\bpub (?:fn|struct|enum)\b/, 2, ['pub ']],
    [/\buse (?:std|crate)::/, 3, ['use ']],
    [/\bmatch \w+ \{/, 1, ['match ']],
  ],
  java: [
    [/\bpublic (?:static )?(?:final )?(?:class|void|int|String|boolean|List<)/, 3, ['public ']],
    [/\bSystem\.out\.print/, 3, ['System.out.print']],
    [/@Override|@RestController|@GetMapping/, 3],
    [/\bprivate (?:final )?\w+(?:<[^>]*>)? \w+;/, 2, ['private ']],
    [/\bString\[\] args\b/, 3, ['String[] args']],
    [/^import java\./m, 4, ['import java.']],
    [/\bnew \w+(?:<[^>]*>)?\(/, 0.5, ['new ']],
  ],
  csharp: [
    [/^\s*using System/m, 4, ['using System']],
    [/\bConsole\.Write/, 3, ['Console.Write']],
    [/\bnamespace \w+/, 2, ['namespace ']],
    [/\{ get; (?:set; )?\}/, 3, ['{ get; ']],
    [/\.(?:Where|Select|ToList|FirstOrDefault)\(/, 2, ['.Where(', '.Select(', '.ToList(', '.FirstOrDefault(']],
    [/\bvar \w+ = /, 1, ['var ']],
    [/\b(?:public|private) (?:static )?(?:async )?(?:Task|string|bool|int|void)\b/, 1.5, ['public ', 'private ']],
    [/\bstring\.\w+\(/, 2, ['string.']],
  ],
  cpp: [
    [/#include\s*<\w+(?:\.h)?>/, 2, ['#include']],
    [/\bstd::/, 3, ['std::']],
    [/\b(?:cout|cin)\s*(?:<<|>>)/, 3, ['cout', 'cin']],
    [/\bint main\s*\(/, 1, ['int main']],
    [/\btemplate\s*</, 2, ['template']],
    [/\bnullptr\b|\bconstexpr\b|\bauto&?\s+\w+\s*=/, 2, ['nullptr', 'constexpr', 'auto']],
  ],
  c: [
    [/#include\s*<(?:stdio|stdlib|string)\.h>/, 3, ['#include']],
    [/\bprintf\s*\(/, 2, ['printf']],
    [/\bmalloc\s*\(/, 2, ['malloc']],
  ],
  ruby: [
    [/^\s*def \w+[?!]?(?:\(.*\))?\s*$/m, 2.5, ['def ']],
    [/^\s*end\s*$/m, 2, ['end']],
    [/\bputs\b/, 2, ['puts']],
    [/\|\w+(?:, ?\w+)*\|/, 2, ['|']],
    [/\.each\b|\.map\b\s*\{/, 1, ['.each', '.map']],
    [/&:\w+/, 2, ['&:']],
    [/\battr_(?:reader|accessor)\b/, 3, ['attr_']],
  ],
  php: [
    [/<\?php/, 5, ['<?php']],
    [/\$\w+\s*(?:=|->)/, 2, ['$']],
    [/\bfunction \w+\s*\(\s*(?:\??\w+ )?\$/, 3, ['function ']],
    [/\becho\b/, 1, ['echo']],
  ],
  bash: [
    [/^#!.*\b(?:ba|z)?sh\b/m, 4, ['#!']],
    [/^\s*(?:fi|done|esac)\s*$/m, 3, ['fi', 'done', 'esac']],
    [/^\s*(?:if \[\[?|for \w+ in .*; do|while .*; do)/m, 3, ['if [', '; do']],
    [
      /^\s*(?:sudo|apt(?:-get)?|npm|npx|pip|git|cd|ls|grep|find|curl|docker|kubectl|chmod|mkdir|export|echo|cat|sed|awk|go|cargo|python3?|node|brew|systemctl)\b[^=(]*$/m,
      2,
    ],
    [/\$\{?\w+\}?/, 0.5, ['$']],
  ],
  kotlin: [
    [/\bfun \w+(?:<[^>]*>)?\(/, 3, ['fun ']],
    [/\bval \w+(?::\s*\w+)?\s*=/, 2, ['val ']],
    [/\bdata class\b/, 3, ['data class']],
    [/\bprintln\(/, 1, ['println(']],
  ],
  swift: [
    [/\bfunc \w+\(.*\)\s*->/, 3, ['->']],
    [/\bguard let\b|\bif let\b/, 3, ['guard let', 'if let']],
    [/^import (?:Foundation|UIKit|SwiftUI)/m, 4, ['import ']],
    [/\bvar \w+: \w+/, 1, ['var ']],
  ],
  sql: [
    [/^\s*(?:SELECT|INSERT INTO|UPDATE|DELETE FROM|CREATE (?:TABLE|INDEX|VIEW)|ALTER TABLE|WITH \w+ AS)\b/im, 4],
    [/\bFROM \w+/i, 1],
    [/\bWHERE\b|\bGROUP BY\b|\bJOIN\b/i, 1],
  ],
};

const SIGN_LIST = Object.entries(SIGNS);

/** Every sign with its strings, for the test that checks each match holds one of them. */
export const SIGNS_WITH_NEEDS: ReadonlyArray<readonly [RegExp, readonly string[]]> = SIGN_LIST.flatMap(([, signs]) =>
  signs.flatMap(([re, , needs]) => (needs ? [[re, needs] as const] : [])),
);

// Shared constructs would otherwise let JavaScript "win" TypeScript code: TypeScript includes it.
export const INCLUDES: Readonly<Record<string, string>> = { typescript: 'javascript', cpp: 'c' };

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

// The signs flattened for the scoring loop: per-call objects, iterators and a sort of 18 entries were
// most of a detection's fixed cost (≈ 14 µs even on a 60-character block).
const LANGUAGES = SIGN_LIST.map(([lang]) => lang);
const FLAT = SIGN_LIST.flatMap(([, signs], lang) => signs.map(([re, weight, needs]) => ({ lang, re, weight, needs })));
const INCLUDED_BY = LANGUAGES.map((l) => LANGUAGES.indexOf(INCLUDES[l] ?? '')); // -1: includes none
const scores = new Float64Array(LANGUAGES.length);

export function detectCodeLanguage(code: string): DetectedLanguage | undefined {
  const text = code.length > 4096 ? code.slice(0, 4096) : code;
  if (text.trim().length < 8) return undefined;
  scores.fill(0);
  for (let k = 0; k < FLAT.length; k++) {
    const { lang, re, weight, needs } = FLAT[k];
    if (needs) {
      let found = false;
      for (let n = 0; n < needs.length && !found; n++) found = text.includes(needs[n]);
      if (!found) continue;
    }
    if (re.test(text)) scores[lang] += weight;
  }
  for (let l = 0; l < LANGUAGES.length; l++) if (INCLUDED_BY[l] >= 0 && scores[l] > 0) scores[l] += scores[INCLUDED_BY[l]];
  // The three best in order, ties to the earlier language: the first three of a stable sort by score.
  let first = -1;
  let second = -1;
  let third = -1;
  const above = (l: number, than: number) => than < 0 || scores[l] > scores[than];
  for (let l = 0; l < LANGUAGES.length; l++) {
    if (above(l, first)) {
      third = second;
      second = first;
      first = l;
    } else if (above(l, second)) {
      third = second;
      second = l;
    } else if (above(l, third)) third = l;
  }
  if (first < 0 || scores[first] < 3) return undefined;
  // A superset language beats its subset on shared evidence; otherwise demand a clear lead.
  const runnerUp = second >= 0 && INCLUDED_BY[first] !== second ? scores[second] : third >= 0 ? scores[third] : 0;
  if (scores[first] < runnerUp * 1.5) return undefined;
  return { language: LANGUAGES[first], score: scores[first] };
}
