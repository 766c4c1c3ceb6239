import type { Logger } from '../../ports';
import { EldLanguageIdentifier } from './EldLanguageIdentifier';
import { KnownApis } from './KnownApis';
import { QualityGate } from './QualityGate';
import { TreeSitterSyntax } from './TreeSitterSyntax';

/** The quality gate with every checker (grammars from node_modules, language and API data loaded on first use). */
export function defaultQualityGate(logger: Logger): QualityGate {
  return new QualityGate({
    syntax: new TreeSitterSyntax({ logger }),
    naturalLanguage: () => EldLanguageIdentifier.load(),
    knownApis: () => KnownApis.load(),
    logger,
  });
}
