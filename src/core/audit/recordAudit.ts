import { errorMessage } from '../../common/errors';
import type { Logger } from '../ports';
import type { AuditEntry, AuditSink } from './AuditLog';

/**
 * Appends a record without waiting for it: a failing audit log is logged, never the failure of the
 * operation it records (a key change, a routed request, a settings change).
 */
export function recordAudit(audit: AuditSink | undefined, entry: AuditEntry, logger: Pick<Logger, 'warn'> | undefined): void {
  audit?.append(entry).catch((e: unknown) => logger?.warn(`audit log: could not write a ${entry.type} record (${errorMessage(e)})`));
}
