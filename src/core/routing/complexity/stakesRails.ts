import { foldText } from '../../ml/hashText';
import { LiteralPrefilter } from './literalPrefilter';
import { rail, type Rail } from './railRegex';

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

/** The kinds in the order they are reported (exported for the prefilter soundness test). */
export const STAKES: readonly Rail[] = [
  rail('production incident', [
    // en
    String.raw`\b(?:prod(?:uction)?|site|api|service|cluster|database|db|app|platform|checkout|server)s?\b[^.?!\n]{0,40}\b(?:is|are|went|goes|has been|have been)\s+(?:down|dark|offline|unreachable|crash\w*)`,
    String.raw`\boutages?\b`,
    String.raw`\bcrash[- ]?loop\w*`,
    String.raw`\bnobody can (?:log|buy|pay|check|sign|use)`,
    // Customers or users who cannot pay, log in or order (4 languages): an outage told by its effect.
    String.raw`\b(?:customers?|users?|clients?) (?:can'?t|cannot|can no longer|are unable to) (?:log|buy|pay|check|sign|order|place)`,
    String.raw`\b(?:kunden|nutzer|benutzer)\b[^.?!\n]{0,20}\b(?:konnen|kann) (?:\w+ ){0,2}nicht (?:mehr )?(?:bezahlen|zahlen|einloggen|anmelden|bestellen|kaufen)`,
    String.raw`\b(?:clientes|usuarios)\b[^.?!\n]{0,20}\bno pueden (?:pagar|entrar|iniciar sesion|comprar|acceder)`,
    String.raw`\b(?:clients|utilisateurs)\b[^.?!\n]{0,20}\bne peuvent (?:plus|pas) (?:payer|se connecter|commander|acheter|acceder)`,
    String.raw`\b(?:returns?|getting|fail\w*)\b[^.?!\n]{0,30}\b5\d\d\b[^.?!\n]{0,30}\b(?:all|every)\b`,
    String.raw`\b(?:every|all) \w+(?: \w+)? (?:returns?|fails?|gets?) (?:a )?5\d\d\b`,
    String.raw`\bsince the (?:last )?deploy`,
    // Live in production for minutes: "en prod depuis 5 min", "in prod seit heute früh".
    String.raw`\bin prod(?:uction)? (?:since|for the (?:last|past)) (?:\d|an?\b|this)|\bin prod(?:uktion)? seit (?:\d|heute|gestern)|\ben produccion desde (?:\d|hace|esta|ayer)|\ben prod(?:uction)? depuis (?:\d|ce|hier)`,
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
  rail('data loss', [
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
  rail('money', [
    String.raw`\b(?:charged|billed|debited)\b[^.?!\n]{0,25}\b(?:twice|double)`,
    String.raw`\bdouble[- ]charg`,
    // Refunds or payments made twice, in either word order (4 languages).
    String.raw`\b(?:refund\w*|erstattung\w*|erstattet|reembols\w*|rembours\w*|paid|bezahlt|pagad[oa]s?|payee?s?)\b[^.?!\n]{0,30}\b(?:twice|zweimal|doppelt|dos veces|deux fois)\b`,
    String.raw`\b(?:twice|zweimal|doppelt|dos veces|deux fois)\b[^.?!\n]{0,30}\b(?:refund\w*|erstattung\w*|erstattet|reembols\w*|rembours\w*)`,
    String.raw`\bledger\b`,
    String.raw`\bpayouts?\b`,
    String.raw`\bpa(?:ys?|ying|id) out\b`,
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
    // Payroll: salaries moving on pay day (4 languages).
    String.raw`\bpayroll\b|\b(?:gehalts|lohn)(?:abrechnung|zahlung|lauf)\w*|\bnominas?\b|\bvirements? des salaires|\bla paie\b`,
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
  rail('security', [
    String.raw`\bsecurity (?:audit|review)`,
    String.raw`\baudit(?:s|ing)? (?:this|these|our)\b`,
    String.raw`\bleak(?:ed|ing)\b`,
    String.raw`\b(?:breach|attacker|ransomware|compromised|credential stuffing)\b`,
    // What an intruder leaves behind, found on a server (4 languages).
    String.raw`\b(?:web ?shells?|backdoors?|rootkits?|porte derobee|puerta trasera|hintertur)\b`,
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
  rail('large live migration', [
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
  rail('regulated or safety-critical', [
    String.raw`\b(?:medical|patient|hospital|insulin|infusion|pacemaker|ventilator|dos(?:e|age)|chemotherap\w*|pharmacy|blood bank|elevator)\b`,
    String.raw`\b(?:regulators?|auditors|gdpr|compliance|certification|by law|legally)\b`,
    String.raw`\btax (?:filings?|returns?|authorit\w*)|\bdeclara\w* de (?:iva|impuestos)|\bdeclaration de tva|\bumsatzsteuer\w*`,
    String.raw`\b(?:dosis\w*|pflege\w*|enfermer[oa]s|infirmier\w*|infirmiere\w*|nurses?)\b`,
    // German compounds: Infusionspumpe, Dosierungsberechnung.
    String.raw`\binfusion\w*|\bdosier\w*`,
    String.raw`\b(?:krankenhaus|patient\w*|medizin\w*|dsgvo|aufsicht\w*|zertifizier\w*)\b`,
    String.raw`\b(?:historias clinicas|pacientes?|rgpd|regulador|proteccion de datos)\b`,
    String.raw`\b(?:dossiers medicaux|medicale?s?|rgpd|cnil|regulateur|chimiotherapie|mise en service)\b`,
    // Doctors and lab results: clinical decisions, in the words each language uses for them.
    String.raw`\b(?:physicians?|clinicians?|lab results?|arzte?|arztin\w*|laborwert\w*|laborbefund\w*|medic[oa]s?|resultados? de laboratorio|medecins?|resultats? d'analyses?)\b`,
  ]),
  // Holes described instead of named: "the search box puts what you type straight into the SQL string",
  // "../ in the file name", "the JWT check passes without a signature", "the reset token never expires".
  // The classic vulnerability classes (injection, path traversal, broken authentication) are security
  // breaches whatever words the user picks. The class's name alone is left to the model ("explain SQL
  // injection" is a lesson), and a lesson about one ("explain what happens with ../ in a path") is a topic.
  rail('security hole', [
    String.raw`\b(?:straight|directly|right) into the sql|\bdirekt in (?:den|die) sql|\bdirectamente en la (?:cadena|consulta) sql|\bdirectement dans la (?:chaine|requete) sql`,
    String.raw`\.\./(?:\.\./)*\s+(?:in|im|en|dans)\b`,
    String.raw`\b(?:outside|ausserhalb) (?:the|of the|des|der) (?:uploads?|upload-?ordners?|\w+ folder|\w+ directory)`,
    String.raw`\bfuera de la carpeta\b|\ben dehors du dossier\b`,
    String.raw`\b(?:empty|blank) password|\bleere[mn]? passwort|\bcontrasena vacia|\bmot de passe vide`,
    String.raw`\bsignature (?:is |part is )?missing|\bwithout (?:a |the |any )?signature|\b(?:doesn'?t|does not|never) (?:check|verif\w*) the signature`,
    String.raw`\bsignatur fehlt|\bohne (?:die )?signatur|\bfalta la firma|\bsin (?:comprobar |verificar )?(?:la )?firma|\bla signature manque|\bsans (?:verifier )?(?:la )?signature`,
    String.raw`\b(?:accepts?|takes?) any (?:bearer )?(?:token|password|jwt)|\bakzeptiert jedes (?:bearer-?)?token|\bacepta cualquier (?:token|contrasena)|\baccepte n'importe quel (?:jeton|token|mot de passe)`,
    String.raw`\bskip (?:the )?(?:2fa|mfa|login|otp)|\b(?:2fa|mfa)-?schritt uberspringen|\bsaltar (?:el paso de )?(?:2fa|mfa)|\bsauter l'etape (?:2fa|mfa)`,
    String.raw`\b(?:token|link|code|jeton|lien|enlace|einladungslink|reset-?token)s?\b[^.?!\n]{0,50}\b(?:never expires?|lauft nie ab|nunca caduca|n'expire jamais)`,
    String.raw`\b(?:reset|invite|invitation|einladungs?|restablecer|reinitialisation)\w*\b[^.?!\n]{0,60}\b(?:any|every|jede[nmrs]?|cualquier\w*|n'importe qu\w*)\b`,
    String.raw`\b(?:lets|let) (?:you|anyone|anybody) (?:in|log in|sign in)\b`,
  ]),
  // Not money or patients but the same rule: reasoning about memory models, lock-free code, proofs and
  // automata is the "high" work of the labelling guide, which a small model gets subtly wrong. The
  // floor makes "is this double-checked locking correct?" a cloud request however plainly it is asked;
  // a lesson or a lookup about these terms is a topic, not the work.
  rail('hard reasoning', [
    String.raw`\bthread-?safe\b|\blinearizab\w*|\blinearisierbar|\blinealizable|\blinearisable`,
    String.raw`\bmemory (?:model|ordering|barriers?|reclamation)\b|\bspeichermodell|\bmodelo de memoria|\bmodele (?:de )?memoire`,
    String.raw`\block-?free\b|\bwait-?free\b|\blockfrei|\bsin bloqueos?\b|\bsans verrou`,
    String.raw`\bdouble-?checked locking|\bseqlock|\baba problem|\bhazard pointers?|\bstore[- ]buffers?\b|\b(?:memory|instruction) reordering|\bmemory fences?\b`,
    String.raw`\b(?:prove|beweise|demuestra|prouve)\b`,
    // A lock or atomic that works on x86 and fails on ARM: the weaker memory model is the question.
    String.raw`\b(?:mutex\w*|spin-?locks?|locks?|atomics?|verrous?|cerrojos?|sperren?|semaphores?)\b[^?!\n]{0,80}\b(?:arm(?:64)?|aarch64|power ?pc|risc-?v)\b`,
    String.raw`\b(?:arm(?:64)?|aarch64)\b[^?!\n]{0,80}\b(?:mutex\w*|spin-?locks?|atomics?|verrous?|cerrojos?|sperren?)\b`,
    String.raw`\b(?:dfa|nfa|automat(?:on|a)|(?:endliche[nr]?|deterministische[nr]?|kleinerer) automat\w*|automates? (?:fini|non deterministe|deterministe)|(?:cet|un) automate)\b`,
  ]),
];

const STAKES_PREFILTER = new LiteralPrefilter(STAKES.flatMap((s) => s.parts));

/** The high-stakes kinds found in the prose (empty when none). */
export function findStakes(prose: string): StakesMatch[] {
  return stakesIn(foldText(prose));
}

// A teaching ask ("explain what a transaction is with a bank transfer example"): money or medical words
// there name the topic of a lesson, not money or patients at risk, so those kinds (and the two kinds
// that describe the work, below) set no floor.
const LEARNING =
  /^(?:(?:please )?explain (?:what|how|the|a|an)\b|(?:give me|show me) an? (?:quick |simple |short )?example|explique (?:ce qu|comment|le|la|les|l'|un|une)\b|donne(?:-moi)? un exemple|erklar(?:e)? (?:mir )?(?:was|wie|den|die|das|eine?n?|grob|kurz)\b|zeig (?:mir )?ein (?:einfaches )?beispiel|explica(?:me)? (?:que|como|el|la|los|las|un|una|a grandes)\b|dame un ejemplo)/;
const TOPIC_KINDS = new Set(['money', 'regulated or safety-critical', 'security hole', 'hard reasoning']);
// Words that make money words an event, not a topic: charged twice, wrong currency, never refunded.
const EVENT = /\b(?:twice|double|never|wrong|deux fois|mauvaise|jamais|dos veces|equivocada|nunca|zweimal|doppelt|falsch\w*|nie)\b/;

// A mechanical edit asked in a file whose domain is risky ("this service moves money; just sort the
// imports"): the labelling guide makes mechanical edits low whatever the file, so the domain words are
// context and set no floor. Not for incidents, data loss or live migrations (there the edit is part of
// the risk), and not when anything else is asked or an event word says something went wrong.
const CHORE = new RegExp(
  String.raw`\b(?:` +
    [
      // en
      String.raw`(?:sort|reorder|order|remove|delete|drop) (?:the |these |all )?(?:unused )?imports`,
      String.raw`rename (?:the |this )?(?:local )?(?:variable|var|file|constant|parameter|param|method|function)\b`,
      String.raw`rename \w+ to \w+`,
      String.raw`(?:re-?indent|indentation|tabs? (?:to|with|by)|trailing (?:whitespace|newline|spaces)|blank line|line (?:break|ending)s?|copyright|license header|(?:double|single) quotes|commented-?out|typo|spelling|sort the (?:keys|constants)|wrap the lines|var declarations)\b`,
      String.raw`change the (?:\w+ )?(?:label|heading|title|wording|placeholder)\b`,
      // de
      String.raw`sortier\w* (?:\w+ )?imports`,
      String.raw`ungenutzten imports`,
      String.raw`benenn\w*\b[^?!\n]{0,40}\bum\b`,
      String.raw`(?:ander|aender)\w* (?:die|den) (?:uberschrift|beschriftung|titel)`,
      String.raw`einruckung`,
      String.raw`leerzeichen`,
      String.raw`leerzeile`,
      String.raw`tippfehler`,
      String.raw`schreibweise`,
      // es
      String.raw`(?:ordena|quita)\w* (?:\w+ )*?(?:imports|constantes)`,
      String.raw`renombra`,
      String.raw`cambia el (?:titulo|texto|rotulo)`,
      String.raw`indentacion`,
      String.raw`reindenta`,
      String.raw`espacios`,
      String.raw`salto de linea`,
      String.raw`errata`,
      String.raw`ortografia`,
      String.raw`comillas`,
      // fr
      String.raw`trie (?:\w+ )*?(?:imports|constantes)`,
      String.raw`enleve (?:\w+ )*?imports`,
      String.raw`renomme`,
      String.raw`change le (?:titre|libelle|texte)`,
      String.raw`indentation`,
      String.raw`reindente`,
      String.raw`espaces`,
      String.raw`ligne vide`,
      String.raw`faute`,
      String.raw`orthographe`,
      String.raw`guillemets`,
    ].join('|') +
    ')',
);
// What makes it more than a chore: a second ask, something broken, an analysis.
const NOT_ONLY_CHORE =
  /\b(?:and (?:then )?(?:fix|check|review|audit|verify|make sure)|why|bugs?|broken|off by|incorrect|mismatch\w*|missing|lost|leak\w*|exposed|fails?|failing|error|(?:review|audit) (?:the|this|these|it|our)|debug|und (?:prufe|behebe)|warum|fehler|y (?:revisa|arregla)|por que|error|et (?:verifie|corrige)|pourquoi|erreur)\b/;
const CONTEXT_KINDS = new Set(['money', 'security', 'regulated or safety-critical', 'security hole']);
// "Double quotes" is no double charge.
const QUOTES = /\b(?:double|single) quotes\b|\bcomillas (?:dobles|simples)|\bguillemets (?:doubles|simples)/g;

/**
 * Kinds whose words describe the work asked, not its surroundings: the model's confidence that a
 * request is easy (the stakes veto, see applyRails) does not overrule them.
 */
export const ASK_KINDS: ReadonlySet<string> = new Set(['security hole', 'hard reasoning']);

/**
 * A mechanical edit and nothing more ("sort the imports", "rename tmp to slot", "fix the typo"): no event
 * word, no second ask, no lesson. Folded text.
 */
export function choreIn(text: string): boolean {
  return CHORE.test(text) && !EVENT.test(text.replace(QUOTES, '')) && !NOT_ONLY_CHORE.test(text) && !isLesson(text);
}

const isLesson = (text: string): boolean => LEARNING.test(text.trimStart()) && !EVENT.test(text);

/** @param chore `choreIn(text)`, when the caller has it already. */
export function stakesIn(text: string, chore = choreIn(text)): StakesMatch[] {
  const out: StakesMatch[] = [];
  const lesson = isLesson(text);
  // Kinds none of whose literals occur cannot match: their regexes are not run (see literalPrefilter).
  const maybe = STAKES_PREFILTER.candidates(text);
  let part = 0;
  for (const s of STAKES) {
    const first = part;
    part += s.parts.length;
    if (lesson && TOPIC_KINDS.has(s.kind)) continue;
    if (chore && CONTEXT_KINDS.has(s.kind)) continue;
    let m: RegExpExecArray | null = null;
    for (let j = first; j < part; j++) {
      if (maybe[j] === 0) continue;
      const hit = s.parts[j - first].exec(text);
      if (hit && (m === null || hit.index < m.index)) m = hit;
    }
    if (m) out.push({ kind: s.kind, words: m[0].trim().slice(0, 40) });
  }
  return out;
}
