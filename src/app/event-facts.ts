// What a stored event says by itself, without the store or the knowledge tables: its count as people say it and
// whether it is disputed. Apart from event-view.ts so that `salvo events` loads neither that module's imports
// (the copy detector, geodesics) nor anything else it does not print.
import type { LaunchEvent } from '../types.js';
import { FIELD_NAMES } from '../types.js';

/** Count as people say it: "2", "≥2". */
export function countText(ev: LaunchEvent): string {
  const n = ev.fields.count_min.value;
  if (n === null) return '–';
  return ev.fields.count_exact.value === true ? String(n) : `≥${n}`;
}

/** Independent sources disagree on a field, or the reports disagree with the reference list. */
export const isDisputed = (e: LaunchEvent): boolean => FIELD_NAMES.some((f) => e.fields[f].disputed) || (e.reference?.differences.length ?? 0) > 0;
