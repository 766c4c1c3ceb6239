import { HARD_REASONING } from './hardReasoningPatterns';
import { rail, type Rail } from './railRegex';

/**
 * The high-stakes rail's patterns (English, German, Spanish, French): live incident, data loss, money,
 * security, big live migration, regulated or safety-critical domains, security holes and hard reasoning.
 * A match sets a floor of high (see applyRails). They match accent-folded, lower-cased prose (see
 * foldText). What the kinds do with a match (lessons, chores, the veto) is in stakesRails.
 */

// Deletion verbs, "by mistake" and the data stores whose loss is at stake, for the accidental-deletion rail.
const DELETED = String.raw`deleted|dropped|removed|wiped|overwrote|overwritten|truncated|purged|force-pushed|geloscht|gedroppt|uberschrieben|entfernt|geleert|borre|borramos|borro|borraron|elimine|eliminamos|elimino|eliminaron|sobrescribi\w*|vacie|vaciamos|supprime\w*|efface\w*|ecrase\w*|vide|videe|droppe\w*`;
const BY_MISTAKE = String.raw`accidentally|mistakenly|inadvertently|by accident|by mistake|versehentlich|aus versehen|irrtumlich|sin querer|por error|por accidente|accidentalmente|por equivocacion|par erreur|par accident|par megarde|sans faire expres|sans le vouloir`;
const STORE = String.raw`\b(?:buckets?|tables?|tablas?|databases?|base de (?:datos|donnees)|bases? de donnees|db|volumes?|volumen|disks?|backups?|respaldos?|copias|sauvegardes?|collections?|schemas?|esquemas?|clusters?|prod\w*|customer\w*|clientes?|clients?|users?|usuarios|utilisateurs|orders|pedidos|commandes|invoices|facturas|factures|uploads|repo\w*|depot|branch|rama|branche|folder|carpeta|dossier|directory)\b|\w*(?:datenbank|tabelle|bucket|backup|ordner|kunden|bestellungen|rechnungen|produktion)\w*`;

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
    // Session 19: the business flow stopped since a moment (4 languages): "no orders since 11:40", "keine Bestellung
    // geht mehr durch", "ningún pedido entra desde las 9", "plus aucune commande ne passe depuis 11h40".
    String.raw`\b(?:no|not a single|zero) (?:orders?|payments?|checkouts?|bookings?|sales|transactions?|logins?)\b[^.?!\n]{0,30}\b(?:since|for the (?:last|past)) (?:\d|an?\b|this|noon|lunch)|\b(?:orders?|payments?|checkouts?|bookings?) (?:have|has) (?:stopped|not come in|not gone through)\b`,
    String.raw`\bkein\w* (?:bestellung|zahlung|buchung|anmeldung|transaktion|verkauf)\w*\b[^.?!\n]{0,30}\b(?:mehr|seit)\b`,
    String.raw`\b(?:ninguna?|ni un|ni una) (?:pedido|pago|cobro|reserva|venta|transaccion|compra)s?\b[^.?!\n]{0,40}\bdesde\b|\bno (?:entra|pasa|sale|se procesa|llega)n? (?:ninguna?|ni un|ni una)\b`,
    String.raw`\baucun\w* (?:commande|paiement|transaction|reservation|vente|achat)s?\b[^.?!\n]{0,30}\b(?:ne passe|ne sort|n'arrive|ne rentre|n'est passee?|depuis)\b`,
    // Session 19, round 2: every till, terminal or store down at once (4 languages): a shop's outage told by its devices.
    String.raw`\b(?:all|every) (?:\w+ )?(?:terminals|tills|registers|checkouts|stores|branches|kiosks|pos)\b[^.?!\n]{0,30}\b(?:down|dead|stopped|offline|not working|can'?t|won'?t)|\b(?:every|each) register\b[^.?!\n]{0,40}\bdown\b`,
    String.raw`\b(?:geht|gehen|funktioniert|funktionieren|lauft|laufen) (?:\w+ ){0,3}nicht mehr\b[^.?!\n]{0,40}\balle (?:\w+ )?(?:terminals?|kassen|gerate|filialen|standorte|scanner)|\bkeine[rn]? (?:kasse|filiale|terminal)\w*\b[^.?!\n]{0,30}\bmehr\b|\balle (?:\w+ )?(?:kassen|terminals|filialen)\b[^.?!\n]{0,30}\b(?:ausgefallen|tot|down|gehen nicht)`,
    String.raw`\btodas las (?:\w+ )?(?:cajas|terminales|tiendas|sucursales)\b[^.?!\n]{0,40}\b(?:caidas|paradas|sin funcionar|no funcionan|dejaron de funcionar)|\bno funciona ninguna (?:caja|terminal|tienda|sucursal)\b`,
    String.raw`\btou(?:tes|s) les (?:\w+ )?(?:caisses|terminaux|magasins|bornes)\b[^.?!\n]{0,40}\b(?:en panne|hs|bloquee?s|ne (?:marchent|fonctionnent) plus)|\baucune (?:caisse|borne|boutique)\b[^.?!\n]{0,30}\bne (?:marche|fonctionne)\b`,
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
    // Production standing still, told with the noun first ("Produktion steht", "die Prod ist weg"); a compound
    // such as Produktionsplanung has no word boundary after "produktion", so it does not match.
    String.raw`\b(?:produktion|prod|livesystem|live-system)\s+(?:steht|stand|ist weg|liegt lahm|ist tot)\b`,
    String.raw`\bseit dem (?:letzten )?deploy`,
    // es
    String.raw`\b(?:esta|estan)\s+(?:\w+\s+){0,2}caid[oa]s?\b`,
    String.raw`\bnadie puede\b`,
    // "producción caída", "prod caída desde las 9": the noun and its state, without "está".
    String.raw`\b(?:produccion|prod)\s+(?:\w+\s+)?caid[oa]s?\b`,
    String.raw`\bdesde el (?:ultimo )?despliegue`,
    String.raw`\breiniciandose en bucle`,
    // fr
    String.raw`\b(?:est|sont)\s+(?:\w+\s+){0,2}(?:tombee?s?|down|par terre|en panne)\b`,
    String.raw`\bpersonne ne peut\b`,
    // "prod tombée", "la production à l'arrêt", "prod HS": the noun and its state, without "est".
    String.raw`\bprod(?:uction)?\s+(?:tombee|en panne|a l'arret|a plat|hs|plantee)\b`,
    String.raw`\bdepuis le (?:dernier )?deploiement`,
    String.raw`\bredemarre en boucle`,
    // Session 21: a service that falls over again and again, told by how often (4 languages): "se cae cada pocos minutos".
    String.raw`\b(?:services?|servers?|api|backend|database|db|cluster|servicios?|servidor\w*|base de datos|serveurs?|base de donnees)\b[^.?!\n]{0,40}\b(?:(?:keeps|kept) (?:crashing|going down|falling over|dying|restarting)|(?:crash\w*|goes down|falls over|dies|restarts) every (?:couple of |\w+ )?(?:minutes?|seconds?|hours?)|se (?:cae|reinicia|muere|cuelga) (?:cada (?:\w+ )?(?:minutos|segundos|horas)|constantemente|todo el rato|a cada rato|sin parar)|(?:plante|tombe|redemarre|crashe) (?:toutes les (?:\w+ )?(?:minutes|secondes|heures)|sans arret|en permanence|constamment))`,
    // German compounds name the service: Zahlungsdienst, Datenbankserver, Buchungssystem.
    String.raw`(?:dienst|server|datenbank|system)\w*\b[^.?!\n]{0,40}\b(?:sturz\w* (?:\w+ )?(?:alle (?:paar |\d+ )?(?:minuten|sekunden|stunden)|standig|dauernd|immer wieder) ab|(?:fallt|geht) (?:\w+ )?(?:standig|dauernd|alle paar minuten|immer wieder) (?:aus|down))`,
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
    // Deleted, dropped or overwritten by mistake, and what was lost is a data store, not a line in an editor
    // (4 languages): "borré sin querer el bucket", "versehentlich die Kundendatenbank gelöscht".
    String.raw`\b(?:${DELETED})\b(?=[^.?!\n]{0,60}\b(?:${BY_MISTAKE})\b)(?=[^.?!\n]{0,80}(?:${STORE}))`,
    String.raw`\b(?:${BY_MISTAKE})\b(?=[^.?!\n]{0,60}\b(?:${DELETED})\b)(?=[^.?!\n]{0,80}(?:${STORE}))`,
    // Work of days or of many people gone ("wiped a week of commits from three people"), and a database's own
    // corruption messages pasted as the question (4 languages for the first; the messages are English).
    String.raw`\b(?:wiped|erased|destroyed)\b[^.?!\n]{0,20}\b(?:a|an|\d+|two|three|several|all|the whole|the last) (?:weeks?|days?|months?|years?|hours?) of\b`,
    String.raw`\b(?:eine[nr]? )?(?:woche|wochen|tage|monate?) (?:an |voller )?(?:arbeit|commits|daten)\b[^.?!\n]{0,30}\b(?:weg|verloren|geloscht|uberschrieben)|\b(?:una semana|varios dias|meses) de (?:trabajo|commits|datos)\b[^.?!\n]{0,30}\b(?:perdid|borrad|desaparecid)|\b(?:une semaine|des jours|des mois) de (?:travail|commits|donnees)\b[^.?!\n]{0,30}\b(?:perdu|efface|disparu)`,
    // A DROP or TRUNCATE that ran on the production server (4 languages: the statement is English).
    String.raw`\b(?:drop|truncate) (?:table|database|schema)\b[^\n]{0,60}\b(?:auf dem produktiv\w*|on (?:the )?prod\w*|en (?:el servidor de )?produccion|en prod\w*|sur (?:le serveur de )?prod\w*)`,
    String.raw`\binvalid page in block\b|\bcould not read block\b|\bpage corruption\b|\bdatabase page corruption|\bchecksum (?:mismatch|failure|failed)\b[^.?!\n]{0,30}\b(?:page|block|relation|table)`,
    // Keys rotated or re-encrypted so that what is stored can no longer be read.
    String.raw`\b(?:old|existing|stored|archived) (?:rows|data|records|files|backups|columns)\b[^.?!\n]{0,20}\bunreadable\b|\bunreadable (?:rows|data|records|backups)\b`,
  ]),
  rail('money', [
    String.raw`\b(?:charged|billed|debited)\b[^.?!\n]{0,25}\b(?:twice|double)`,
    String.raw`\bdouble[- ]charg`,
    // Refunds or payments made twice, in either word order (4 languages).
    String.raw`\b(?:refund\w*|erstattung\w*|erstattet|reembols\w*|rembours\w*|paid|bezahlt|pagad[oa]s?|payee?s?)\b[^.?!\n]{0,30}\b(?:twice|zweimal|doppelt|dos veces|deux fois)\b`,
    String.raw`\b(?:twice|zweimal|doppelt|dos veces|deux fois)\b[^.?!\n]{0,30}\b(?:refund\w*|erstattung\w*|erstattet|reembols\w*|rembours\w*)`,
    String.raw`\bledger\b`,
    String.raw`\bpayouts?\b`,
    // An error repeating on a table of money (payments_pkey, the ledger, refunds) is an incident on money moving,
    // even when the prompt is only the trace and "since 3am" (4 languages).
    String.raw`\b(?:payments?|payouts?|refunds?|ledger\w*|settlements?|zahlung\w*|buchung\w*|pagos|cobros|transferencias|paiements?|virements?|remboursements?)(?:_\w+)?\b[^.?!\n]{0,60}\b(?:repeating|keeps (?:firing|coming back|repeating|happening)|looping|in a loop|since \d{1,2} ?(?:am|pm)|wiederholt sich|kommt (?:\w+ )?(?:standig|immer wieder)|se repite|en bucle|no para|en boucle|en continu)`,
    String.raw`\bpa(?:ys?|ying|id) out\b`,
    // Stored money changing representation (float to integer cents, Betrage auf Cent, saldos a centimos): every
    // balance is rewritten, and a rounding slip is money lost (4 languages).
    String.raw`\b(?:convert\w*|migrat\w*|switch\w*|chang\w*|umstell\w*|konvertier\w*|migrier\w*|convierte\w*|convertir|migra\w*|pasar|passer|conver\w*|migre\w*)\b[^.?!\n]{0,40}\b(?:balances|amounts|prices|monetary values|salden|betrage|kontostande|preise|saldos|importes|montos|precios|soldes|montants|prix)\b[^.?!\n]{0,40}\b(?:float\w*|doubles?|decimal\w*|integers?|cents?|numeric|bigint|minor units|ganzzahl\w*|centimos|enteros?|entiers?|centimes)\b`,
    // Two requests on one balance at once ("the same account at once", "dieselbe Konto gleichzeitig", "doble
    // clic sobre el mismo saldo"): a race on money, however calmly asked (4 languages, either order).
    String.raw`\b(?:same|gleiche\w*|dieselbe\w*|dasselbe|derselbe\w*|demselben|denselben|mism[oa]|meme)\b (?:\w+ )?(?:account|balance|wallet|konto|guthaben|saldo|cuenta|compte|solde)\b[^.?!\n]{0,40}\b(?:at once|at the same time|concurrently|in parallel|double[- ]?click\w*|gleichzeitig|parallel|doppel\w*klick\w*|a la vez|al mismo tiempo|en paralelo|doble clic|en meme temps|en parallele|simultanement|double-?clique?\w*)`,
    String.raw`\b(?:at once|at the same time|concurrently|in parallel|double[- ]?click\w*|gleichzeitig|parallel|doppel\w*klick\w*|a la vez|al mismo tiempo|en paralelo|doble clic|en meme temps|en parallele|simultanement|double-?clique?\w*)\b[^.?!\n]{0,60}\b(?:same|gleiche\w*|dieselbe\w*|dasselbe|derselbe\w*|demselben|denselben|mism[oa]|meme)\b (?:\w+ )?(?:account|balance|wallet|konto|guthaben|saldo|cuenta|compte|solde)\b`,
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
    String.raw`\btrading (?:engine|algorithm|bots?|strateg\w*)`,
    // Money moved by code, named plainly: wallets and balances credited, withdrawals, loans and their
    // liquidation, a bot that buys and sells (4 languages).
    String.raw`\b(?:wallets?|withdraw\w*|deposits?|liquidat\w*|lending|loans?|margin calls?|stablecoins?|cryptocurrenc\w*|brokerage)\b`,
    String.raw`\bcrypto (?:lending|exchange|wallets?|trading|platform|payments?)`,
    String.raw`\b(?:wallet|guthaben|kontostand|kontostande|abhebung\w*|einzahlung\w*|kredit(?:e|en|vergabe|plattform)?|liquidation\w*|darlehen|kryptowahrung\w*|kryptoborse)\b`,
    String.raw`\b(?:billeteras?|monederos?|saldos?|retiros?|retirada\w*|depositos?|prestamos?|liquidacion\w*|criptomoneda\w*)\b`,
    String.raw`\b(?:portefeuilles?|soldes? (?:des|du|de)|retraits?|depots? (?:des|de)|liquidation\w*|cryptomonnaie\w*)\b`,
    String.raw`\b(?:plateformes?|octroi|demandes?|remboursements?) de prets?\b|\bprets? (?:crypto|bancaires?|immobiliers?|aux particuliers)\b`,
    String.raw`\bbots?\b[^.?!\n]{0,60}\b(?:buy(?:s|ing)?|bought|sell(?:s|ing)?|sold|orders|trades?|kauf\w*|verkauf\w*|compr(?:a|o|aba|aban|ar|ando)|vend(?:e|io|ia|ian|er|iendo)|achet\w*|vend(?:re|u|ait|aient|ent))\b`,
    String.raw`\b(?:salar(?:y|ies)|wages|gehalter|lohne|sueldos?|salarios|salaires?|prestataire de paie|proveedor de nominas?)\b`,
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
    // Ransomware named in any language, or half-remembered ("un \"ransom\" no sé qué").
    // Access by someone who should have none left (a former employee's token or account), 4 languages.
    String.raw`\b(?:former|ex-?) ?(?:employee|colleague|contractor|staff)\w*'?s? (?:\w+ )?(?:token|account|credentials?|access|key|password)|\b(?:ex-?mitarbeiter\w*|ehemalige[nrs]? (?:mitarbeiter|kolleg)\w*)\b[^.?!\n]{0,30}\b(?:token|konto|zugang|zugriff|passwort|schlussel)|\b(?:token|konto|zugang|passwort)\w* (?:eines|einer|des) (?:ex-?mitarbeiter|ehemaligen)\w*|\b(?:ex ?empleado|antiguo empleado)\w*\b[^.?!\n]{0,30}\b(?:token|cuenta|acceso|contrasena|clave)|\b(?:token|cuenta|acceso|clave) de (?:un |una )?(?:ex ?emplead|antiguo emplead)|\b(?:ancien employe|ex-?employe|ex-?salarie)\w*\b[^.?!\n]{0,30}\b(?:jeton|token|compte|acces|mot de passe|cle)|\b(?:jeton|token|compte|acces) d'un (?:ancien employe|ex-?employe|ex-?salarie)`,
    // An audit asked for in French of our own code ("audit de notre implémentation OAuth2").
    String.raw`\baudit (?:de|du|des) (?:notre|nos|ce|cette|cet|ces|la|l'|mon|ma|mes)\b`,
    String.raw`\b(?:ransom\w*|rancongiciel\w*|erpressungs(?:trojaner|software)\w*|verschlusselungstrojaner\w*|secuestro de (?:datos|archivos))\b`,
    // An intrusion told by its signs, with no word for it (4 languages): a monitoring tool's alert, traffic
    // to or from an address nobody knows, a miner or a command-and-control channel found running.
    String.raw`\b(?:soc(?! ?[123]\b)|siem|edr|xdr|guardduty|crowdstrike|sentinelone|wazuh)\b[^.?!\n]{0,40}\b(?:flagged|alerted|detected|caught|raised|gemeldet|erkannt|detecto|alerto|marco|detecte|signale|remonte)`,
    // Traffic told as seen, not a feature to build ("block logins from unknown countries" is one).
    String.raw`\b(?:outbound|egress|unexpected|unexplained|odd|strange|weird)\b (?:traffic|connections?|requests?|logins?|ssh sessions?)\b[^.?!\n]{0,40}\b(?:to|from) (?:an? )?(?:unknown|unfamiliar|strange|suspicious|weird) (?:ips?|hosts?|domains?|servers?|address\w*|countr\w*)`,
    String.raw`\b(?:ausgehende\w*|unerwartete\w*|seltsame\w*|komische\w*) (?:verkehr|datenverkehr|verbindung\w*|zugriff\w*|anmeldung\w*|logins?)\b[^.?!\n]{0,40}\b(?:zu|von|an|aus|nach) (?:einer |einem |einen )?(?:unbekannt|fremd|verdachtig)\w* (?:ip|host|server|adresse|domain|land)`,
    String.raw`\b(?:trafico (?:saliente|inesperado|raro)|conexiones (?:salientes|inesperadas|raras)|accesos (?:inesperados|raros))\b[^.?!\n]{0,40}\b(?:hacia|a|desde|de) (?:una |un )?(?:ip|host|servidor|direccion|dominio|pais)\w* (?:desconocid|extran|sospechos|rar)\w*`,
    String.raw`\b(?:trafic (?:sortant|inattendu|bizarre)|connexions (?:sortantes|inattendues|bizarres)|acces (?:inattendus|bizarres))\b[^.?!\n]{0,40}\b(?:vers|depuis|de) (?:une |un )?(?:ip|hote|serveur|adresse|domaine|pays)\w* (?:inconnu|suspect|etrang|bizarre)\w*`,
    // Session 19: the unknown address told by a clause ("to an IP nobody knows", "a una ip que no conocemos").
    String.raw`\b(?:outbound|egress|ausgehende\w*|salientes|sortantes)\b[^.?!\n]{0,40}\b(?:ip|host|server|servidor|serveur|adresse|direccion|domain\w*)s?,? (?:(?:that )?(?:nobody|no one|we don'?t) (?:knows?|recogni[sz]es?|know)|(?:den|die|das) (?:wir nicht kennen|niemand kennt)|que (?:no conocemos|nadie conoce)|(?:qu'on|que nous|que personne) ne (?:connait|connaissons))`,
    // Processes nobody started, using the machine (4 languages): what a miner or an intruder looks like from a shell.
    String.raw`\b(?:unknown|strange|weird|odd|suspicious|unexpected) process(?:es)?\b[^.?!\n]{0,60}\b(?:cpu|connections?|server|outbound)|\b(?:unbekannte|seltsame|komische|verdachtige) prozess\w*\b[^.?!\n]{0,60}\b(?:cpu|verbindung\w*|server)|\bprocesos (?:raros|desconocidos|extranos|sospechosos)\b[^.?!\n]{0,60}\b(?:cpu|conexiones|servidor)|\bprocessus (?:inconnus?|bizarres?|suspects?|etranges?)\b[^.?!\n]{0,60}\b(?:cpu|connexions?|serveur)`,
    String.raw`\b(?:beaconing|crypto ?-?miner\w*|coin ?-?miner\w*|kryptominer\w*|minero de cripto\w*|mineur de crypto\w*|command[- ]and[- ]control|c2 (?:server|traffic|domain|channel))\b`,
    // What an intruder leaves behind, found on a server (4 languages).
    String.raw`\b(?:web ?shells?|backdoors?|rootkits?|porte derobee|puerta trasera|hintertur)\b`,
    String.raw`\b(?:under|an?) attack\b`,
    String.raw`\bexploitable\b`,
    String.raw`\b(?:log in|sign in|read|see) (?:as )?(?:any|another|other) (?:user|tenant|customer|account)`,
    String.raw`\b(?:another|other) (?:tenant|customer|account)s?'? ?(?:data|invoices?|transactions?)`,
    String.raw`\bother customers'`,
    String.raw`\b(?:root|secret|private|api) keys?\b[^.?!\n]{0,40}\b(?:public(?! keys?)|pushed|exposed|leak)`,
    // A break-in asked about plainly, and holes looked for before going live (4 languages).
    String.raw`\bhow (?:they|someone|somebody|the attackers?|he|she) (?:got|broke) in\b|\b(?:got|were|was|been) hacked\b`,
    String.raw`\bwie (?:\w+ ){0,3}(?:reingekommen|hereingekommen|eingedrungen|reinkamen|reinkam)|\bgehackt\b`,
    String.raw`\bcomo (?:entraron|se colaron|se colo|nos hackearon|accedieron)\b|\bhackead[oa]s?\b`,
    String.raw`\bcomment (?:ils|il|elle|quelqu'un|l'attaquant) (?:sont|est) (?:entres?|rentres?)|\bcomment (?:ils|il|elle|quelqu'un|l'attaquant) (?:a|ont) pu (?:entrer|rentrer)|\bcomment (?:sont|ont|est|a)-(?:ils|elles|il|elle|t-il|t-elle) (?:pu )?(?:entres?|rentres?|entrer|rentrer)|\bpirate[es]?\b|\bpiratage\b`,
    // Is this code secure, asked plainly about auth, payments or what goes live (4 languages).
    String.raw`\bis (?:this|it|that|the \w+) (?:secure|safe to (?:ship|deploy|expose|go live))\b|\bsecurity (?:problems?|concerns?|risks?)\b|\bsicher genug\b|\bsicherheitsproblem\w*|\bproblemas? de seguridad\b|\bes seguro\b|\bproblemes? de secu\w*|\bsouci de secu\w*|\b(?:est|c'est) (?:securise|sur)\b`,
    String.raw`\b(?:vulnerabilit\w*|vulnerab\w*|security (?:holes?|flaws?|issues?)|sicherheitslucke\w*|sicherheitsproblem\w*|agujeros? de seguridad|fallos? de seguridad|failles?(?: de securite)?)\b`,
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
    String.raw`\b(?:repo|repository|github) public\b|\brepo(?:sitorio)? publico`,
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
    String.raw`\b(?:medical|patient|hospital|pharmacy|blood bank|elevator)\b`,
    String.raw`\b(?:regulators?|auditors|gdpr|compliance|certification|by law|legally)\b`,
    String.raw`\btax (?:filings?|returns?|authorit\w*)|\bdeclara\w* de (?:iva|impuestos)|\bdeclaration de tva|\bumsatzsteuer\w*`,
    String.raw`\b(?:pflege\w*|enfermer[oa]s|infirmier\w*|infirmiere\w*|nurses?)\b`,
    String.raw`\b(?:krankenhaus|patient\w*|medizin\w*|dsgvo|aufsicht\w*|zertifizier\w*)\b`,
    String.raw`\b(?:historias clinicas|pacientes?|rgpd|regulador|proteccion de datos)\b`,
    String.raw`\b(?:dossiers medicaux|medicale?s?|rgpd|cnil|regulateur|chimiotherapie|mise en service)\b`,
    // Session 19, round 3: telemedicine and electronic prescriptions.
    String.raw`\b(?:telemedicin\w*|telemedizin\w*|telemedecine|telehealth|e-?prescri\w*|e-?rezept\w*|recetas? (?:electronicas?|medicas?)|ordonnances? (?:electroniques?|medicales?))\b`,
    // Session 19, round 2: fiscal receipts and the signing devices the law requires at a till (TSE / KassenSichV,
    // fiscal printers and modules, TicketBAI, VeriFactu, NF525), and selling on without a receipt.
    String.raw`\b(?:kassensichv|kassennachschau|ticketbai|verifactu|nf ?525)\b|\btse\b[^.?!\n]{0,60}\b(?:signatur\w*|kasse\w*|bon\w*)|\b(?:kasse\w*|bon\w*)\b[^.?!\n]{0,60}\btse\b|\bohne (?:bon|beleg|kassenbon)\b|\bfiscal (?:printer|module|device|receipts?|memory)|\b(?:impresora|modulo) fiscal\b|\bmodule fiscal\b`,
    // Doctors and lab results: clinical decisions, in the words each language uses for them.
    String.raw`\b(?:physicians?|clinicians?|lab results?|arzte?|arztin\w*|laborwert\w*|laborbefund\w*|medic[oa]s?|resultados? de laboratorio|medecins?|resultats? d'analyses?)\b`,
  ]),
  // Code that computes a treatment or runs a device on a patient, and the safety standards that govern such
  // code (medical devices, and the functional-safety ones of cars, aircraft and plants): the words describe
  // the work itself, so the veto never reads them as context (an insulin dose check is not a typo fix).
  rail('patient or functional safety', [
    String.raw`\b(?:insulin\w*|infusion\w*|pacemakers?|ventilators?|dos(?:e|es|age|ages|ing)|chemotherap\w*|radiotherap\w*|radiation therapy|defibrillat\w*)\b`,
    // German compounds: Infusionspumpe, Dosierungsberechnung, Insulindosen, Strahlentherapie.
    String.raw`\binsulin\w*|\binfusion\w*|\bdosier\w*|\bdosis\w*|\bdosen\b|\bstrahlentherap\w*|\bherzschrittmacher\w*|\bbeatmung\w*`,
    String.raw`\b(?:insulina|marcapasos|radioterapia|quimioterapia|respiradores?|desfibrilador\w*|bombas? de infusion)\b`,
    String.raw`\b(?:stimulateurs? cardiaques?|radiotherapie|chimiotherapie|respirateurs?|defibrillateur\w*|pompes? a (?:insuline|perfusion))\b`,
    // Session 21: opioid and syringe pumps, and what such a pump delivers (4 languages): "le débit de la pompe à morphine".
    String.raw`\b(?:morphin\w*|morfina|opioid\w*|opioide?s?|opiace\w*|pca pumps?|syringe pumps?|spritzenpump\w*|perfusor\w*|bombas? de (?:morfina|jeringa|analgesia)|pompes? a (?:morphine|seringue|analgesie)|pousse-seringues?)\b`,
    String.raw`\b(?:iec ?62304|iec ?61508|iso ?13485|iso ?14971|iso ?26262|do-?178\w*|asil ?[a-d]\b|sil ?[1-4]\b|fda (?:510|clearance|submission|class)|class (?:ii|iii|2|3) (?:medical )?devices?|medical devices?)`,
    String.raw`\b(?:medizinprodukt\w*|dispositivos? medicos?|productos? sanitarios?|dispositifs? medicaux|dispositif medical)\b`,
    // Session 19: a dose unit mixed up (mg for mcg / µg), in any language's unit words.
    String.raw`\b(?:mg|milligram\w*|milligramm\w*|miligramos?|milligrammes?)\b[^.?!\n]{0,40}\b(?:mcg|µg|ug|microgram\w*|mikrogramm\w*|microgramos?|microgrammes?)\b|\b(?:mcg|µg|microgram\w*|mikrogramm\w*|microgramos?|microgrammes?)\b[^.?!\n]{0,40}\b(?:mg|milligram\w*|milligramm\w*|miligramos?|milligrammes?)\b`,
    // Railway signalling and crossings: code that decides when a barrier closes or a signal clears (4 languages).
    String.raw`\b(?:level crossings?|railway signal\w*|interlockings?|bahnubergang\w*|schrankensteuerung\w*|stellwerk\w*|pasos? a nivel|enclavamientos?|passages? a niveau|postes? d'aiguillage)\b`,
  ]),
  // Holes described instead of named: "the search box puts what you type straight into the SQL string",
  // "../ in the file name", "the JWT check passes without a signature", "the reset token never expires".
  // The classic vulnerability classes (injection, path traversal, broken authentication) are security
  // breaches whatever words the user picks. The class's name alone is left to the model ("explain SQL
  // injection" is a lesson), and a lesson about one ("explain what happens with ../ in a path") is a topic.
  rail('security hole', [
    // Requests or callbacks replayed to us, and a nonce or IV used twice: holes told by what happens (4 languages).
    String.raw`\breplay(?:ed|ing)?\b[^.?!\n]{0,30}\b(?:callbacks?|webhooks?|requests?|tokens?|messages?|payloads?)\b|\b(?:callbacks?|webhooks?|requests?|messages?|payloads?)\b[^.?!\n]{0,30}\breplayed\b|\breplay attacks?|\breplay-?angriff\w*|\bataques? de repeticion|\battaques? par rejeu|\brejou\w*`,
    String.raw`\b(?:nonce|iv) reuse|\bverwende\w* (?:den|die|das|denselben|dieselbe|dasselbe) (?:iv|nonce)\b[^.?!\n]{0,40}\bwieder\b|\breus\w* (?:the |a |an |same )?(?:nonce|iv)s?\b|\b(?:nonce|iv)\b[^.?!\n]{0,30}\b(?:reused|twice|mehrfach|wiederverwend\w*|dos veces|reutiliz\w*|reusamos|deux fois|reutilis\w*)|\b(?:reutiliz\w*|reusamos|reusar|wiederverwend\w*|reutilis\w*) (?:el |la |le |den |die |das )?(?:nonce|iv)\b`,
    // An OAuth/OIDC flow whose state, nonce or redirect is not checked: login CSRF and token theft.
    String.raw`\b(?:oauth2?|oidc|openid(?: connect)?|sso)\b[^.?!\n]{0,80}\b(?:state|nonce|redirect_?uri)\b`,
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
  HARD_REASONING,
];
