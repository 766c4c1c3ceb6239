/** A kind of secret and how to find it in text. */
export interface SecretPattern {
  kind: string;
  /** Human name used in verdicts, e.g. "AWS access key id". */
  label: string;
  /**
   * Global regex; group `value` (or the whole match) is the secret itself, used for redaction. An
   * optional group `body` is the random part that `randomBody` judges (a Twitter bearer token starts
   * with a run of `A`s that is format, not filler).
   */
  re: RegExp;
  /**
   * Literals (case-sensitive) of which one must occur for the regex to possibly match, or a cheap
   * case-insensitive regex. Checking them first keeps a scan of a clean 8 KB prompt to microseconds.
   */
  hints: string[] | RegExp;
  /** Generic keyword patterns also require a random-looking value (see PrivacyGuard). */
  needsEntropy?: boolean;
  /** Ignore obvious placeholders such as `password` or `${DB_PASS}` in documentation. */
  skipPlaceholders?: boolean;
  /** Prefix tokens: the body must not be a placeholder such as `ghp_xxxx…` (see PrivacyGuard). */
  randomBody?: boolean;
  /** A last check on the value (and the whole match), e.g. that base64 decodes to `user:password`. */
  validate?: (value: string, match: RegExpMatchArray) => boolean;
}
