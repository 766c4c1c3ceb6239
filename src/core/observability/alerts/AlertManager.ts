import type { Clock } from '../../../common/Clock';
import { Emitter, type Event } from '../../../common/Emitter';

export type AlertSeverity = 'info' | 'warning' | 'critical';

/** A VS Code command that fixes the cause (open the budget setting, start Ollama…). */
export interface AlertFix {
  title: string;
  command: string;
  args?: unknown[];
}

/** What a firing rule reports; `undefined` from evaluate() means the condition does not hold. */
export interface AlertCondition {
  message: string;
  fix?: AlertFix;
}

export interface AlertRule {
  /** Stable id, e.g. "high-error-rate". */
  name: string;
  severity: AlertSeverity;
  evaluate(): AlertCondition | undefined;
}

export interface Alert {
  id: string;
  rule: string;
  severity: AlertSeverity;
  message: string;
  fix?: AlertFix;
  /** Epoch ms. */
  firedAt: number;
  acknowledged: boolean;
}

export interface AlertManagerOptions {
  clock: Clock;
  /** A rule that fired does not fire again for this long (the seed's 300 s); read at each evaluation. */
  cooldownMs: number | (() => number);
}

const SEVERITY_ORDER: Record<AlertSeverity, number> = { critical: 0, warning: 1, info: 2 };

/**
 * Rule-based alerting (seed Phase 11.2): rules are evaluated on demand (after each request and on a
 * timer, by the caller); a rule whose condition holds raises one alert, which stays active until its
 * condition clears or the user acknowledges it, and the same rule is not raised again within the
 * cooldown. Everything runs on the injected clock.
 */
export class AlertManager {
  private readonly rules = new Map<string, AlertRule>();
  private readonly alerts = new Map<string, Alert>();
  private readonly lastFired = new Map<string, number>();
  private readonly fired = new Emitter<Alert>();
  private readonly changed = new Emitter<void>();
  private seq = 0;
  /** A new alert was raised (notifications, webhook). */
  readonly onDidFire: Event<Alert> = this.fired.event;
  /** The active list changed (status bar colour, dashboard). */
  readonly onDidChange: Event<void> = this.changed.event;

  constructor(private readonly options: AlertManagerOptions) {}

  register(rule: AlertRule): void {
    if (this.rules.has(rule.name)) throw new Error(`An alert rule named "${rule.name}" is already registered.`);
    this.rules.set(rule.name, rule);
  }

  /** Evaluates every rule once; returns the alerts raised by this evaluation. */
  evaluate(): Alert[] {
    const now = this.options.clock.now();
    const c = this.options.cooldownMs;
    const cooldown = typeof c === 'function' ? c() : c;
    const raised: Alert[] = [];
    let changed = false;
    for (const rule of this.rules.values()) {
      let condition: AlertCondition | undefined;
      try {
        condition = rule.evaluate();
      } catch {
        continue; // a broken rule must not stop the others
      }
      const current = this.alerts.get(rule.name);
      if (!condition) {
        if (current) {
          this.alerts.delete(rule.name); // resolved
          changed = true;
        }
        continue;
      }
      if (current) continue; // still active (acknowledged or not): no repeat
      const last = this.lastFired.get(rule.name);
      if (last !== undefined && now - last < cooldown) continue;
      const alert: Alert = {
        id: `${rule.name}-${++this.seq}`,
        rule: rule.name,
        severity: rule.severity,
        message: condition.message,
        firedAt: now,
        acknowledged: false,
      };
      if (condition.fix) alert.fix = condition.fix;
      this.alerts.set(rule.name, alert);
      this.lastFired.set(rule.name, now);
      raised.push(alert);
      changed = true;
    }
    for (const a of raised) this.fired.fire(a);
    if (changed) this.changed.fire();
    return raised;
  }

  /** Unacknowledged alerts whose condition still held at the last evaluation, most severe first. */
  active(severity?: AlertSeverity): Alert[] {
    return [...this.alerts.values()]
      .filter((a) => !a.acknowledged && (severity === undefined || a.severity === severity))
      .sort((a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] || a.firedAt - b.firedAt);
  }

  /** Marks an alert as seen: it leaves the active list and is not raised again while its condition holds. */
  acknowledge(id: string): boolean {
    for (const a of this.alerts.values()) {
      if (a.id === id && !a.acknowledged) {
        a.acknowledged = true;
        this.changed.fire();
        return true;
      }
    }
    return false;
  }

  dispose(): void {
    this.fired.dispose();
    this.changed.dispose();
  }
}
