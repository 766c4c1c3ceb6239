import { foldText } from '../../ml/hashText';

/**
 * The high-stakes rail's patterns (English, German, Spanish, French): live incident, data loss, money,
 * security, big live migration, regulated or safety-critical domains. A match sets a floor of high (see
 * applyRails). They match accent-folded, lower-cased prose (see foldText).
 */

export interface StakesMatch {
  /** e.g. "production incident", "money". */
  kind: string;
  /** The words that matched, for the reason shown to the user. */
  words: string;
}

/**
 * One regex per kind: the alternatives with their leading \b taken out and put once in front, so the
 * engine can skip positions by first character instead of trying every alternative at every position.
 */
function rail(alternatives: string[]): RegExp {
  const B = String.raw`\b`;
  const anchored = alternatives.filter((x) => x.startsWith(B)).map((x) => x.slice(B.length));
  const other = alternatives.filter((x) => !x.startsWith(B));
  return new RegExp([`${B}(?:${anchored.join('|')})`, ...other].join('|'));
}

const STAKES: ReadonlyArray<{ kind: string; re: RegExp }> = [
  {
    kind: 'production incident',
    re: rail([
      // en
      String.raw`\b(?:prod(?:uction)?|site|api|service|cluster|database|db|app|platform|checkout|server)s?\b[^.?!\n]{0,40}\b(?:is|are|went|goes|has been|have been)\s+(?:down|dark|offline|unreachable|crash\w*)`,
      String.raw`\boutages?\b`,
      String.raw`\bcrash[- ]?loop\w*`,
      String.raw`\bnobody can (?:log|buy|pay|check|sign|use)`,
      String.raw`\b(?:returns?|getting|fail\w*)\b[^.?!\n]{0,30}\b5\d\d\b[^.?!\n]{0,30}\b(?:all|every)\b`,
      String.raw`\b(?:every|all) \w+(?: \w+)? (?:returns?|fails?|gets?) (?:a )?5\d\d\b`,
      String.raw`\bsince the (?:last )?deploy`,
      String.raw`\bon-?call\b`,
      String.raw`\bpost-?mortem\b`,
      String.raw`\bsplit[- ]brain`,
      String.raw`\bsite goes dark`,
      String.raw`\brefusing connections\b`,
      String.raw`\bmax_connections\b`,
      // de
      String.raw`\b(?:ist|sind)\s+(?:\w+\s+){0,3}(?:down|ausgefallen|nicht erreichbar)\b`,
      String.raw`\bniemand kann\b`,
      String.raw`\bseit dem (?:letzten )?deploy`,
      // es
      String.raw`\b(?:esta|estan)\s+(?:\w+\s+){0,2}caid[oa]s?\b`,
      String.raw`\bnadie puede\b`,
      String.raw`\bdesde el (?:ultimo )?despliegue`,
      String.raw`\breiniciandose en bucle`,
      // fr
      String.raw`\b(?:est|sont)\s+(?:\w+\s+){0,2}(?:tombee?s?|down|par terre|en panne)\b`,
      String.raw`\bpersonne ne peut\b`,
      String.raw`\bdepuis le (?:dernier )?deploiement`,
      String.raw`\bredemarre en boucle`,
    ]),
  },
  {
    kind: 'data loss',
    re: rail([
      String.raw`\bwithout (?:losing|any lost|lost|loss of|a single lost)`,
      String.raw`\bno (?:lost|loss of) (?:data|writes?|transactions?|messages?)`,
      String.raw`\b(?:lose|losing|lost) (?:any |a single |the |all )?(?:data|transactions?|writes?|messages?|orders?|rows?|deposits?|records?)`,
      String.raw`\bdata (?:loss|corruption)\b`,
      String.raw`\bcorrupt\w* (?:\w+ )?(?:rows?|data|records?|the cache)`,
      String.raw`\b(?:truncated|dropped|wiped) in prod`,
      String.raw`\b(?:against|on|in) prod(?:uction)?\b[^.?!\n]{0,30}\b(?:delete|drop|truncat)`,
      String.raw`\b(?:delete|drop)\w* script against prod`,
      String.raw`\bpoint in time\b`,
      String.raw`\bdisappear after`,
      String.raw`\bbackups? (?:can'?t|cannot|are \d+ hours old)`,
      String.raw`\bstale replica`,
      String.raw`\bohne\b[^.?!\n]{0,40}\bverlieren\b`,
      String.raw`\bverlieren daten\b`,
      String.raw`\bdatenverlust`,
      String.raw`\bgeht (?:kein )?geld verloren`,
      String.raw`\bsin perder\b`,
      String.raw`\bperdiendo datos\b`,
      String.raw`\bperdida de datos\b`,
      String.raw`\bperdimos el\b`,
      String.raw`\bsans perdre\b`,
      String.raw`\bperte de donnees\b`,
      String.raw`\bperd des donnees\b`,
      String.raw`\bon a perdu le\b`,
    ]),
  },
  {
    kind: 'money',
    re: rail([
      String.raw`\b(?:charged|billed|debited)\b[^.?!\n]{0,25}\b(?:twice|double)`,
      String.raw`\bdouble[- ]charg`,
      String.raw`\bledger\b`,
      String.raw`\bpayouts?\b`,
      String.raw`\bescrow\b`,
      String.raw`\b(?:customer|client)s?'? ?(?:funds|money|balances?|deposits?)\b`,
      String.raw`\bholds? (?:customer |client )?(?:funds|money)`,
      String.raw`\b(?:moves?|moving) (?:customer )?money`,
      String.raw`\b(?:create|destroy|lose|losing) money`,
      String.raw`\bwire transfers?\b`,
      String.raw`\bsettlements?\b`,
      String.raw`\binterest on\b`,
      String.raw`\bsmart contract`,
      String.raw`\bwrong currency\b`,
      String.raw`\brefunds? (?:never|them|customers)`,
      String.raw`\bnot getting refunds`,
      String.raw`\bmonth-end close`,
      String.raw`\btrading (?:engine|algorithm)`,
      String.raw`\b(?:doppelt|zweimal) (?:belastet|abgebucht)`,
      String.raw`\bhauptbuch`,
      String.raw`\bauszahlung`,
      String.raw`\bkundengeld`,
      String.raw`\bgeld\b`,
      String.raw`\bueberweisung|\buberweisung`,
      String.raw`\btreuhand`,
      String.raw`\bzinsen\b`,
      String.raw`\bfalschen wahrung`,
      String.raw`\bcobr\w* dos veces`,
      String.raw`\blibro mayor`,
      String.raw`\bpagos a vendedores`,
      String.raw`\bdinero\b`,
      String.raw`\bfondos\b`,
      String.raw`\btransferencias de mas`,
      String.raw`\ben garantia`,
      String.raw`\bintereses de`,
      String.raw`\bcontrato inteligente`,
      String.raw`\bmoneda equivocada`,
      String.raw`\bdebit\w* deux fois`,
      String.raw`\bgrand livre`,
      String.raw`\bvirements?\b`,
      String.raw`\bargent\b`,
      String.raw`\bfonds des`,
      String.raw`\bsequestre`,
      String.raw`\binterets des`,
      String.raw`\bcontrat intelligent`,
      String.raw`\bmauvaise devise`,
    ]),
  },
  {
    kind: 'security',
    re: rail([
      String.raw`\bsecurity (?:audit|review)`,
      String.raw`\baudit(?:s|ing)? (?:this|these|our)\b`,
      String.raw`\bleak(?:ed|ing)\b`,
      String.raw`\b(?:breach|attacker|ransomware|compromised|credential stuffing)\b`,
      String.raw`\b(?:under|an?) attack\b`,
      String.raw`\bexploitable\b`,
      String.raw`\b(?:log in|sign in|read|see) (?:as )?(?:any|another|other) (?:user|tenant|customer|account)`,
      String.raw`\b(?:another|other) (?:tenant|customer|account)s?'? ?(?:data|invoices?|transactions?)`,
      String.raw`\bother customers'`,
      String.raw`\b(?:root|secret|private|api) keys?\b[^.?!\n]{0,40}\b(?:public|pushed|exposed|leak)`,
      String.raw`\bpublic (?:repo|bucket|for)\b`,
      String.raw`\bwas public\b`,
      String.raw`\bstolen\b`,
      String.raw`\bshell access`,
      String.raw`\b(?:sees?|saw|seeing|got|gets?|receiv\w*|read\w*|access\w*|view\w*) (?:the |all )?(?:other|another) (?:people|person|users?|customers?)'?s?\b`,
      String.raw`\bother people's (?:data|emails?|accounts?|orders?|messages?|files|records|password)`,
      String.raw`\blog(?:ged)? in as (?:anyone|anybody|someone else)`,
      String.raw`\b(?:full )?card numbers\b`,
      String.raw`\b(?:keys?|secrets?|tokens?|passwords?)\b[^.?!\n]{0,40}\b(?:pushed|committed|uploaded) to (?:github|gitlab|a public)`,
      String.raw`\b(?:nutzer|benutzer|kunden)konten anderer|\bkonten anderer (?:nutzer|benutzer|kunden)`,
      String.raw`\b(?:sehen|sieht|bekommen|bekommt|lesen|liest|zugriff auf)\b[^.?!\n]{0,30}\banderer (?:nutzer|benutzer)\b`,
      String.raw`\bkartennummern`,
      String.raw`\b(?:schlussel|token|passwort)\w*\b[^.?!\n]{0,40}\b(?:gepusht|auf github)`,
      String.raw`\b(?:ven|ve|ver|veian?|vio|acceden?|acceder|entran?|leen?|reciben?|recibieron)\b[^.?!\n]{0,40}\bde otros usuarios\b`,
      String.raw`\bnumeros de tarjeta`,
      String.raw`\b(?:clave|llave|token|contrasena)s?\b[^.?!\n]{0,40}\b(?:subio|subieron|subida) a (?:github|gitlab)`,
      String.raw`\b(?:voi\w*|vu|accede\w*|acces|lisent|recoi\w*|recu\w*|connecte\w*)\b[^.?!\n]{0,40}\bd'autres utilisateurs\b`,
      String.raw`\ben tant que n'importe qui`,
      String.raw`\bnumeros de carte`,
      String.raw`\b(?:cle|jeton|mot de passe)s?\b[^.?!\n]{0,40}\b(?:poussee?s?|publiee?s?) sur (?:github|gitlab)`,
      String.raw`\bsicherheitsaudit`,
      String.raw`\bangreifer`,
      String.raw`\bangegriffen`,
      String.raw`\banderer (?:kunden|mandanten)`,
      String.raw`\boffentliches repo`,
      String.raw`\bgeleakt`,
      String.raw`\bauditoria\b`,
      String.raw`\baudita\b`,
      String.raw`\batacante`,
      String.raw`\batacando`,
      String.raw`\bde otros? clientes?`,
      String.raw`\brepo publico`,
      String.raw`\bfiltrado`,
      String.raw`\baudite\b`,
      String.raw`\baudit de securite`,
      String.raw`\battaquant`,
      String.raw`\battaque par`,
      String.raw`\bd'autres clients`,
      String.raw`\bautre client`,
      String.raw`\bdepot public`,
      String.raw`\bdivulgu`,
    ]),
  },
  {
    kind: 'large live migration',
    re: rail([
      String.raw`\b(?:zero|no|without|under a minute of|less than a minute of) downtime`,
      String.raw`\bwhile (?:the app|traffic|it) keeps`,
      String.raw`\bcut-?over\b`,
      String.raw`\bcutover\b`,
      String.raw`\b\d+(?:[.,]\d+)? ?tb\b`,
      String.raw`\b\d+(?:[.,]\d+)? ?to d(?:e |')`,
      String.raw`\b(?:billion|milliarden|mil millones|milliards de) (?:rows|zeilen|filas|lignes)`,
      String.raw`\b\d+k writes per second`,
      String.raw`\b\d+[.,]?000 (?:schreibvorgange|escrituras|ecritures)`,
      String.raw`\bmillion (?:user )?accounts\b`,
      String.raw`\bmillionen benutzerkonten`,
      String.raw`\bmillones de cuentas`,
      String.raw`\bmillions de comptes`,
      String.raw`\bswitch the primary region`,
      String.raw`\bohne ausfallzeit`,
      String.raw`\bausfall\b`,
      String.raw`\bwahrend die app weiter`,
      String.raw`\bsin tiempo de inactividad`,
      String.raw`\bsin cortes?\b`,
      String.raw`\bminuto de corte`,
      String.raw`\bmientras la app sigue`,
      String.raw`\bsans interruption`,
      String.raw`\bminute de coupure`,
      String.raw`\bpendant que l'appli`,
      String.raw`\bwithout (?:stopping|taking down|pausing) (?:the )?(?:service|site|app|writes)`,
      String.raw`\bwith the (?:site|app|service) (?:staying|still) up`,
      String.raw`\bohne (?:dass )?(?:der dienst|die seite|die app) still`,
      String.raw`\bsin parar el servicio`,
      String.raw`\bsans (?:arreter|couper) le service`,
    ]),
  },
  {
    kind: 'regulated or safety-critical',
    re: rail([
      String.raw`\b(?:medical|patient|hospital|insulin|infusion|pacemaker|ventilator|dos(?:e|age)|chemotherap\w*|pharmacy|blood bank|elevator)\b`,
      String.raw`\b(?:regulators?|auditors|gdpr|compliance|certification|by law|legally)\b`,
      String.raw`\btax (?:filings?|returns?|authorit\w*)|\bdeclara\w* de (?:iva|impuestos)|\bdeclaration de tva|\bumsatzsteuer\w*`,
      String.raw`\b(?:dosis\w*|pflege\w*|enfermer[oa]s|infirmier\w*|infirmiere\w*|nurses?)\b`,
      String.raw`\b(?:krankenhaus|patient\w*|medizin\w*|dsgvo|aufsicht\w*|zertifizier\w*)\b`,
      String.raw`\b(?:historias clinicas|pacientes?|rgpd|regulador|proteccion de datos)\b`,
      String.raw`\b(?:dossiers medicaux|medicale?s?|rgpd|cnil|regulateur|chimiotherapie|mise en service)\b`,
    ]),
  },
];

/** The high-stakes kinds found in the prose (empty when none). */
export function findStakes(prose: string): StakesMatch[] {
  return stakesIn(foldText(prose));
}

// A teaching ask ("explain what a transaction is with a bank transfer example"): money or medical words
// there name the topic of a lesson, not money or patients at risk, so those two kinds set no floor.
const LEARNING =
  /^(?:(?:please )?explain (?:what|how|the|a|an)\b|(?:give me|show me) an? (?:quick |simple |short )?example|explique (?:ce qu|comment|le|la|les|l'|un|une)\b|donne(?:-moi)? un exemple|erklar(?:e)? (?:mir )?(?:was|wie|den|die|das|eine?n?|grob|kurz)\b|zeig (?:mir )?ein (?:einfaches )?beispiel|explica(?:me)? (?:que|como|el|la|los|las|un|una|a grandes)\b|dame un ejemplo)/;
const TOPIC_KINDS = new Set(['money', 'regulated or safety-critical']);
// Words that make money words an event, not a topic: charged twice, wrong currency, never refunded.
const EVENT = /\b(?:twice|double|never|wrong|deux fois|mauvaise|jamais|dos veces|equivocada|nunca|zweimal|doppelt|falsch\w*|nie)\b/;

export function stakesIn(text: string): StakesMatch[] {
  const out: StakesMatch[] = [];
  const lesson = LEARNING.test(text.trimStart()) && !EVENT.test(text);
  for (const s of STAKES) {
    if (lesson && TOPIC_KINDS.has(s.kind)) continue;
    const m = s.re.exec(text);
    if (m) out.push({ kind: s.kind, words: m[0].trim().slice(0, 40) });
  }
  return out;
}
