/** Imported first by the workload bench, before any module can capture the timer globals (see virtualTime). */
import { installVirtualTime } from './virtualTime';

export const virtualTime = installVirtualTime();
