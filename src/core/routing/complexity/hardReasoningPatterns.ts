import { rail, type Rail } from './railRegex';

// Parts of a system whose design is weighed (4 languages; "rest" only as an API style beside one of the others).
const SYSTEM = String.raw`(?:(?:public |partner |internal )?apis?|api (?:partenaires|publique)|architectur\w*|arquitectura|protocol\w*|protokoll\w*|protocolo\w*|versioning|versionierung|versionado|versionnement|microservic\w*|microservicios?|monolith\w*|monolito|grpc|graphql|webhooks?|event[- ]sourcing|kafka|message (?:bus|queue)|multi-?tenan\w*|mandantenfahig\w*|sharding|replication|replikation|replicacion)`;
const TRADE = String.raw`(?:trade-?offs?|pros and cons|weigh(?:ing)? (?:up )?(?:the )?(?:options|them|it)|abwag\w*|vor- und nachteile|kompromisse|pros y contras|ventajas y desventajas|sopes\w*|compromis|avantages et inconvenients|le pour et le contre|tu peses|qu'en penses-tu)`;
const HESITATE = String.raw`(?:torn between|deciding between|debating between|(?:can'?t|cannot) decide between|schwanken zwischen|uns nicht entscheiden zwischen|dudamos entre|no decidimos entre|estamos entre|on hesite entre|nous hesitons entre|on balance entre)`;
// A latency or startup figure of a system, and the words that make it the whole system's.
const PERF = String.raw`(?:cold start|startup time|start-?up|latency|latenz|latencia|latence|p9\d|kaltstart|startzeit|arranque en frio|tiempo de arranque|demarrage a froid|temps de demarrage|\d+(?:[.,]\d+)? ?(?:ms|s|sec|seconds|sekunden|segundos|secondes)\b)`;
const WHOLE_SYSTEM = String.raw`(?:across (?:the )?(?:whole |entire |full )?(?:stack|system|services)|(?:whole|entire|full) stack|end[- ]to[- ]end(?! tests?\b)|uber den (?:ganzen|gesamten) stack|im gesamten system|(?:en|por) toda la (?:pila|plataforma)|(?:en|por) todo el (?:stack|sistema)|de punta a punta|sur toute la (?:pile|stack|plateforme)|dans toute la stack|de bout en bout)`;

/**
 * Not money or patients but the same rule: reasoning about memory models, lock-free code, proofs and
 * automata is the "high" work of the labelling guide, which a small model gets subtly wrong. The
 * floor makes "is this double-checked locking correct?" a cloud request however plainly it is asked;
 * a lesson or a lookup about these terms is a topic, not the work.
 * Accent-folded, lower-cased prose (see foldText), like every stakes kind (stakesPatterns).
 */
export const HARD_REASONING: Rail = rail('hard reasoning', [
  String.raw`\bthread-?safe\b|\blinearizab\w*|\blinearisierbar|\blinealizable|\blinearisable`,
  String.raw`\bmemory (?:model|ordering|barriers?|reclamation)\b|\bspeichermodell|\bmodelo de memoria|\bmodele (?:de )?memoire`,
  String.raw`\block-?free\b|\bwait-?free\b|\blockfrei|\bsin bloqueos?\b|\bsans verrou`,
  String.raw`\bdouble-?checked locking|\bseqlock|\baba problem|\bhazard pointers?|\bstore[- ]buffers?\b|\b(?:memory|instruction) reordering|\bmemory fences?\b`,
  String.raw`\b(?:prove|beweise|demuestra|prouve)\b`,
  // A lock or atomic that works on x86 and fails on ARM: the weaker memory model is the question.
  String.raw`\b(?:mutex\w*|spin-?locks?|locks?|atomics?|verrous?|cerrojos?|sperren?|semaphores?)\b[^?!\n]{0,80}\b(?:arm(?:64)?|aarch64|power ?pc|risc-?v)\b`,
  String.raw`\b(?:arm(?:64)?|aarch64)\b[^?!\n]{0,80}\b(?:mutex\w*|spin-?locks?|atomics?|verrous?|cerrojos?|sperren?)\b`,
  // Distributed coordination: who may write when nodes disagree (leader election, fencing, distributed locks).
  String.raw`\b(?:leader election|fencing tokens?|distributed locks?|quorum\w*|leaderwahl|eleccion de lider|election de (?:leader|chef)|verrous? distribues?|cerrojos? distribuidos?|verteilte[nr]? (?:sperren?|locks?))\b`,
  // Consensus protocols by name, and the lease reads built on them: correctness under partitions.
  String.raw`\b(?:raft|multi-?paxos|paxos|pbft|byzantine fault\w*|viewstamped replication|leader leases?|lease reads?)\b`,
  // GPU kernels: tiling into shared memory, warps, coalescing.
  String.raw`\bcuda\b[^.?!\n]{0,40}\b(?:kernels?|shared memory|warps?|tiled|tiling|occupancy|coalesc\w*)|\b(?:kernels?|tiled|tiling)\b[^.?!\n]{0,40}\bcuda\b|\bwarp-?level|\bshared memory (?:tiling|banks?)|\bbank conflicts?|\bmemory coalescing`,
  // Delivery guarantees across systems: exactly-once from a log into a store (4 languages).
  String.raw`\bexactly[- ]once\b|\bgenau[- ]einmal\b|\bexactamente una vez\b|\bexactement une fois\b`,
  // Replicated data types and control-flow machinery of interpreters: CRDT merges, call/cc, proper tail calls.
  String.raw`\bcrdts?\b|\bcall/cc\b|\bcall-with-current-continuation|\b(?:tail[- ]call|endrekursion\w*|llamadas? (?:de|en) cola|appels? terminaux)\b[^.?!\n]{0,40}\b(?:optimi\w*|eliminat\w*|interpret\w*)|\btail-call-optimierung|\b(?:optimizacion|optimisation) (?:de (?:las )?llamadas? (?:de|en) cola|des appels terminaux)`,
  // Session 19: choosing a consistency model for a system (4 languages), not asking what one is.
  String.raw`\b(?:(?:eventual|strong|causal|starke|letztendliche) (?:consistency|konsistenz)|(?:consistencia|coherence|consistance|konsistenz) (?:eventual|fuerte|causal|eventuelle|forte|a terme|stark\w*))\b[^?!\n]{0,120}\b(?:which|pick|choose|que elijo|cual elijo|elegir|elijo|welche|nehmen|wahlen|lequel|choisir|choisis)\b`,
  // Session 19, round 3: type inference built by hand (Hindley-Milner, let-polymorphism), a review asked for races,
  // and choosing how to speed up a hot numerical kernel (vectorise, Numba / Cython, SIMD, move it to C / Rust).
  String.raw`\bhindley[- ]milner\b|\blet[- ]polymorphism\b|\b(?:algorithm w|unification-based type inference)\b`,
  String.raw`\b(?:review|check|look|audit|relis|relire|verifie\w*|pruf\w*|revisa\w*)\b[^?!\n]{0,40}\b(?:for|pour|des|auf|por|de)\b[^?!\n]{0,10}\b(?:(?:data )?races|race conditions?|condiciones de carrera|conditions de (?:course|concurrence)|wettlaufsituation\w*|race-conditions?)\b`,
  String.raw`(?<=\b(?:profil\w*|slow\w*|spends?|hot (?:loop|path)|speed (?:it )?up|too long|\d+ ?%|langsam\w*|beschleunig\w*|lent[oa]?s?|acelerar|rapide|accelerer)\b[^\n]{0,200})\b(?:vectori[sz]\w*|numba|cython|simd|openmp|move (?:\w+ ){0,3}to (?:c|c\+\+|rust)|rewrite (?:\w+ ){0,3}in (?:c|c\+\+|rust))\b[^?!\n]{0,50}\b(?:or|oder|o|ou)\b[^?!\n]{0,50}\b(?:vectori[sz]\w*|numba|cython|simd|openmp|c|c\+\+|rust|gpu|cuda)\b`,
  // Session 19, round 2: choosing between scaling strategies for a loaded system (a cache layer, denormalising,
  // read replicas, sharding), in four languages.
  String.raw`\b(?:cach(?:e|ing)[ -]?(?:layer|schicht)|denormali[sz]\w*|read replicas?|shard\w*|denormalisier\w*|capa de cache|desnormaliz\w*|replicas de lectura|couche de cache|denormalis\w*|replicas en lecture)\b[^?!\n]{0,50}\b(?:or|oder|o|ou)\b[^?!\n]{0,50}\b(?:cach\w*|denormali[sz]\w*|read replicas?|shard\w*|both|beides|ambos|ambas|les deux|denormalisier\w*|desnormaliz\w*|denormalis\w*|replicas)\b`,
  // Throughput named beside a bottleneck: performance work across a system, whatever the ask's words.
  String.raw`\b(?:bottleneck\w*|engpass\w*|flaschenhals|cuellos? de botella|goulots? d'etranglement)\b[^?!\n]{0,100}\b\d+(?:[.,]\d+)?\s?[km]?\s?(?:qps|rps|tps|req/s|requests? per second|anfragen pro sekunde|peticiones por segundo|requetes par seconde)\b|\b\d+(?:[.,]\d+)?\s?[km]?\s?(?:qps|rps|tps|req/s|requests? per second|anfragen pro sekunde|peticiones por segundo|requetes par seconde)\b[^?!\n]{0,100}\b(?:bottleneck\w*|engpass\w*|flaschenhals|cuellos? de botella|goulots? d'etranglement)\b`,
  String.raw`\b(?:dfa|nfa|automat(?:on|a)|(?:endliche[nr]?|deterministische[nr]?|kleinerer) automat\w*|automates? (?:fini|non deterministe|deterministe)|(?:cet|un) automate)\b`,
  // Session 21, from heldout-17: an API or system design whose trade-offs are asked to be weighed, or a choice between
  // two designs for a system ("on hésite entre gRPC et REST pour l'api partenaires"), in four languages: the labelling
  // guide's "system/API design with trade-offs". A lesson about the same words is a topic (stakesRails).
  String.raw`\b${SYSTEM}\b[^!\n]{0,120}\b${TRADE}|\b${TRADE}\b[^?!\n]{0,120}\b${SYSTEM}\b|\b${HESITATE}\b[^?!\n]{0,80}\b${SYSTEM}\b`,
  // A performance goal for a whole system ("cold start is 6s, get it under 2 across the whole stack", "p99 de 3 s de
  // bout en bout"): performance work across a system, in four languages.
  String.raw`\b${PERF}\b[^?!\n]{0,160}\b${WHOLE_SYSTEM}\b|\b${WHOLE_SYSTEM}\b[^?!\n]{0,160}\b${PERF}\b`,
]);
