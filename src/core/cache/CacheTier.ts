/**
 * A second, shared cache tier behind the in-memory one (Redis today). Values are opaque strings.
 * Contract: a tier NEVER throws and never makes a request fail; when it is down or slow it answers
 * "miss" / does nothing, and reports that through its own state.
 */
export interface CacheTier {
  readonly name: string;
  /** True while the tier is in use (not degraded or closed). */
  readonly healthy: boolean;
  get(key: string): Promise<string | undefined>;
  set(key: string, value: string, ttlMs: number): Promise<void>;
  /** Deletes entries whose key matches a glob (`*`, `?`, `[...]`); returns how many were deleted. */
  invalidatePattern(pattern: string): Promise<number>;
  close(): Promise<void>;
}
