import type { QualityRule } from '../QualityRule';

/**
 * Encyclopedic background in four languages: dates of origin, "was released/developed in", "stands for",
 * "one of the best-known…". An answer made of these is a history lesson about the tool the question
 * names ("asked about CORS in FastAPI, told the history of Python"), not an answer to it.
 */
const MARKERS: readonly RegExp[] = [
  /\b(?:in|since|until|by|around|of) (?:the )?(?:late |early |mid-)?(?:19|20)\d\d(?:s)?\b|\b(?:19|20)\d\d(?:er)?(?:-jahren|-jahre)?\b/i,
  /\b(?:was|were|has been|had been) (?:first |originally |initially )?(?:released|created|developed|introduced|invented|founded|designed|launched|published|popularized|popularised|standardi[sz]ed|born)\b/i,
  /\b(?:comes? from|came from|originated|stands for|short for|is one of the (?:oldest|most popular|best[- ]known|most widely used))\b/i,
  /\bwurde\b[^.]{0,60}\b(?:entwickelt|veröffentlicht|eingeführt|gegründet|erfunden|standardisiert)\b|\bsteht für\b|\bist (?:eine[sr]?|einer) der (?:bekanntesten|ältesten|beliebtesten|verbreitetsten)\b/i,
  /\b(?:nació|surgió|fue (?:creado|creada|desarrollado|desarrollada|lanzado|lanzada|introducido|publicado)|lanzad[oa] en|creado en)(?!\p{L})|\bsignifica\b|\bes un[oa]? de l[oa]s (?:más|frameworks|lenguajes|bases)\b/iu,
  /\b(?:a été|fut|ont été) (?:créée?s?|développée?s?|lancée?s?|publiée?s?|conçue?s?|introduite?s?|inventée?s?)(?!\p{L})|\best née?(?!\p{L})|\bsignifie\b|\best l(?:'|’)une? des (?:plus|langages|outils)\b/iu,
];

// The question asks for the background itself: its history, a definition, an overview.
const ASKS_BACKGROUND =
  /\b(?:history|origin|when was|who (?:created|invented|made)|what (?:is|are|does) (?:an? )?\w+(?: stand for)?\s*\??$|overview|introduction|geschichte|ursprung|wer hat|was ist|historia|origen|qué es|quién creó|histoire|origine|qu(?:'|’)est-ce qu(?:e|')?\s*(?:un|une|le|la|l')|qui a créé)\b/i;

export const backgroundRule: QualityRule = {
  name: 'background',
  check({ question, answer }) {
    if (ASKS_BACKGROUND.test(question)) return undefined;
    const prose = answer.prose.slice(0, 6000);
    if (prose.length < 200) return undefined;
    const hits = MARKERS.filter((re) => re.test(prose) && !re.test(question)).length;
    if (hits < 2) return undefined;
    return {
      rule: 'background',
      severity: Math.min(1, 0.4 * hits),
      reason: `gives background (origins, dates, definitions: ${hits} kinds) instead of answering`,
      note: 'gives background instead of an answer',
    };
  },
};
