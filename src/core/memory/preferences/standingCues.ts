import { uw } from './unicodeWords';

/**
 * What makes a sentence a standing rule rather than news or a remark: a mark of permanence ("always",
 * "from now on", "by default"), a convention of the team ("we", "our", "bei uns", "on"), the user's own
 * wish ("I prefer", "ich will", "prefiero", "je préfère"), a rule's modal ("must", "should", "only",
 * "muss", "hay que", "il faut"), a ban ("no…", "don't", "kein", "nada de", "pas de"), an instruction to
 * the assistant (an imperative, "please", "bitte", "por favor", "stp") or a condition on its answers
 * ("when you…", "wenn du…", "cuando…", "quand tu…"). A sentence with none of these ("the test container
 * takes ages to start") is at most a remark: the classifier needs to be much surer before it extracts.
 */
const PERMANENT = uw(
  /\b(?:from now on|from here on(?: out)?|always|allways|imer|siempr|toujour|never|every|all|any(?:thing|where)?|whenever|by default|default|in future|going forward|everywhere|unless|ab jetzt|ab sofort|künftig|in zukunft|immer|nie|niemals|jede[nmrs]?|alle[nms]?|standardmäßig|grundsätzlich|überall|außer|a partir de ahora|de ahora en adelante|en adelante|siempre|nunca|cada|tod[oa]s?|por defecto|en todas partes|salvo|a menos que|désormais|dorénavant|à partir de maintenant|à l'avenir|toujours|jamais|chaque|tou(?:te)?s?|par défaut|partout|sauf)\b/i,
);
const CONVENTION = uw(
  /\b(?:we|our|us|let's|in (?:the|this) team|convention|house style|policy|rule|wir|unser\w*|bei uns|im team|konvention|regel|nosotros|nuestr[oa]s?|\w+(?:amos|emos|imos)|en el equipo|convención|regla|norma|on|nous|nos|notre|chez nous|dans l'équipe|convention|règle)\b|\b(?:per|pro|por|par)\s+(?:\w+\s+)?(?:file|line|commit|pr|function|class|module|test|datei|zeile|funktion|klasse|archivo|l[ií]nea|funci[óo]n|clase|fichier|ligne|fonction|classe)\b|\b(?:max(?:imum|imal)?|at most|at least|mindestens|höchstens|m[áa]ximo|m[ií]nimo|al menos|como m[áa]ximo|au plus|au moins|maximum|minimum)\b/i,
);
const OWN_WISH = uw(
  /\b(?:i (?:prefer|like|love|hate|want|need|dislike|can't stand|expect|would rather)|i'd (?:rather|prefer|like)|i'm (?:a fan of|used to)|my (?:preference|rule|default)|ich (?:will|möchte|mag|hasse|bevorzuge|brauche|hätte gern|erwarte)|lieber|mir ist .* wichtig|(?:yo )?(?:prefiero|quiero|odio|necesito|me gusta\w*|me encanta\w*)|no me gusta\w*|prefiero|je (?:préfère|veux|voudrais|déteste|n'aime|aime|tiens à)|j'(?:aime|adore|ai horreur|exige)|plutôt)\b/i,
);
const RULE_MODAL = uw(
  /\b(?:must|should|shall|needs? to|has to|have to|only|required|mandatory|is a no-go|muss|müssen|soll(?:en|te|ten)?|darf|dürfen|nur|ausschließlich|pflicht|debe[ns]?|deber[ií]a\w*|tiene[ns]? que|hay que|s[óo]lo|solamente|obligatorio|doi[st]|doivent|devrait|il faut|seulement|uniquement|obligatoire)\b/i,
);
const BAN = uw(
  /\b(?:no|not|don't|do not|never|stop|avoid|without|kein\w*|nicht|ohne|nada de|sin|no|evita\w*|pas|ne|n'|jamais|sans|évite\w*|arrête\w*|deja de|hör auf)\b|^(?:no|kein\w*|nada de|pas de|ni)\b/i,
);
const ASK = uw(
  /\b(?:please|pls|plz|bitte|por favor|porfa|s'il te plaît|s'il vous plaît|stp|svp)\b|^(?:when|whenever|if|wenn|falls|sobald|cuando|si|quand|lorsque|dès que)\b/i,
);
/** An instruction: a sentence that opens with a verb addressed to the assistant ("keep…", "use…", "schreib…", "usa…", "mets…"). */
const IMPERATIVE = uw(
  /^(?:(?:also|and|but|so|und|y|pero|et|mais|donc|oh|ah|ok|okay|hey|oye|dann|entonces|alors)[,\s]+)?(?:keep|use|write|put|give|answer|reply|respond|explain|skip|show|add|prefer|stick|make sure|name|format|wrap|indent|end|start|mention|tell|say|call|go|let|treat|split|limit|default|sort|be|favou?r|retry|fail|format|document|comment|log|throw|catch|handle|test|mock|run|lint|commit|squash|rebase|merge|push|deploy|install|pin|return|avoid|stop|drop|omit|leave|include|cite|link|ask|suggest|assume|target|check|sign|follow|open|close|tag|lock|bump|ship|halt|schreib\w*|nimm|nutz\w*|verwende\w*|benutz\w*|antworte\w*|erklär\w*|gib|zeig\w*|lass\w*|halte?|mach\w*|setz\w*|füg\w*|pack\w*|bleib\w*|sag\w*|kommentier\w*|dokumentier\w*|teste\w*|wirf|fang\w*|behandl\w*|duz\w*|sieze?|fass|formatier\w*|wiederhol\w*|brich|usa|use|utiliza|escribe|responde\w*|contesta\w*|explica\w*|dame|da|pon\w*|muestra\w*|mantén|deja|añade|agrega|evita|nombra|documenta|comenta|lanza|captura|maneja|prueba|tutéa\w*|háblame|dime|sigue|sé|quédate|ahórra\w*|formatea|falla|reintenta|ve|utilise|écri[st]|réponds|répond\w*|explique|donne|mets|montre|garde|laisse|ajoute|évite|nomme|documente|commente|lève|attrape|gère|teste|tutoie|vouvoie|parle|dis|suis|appelle|passe|sépare|limite|sois|reste|formate|échoue|réessaie|épargne\w*|va)\b/i,
);

/**
 * How things are done here, said in the present: "branch names follow…", "are named in", "werden mit …
 * formatiert", "van en snake_case", "se escriben con", "sont écrits avec", "s'appellent".
 */
const CONVENTION_VERB = uw(
  /\b(?:follow|are (?:named|written|called|formatted|kept)|go(?:es)? (?:in|into|through)|lives? in|folgen|heißen|werden (?:mit|in|auf)|wird (?:mit|in|auf)|kommen? (?:in|nach|über)|geh[öo]ren|siguen|van (?:en|con|a)|se (?:escriben|llaman|nombran|hacen)|suivent|sont (?:écrits|nommés|en|rédigés)|s'appellent|se nomment|vont dans)\b/i,
);

/** A limit is a rule: "max 100 characters", "höchstens", "máximo", "au plus". */
const LIMIT = uw(
  /\b(?:max(?:imum|imal)?|at most|at least|up to|mindestens|höchstens|m[áa]ximo|m[ií]nimo|al menos|como m[áa]ximo|au plus|au moins|maximum|minimum|maximale?)\b/i,
);

/** Some mark of a standing rule or an instruction (see above). */
export function hasStandingCue(sentence: string): boolean {
  return [PERMANENT, CONVENTION, OWN_WISH, RULE_MODAL, BAN, ASK, IMPERATIVE, CONVENTION_VERB].some((re) => re.test(sentence));
}

/** The strongest marks: permanence or the user's stated wish. With one of these a structured rule is enough. */
export function hasStrongCue(sentence: string): boolean {
  return PERMANENT.test(sentence) || OWN_WISH.test(sentence) || RULE_MODAL.test(sentence) || LIMIT.test(sentence) || IMPERATIVE.test(sentence);
}
