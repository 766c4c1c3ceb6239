import type { OllamaModelInfo } from '../llm/ollama/OllamaTypes';

/** One line about an installed model for a picker, e.g. `4.7 GB · 8.0B parameters · Q4_0`. */
export function describeOllamaModel(m: OllamaModelInfo): string {
  const parts = [formatBytes(m.sizeBytes)];
  if (m.parameterSize) parts.push(`${m.parameterSize} parameters`);
  if (m.quantization) parts.push(m.quantization);
  return parts.filter((p) => p !== '').join(' · ');
}

/** Decimal units, as `ollama list` prints them; empty for a size the server did not report. */
export function formatBytes(bytes: number): string {
  if (typeof bytes !== 'number' || !Number.isFinite(bytes) || bytes < 0) return '';
  if (bytes >= 1e9) return `${(bytes / 1e9).toFixed(1)} GB`;
  if (bytes >= 1e6) return `${Math.round(bytes / 1e6)} MB`;
  if (bytes >= 1e3) return `${Math.round(bytes / 1e3)} KB`;
  return `${bytes} B`;
}
