import type { IDisposable } from '../../common/Disposable';
import type { Event } from '../../common/Emitter';
import type { AuditSink } from '../audit/AuditLog';
import { recordAudit } from '../audit/recordAudit';
import type { JarvisSettings } from '../config/settings';
import type { Logger } from '../ports';
import { egressWidenings } from './egressWidenings';

/**
 * Writes a `settings-widened-egress` audit record whenever a settings change lets more leave the
 * machine (see egressWidenings), compared with the settings in force before that change.
 */
export function auditEgressSettings(
  settings: { readonly current: JarvisSettings; readonly onDidChange: Event<JarvisSettings> },
  audit: AuditSink,
  logger: Logger,
): IDisposable {
  let before = settings.current;
  return settings.onDidChange((after) => {
    const changes = egressWidenings(before, after);
    before = after;
    if (changes.length === 0) return;
    recordAudit(
      audit,
      { type: 'settings-widened-egress', severity: 'warning', message: `settings widen what may leave this machine: ${changes.join('; ')}`, data: { changes } },
      logger,
    );
  });
}
