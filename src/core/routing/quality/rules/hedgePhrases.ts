/**
 * Families of phrases that stand in for an answer, each in English, German, Spanish and French. A
 * non-answer uses several families ("it depends on many factors… there are many resources online… I
 * hope this helps"); a real answer may use one ("it depends on the driver: with psycopg…"). Each family
 * counts once, however often it occurs.
 */
export const HEDGE_FAMILIES: Readonly<Record<string, RegExp>> = {
  depends:
    /\bit (?:really |largely |all )?depends\b|\bdepends (?:up)?on (?:many|several|various|a (?:lot|number) of|you|your)\b|\bhängt (?:ganz )?von (?:vielen|verschiedenen|mehreren|ihren|deinen|ihrem|deinem)\b|\bkommt (?:ganz )?darauf an\b|\bdepende (?:de )?(?:muchos|varios|diversos|tu|su|tus|sus)\b|\bdépend (?:de )?(?:nombreux|plusieurs|divers|vos|votre|ton|tes)\b|\bcela dépend\b|\bça dépend\b/i,
  manyCauses:
    /\b(?:many|several|various|numerous|a (?:lot|number) of) (?:different |possible )?(?:reasons|causes|factors|things|ways|approaches|options)\b|\bviele(?:n)? (?:verschiedene(?:n)? |mögliche(?:n)? )?(?:ursachen|gründe|faktoren|möglichkeiten|ansätze)\b|\b(?:muchas|numerosas|varias|diversas) (?:causas|razones|maneras|formas|opciones)\b|\b(?:muchos|numerosos|varios|diversos) (?:factores|motivos)\b|\b(?:de )?(?:nombreuses|plusieurs|diverses) (?:raisons|causes|façons|manières|options)\b|\b(?:nombreux|plusieurs|divers) facteurs\b/i,
  resources:
    /\b(?:resources|articles|tutorials|guides|tools) (?:online|available)\b|\bonline (?:tools|resources|tutorials)\b|\bstack ?overflow\b|\b(?:read|consult|check|refer to|look at) (?:the )?(?:official )?(?:documentation|docs)\b|\bressourcen im internet\b|\bim internet\b|\b(?:offizielle(?:n)? )?dokumentation\b|\b(?:documentación oficial|tutoriales|recursos en (?:internet|línea)|buscar (?:\S+ ){0,3}en internet)\b|\b(?:ressources en ligne|tutoriels|forums|(?:consulter|référer à|reportez-vous à) (?:la )?documentation)\b/i,
  noUniversal:
    /\bno one-size-fits-all\b|\bno (?:single|universal|simple) (?:right )?answer\b|\bevery (?:project|situation|case) is different\b|\bkeine (?:allgemeingültige|pauschale|einfache) antwort\b|\bjedes projekt ist anders\b|\bno (?:tiene|hay) (?:una )?(?:única )?respuesta (?:única|correcta|universal)?\b|\bcada (?:proyecto|caso|situación) es (?:diferente|distinto)\b|\bpas de réponse (?:universelle|unique)\b|\bil n(?:'|’)existe pas de réponse\b|\bchaque (?:projet|cas|situation) est différent\b/i,
  pleasantry:
    /\b(?:great|good|excellent|interesting) question\b|\bhope (?:this|that|it) helps\b|\bgood luck\b|\b(?:sehr )?gute frage\b|\bich hoffe,? (?:das|es) hilft\b|\bviel erfolg\b|\b(?:muy )?buena pregunta\b|\bpregunta muy interesante\b|\bespero que (?:te|le|os) (?:sea útil|ayude|sirva)\b|\b(?:excellente|bonne|très bonne) question\b|\bj(?:'|’)espère que cela\b|\bbon courage\b/i,
  chooseYourself:
    /\bchoose (?:the one|whichever|what) (?:that )?(?:best )?(?:fits|suits|works)\b|\byour (?:specific |particular )?(?:needs|requirements|use case|situation)\b|\b(?:evaluate|weigh|consider) (?:your|the) (?:options|needs|requirements)\b|\bihren anforderungen\b|\bfür sie (?:die )?richtige\b|\bsorgfältig (?:zu )?(?:evaluieren|abwägen|prüfen|analysieren)\b|\bla que mejor se (?:adapte|ajuste)\b|\btu caso (?:concreto|particular)\b|\b(?:investigar|evaluar) las (?:distintas |diferentes )?opciones\b|\bcelle qui vous convient\b|\bvos besoins\b|\bbien évaluer\b/i,
  vagueAdvice:
    /\bcarefully (?:check|review|analy[sz]e|examine|inspect|evaluate)\b|\bmake sure (?:that )?(?:all|everything|your code)\b|\bdebugg(?:ing|er)(?: tools)? (?:in your ide )?can help\b|\bgood practice\b|\bwith (?:some )?practice\b|\bsorgfältig\b|\bein debugger kann\b|\bcuidadosamente\b|\brevisar (?:el|tu) (?:código|logcat)\b|\bvérifier (?:votre|ton) code\b|\bsoigneusement\b/i,
  deflect:
    /\bconsult (?:your|a|an) (?:system administrator|administrator|professional|expert|specialist|team|dba)\b|\bwenden sie sich an\b|\bihr (?:devops-|it-)?team\b|\b(?:consultar|contactar) (?:a|con) (?:un|una|tu|su) (?:profesional|experto|administrador)\b|\bvous rapprocher de\b|\b(?:consulter|contacter) (?:un|une|votre) (?:professionnel|expert|administrateur)\b/i,
  topicPraise:
    /\b(?:very |really |extremely )?(?:powerful|flexible|complex|tricky|fundamental) (?:topic|tool|feature|system|language|concept)\b|\bone of the most (?:complex|important|powerful) (?:topics|parts|features)\b|\bcan be (?:tricky|confusing|complex)\b|\bworth the effort\b|\b(?:herramienta|tema) (?:fundamental|complejo)\b|\bsujet (?:central|complexe)\b|\blangage (?:de requête )?flexible\b|\bkomplexes thema\b/i,
};

/** The families the text uses. */
export function hedgeFamilies(text: string): string[] {
  return Object.keys(HEDGE_FAMILIES).filter((k) => HEDGE_FAMILIES[k].test(text));
}
