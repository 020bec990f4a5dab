// Bearing rule: the compass direction of the flight, in degrees clockwise from true north.
// Reads a motion word or "toward" followed by a compass word in main launch sentences ("flew 600 km east",
// "fired toward the northeast", "headed east-northeast", "in an easterly direction", "missiles eastward"). Not a
// coast, a sea or a place ("the east coast", "toward the East Sea", "east of Wonsan"): those are landing and site.
// The first direction stated wins.
import { BASE_CONFIDENCE } from '../../settings.js';
import type { Phrases } from '../phrases.js';
import { type ClaimCandidate, firstOnly, inMain, mainUnits, NO_CANDIDATES, type Parser, type Rule } from '../rule.js';

// "north-east" and "north east" are "northeast".
const SPACES = /\s+/g;
const SPLIT_INTERCARDINAL = /^(north|south)-(east|west)$/;

/** Degrees for a compass word ("northeast" → 45), or null. */
export function compassBearing(words: string, p: Phrases): number | null {
  const key = words.toLowerCase().replace(SPACES, '').replace(SPLIT_INTERCARDINAL, '$1$2');
  return p.compass.get(key) ?? null;
}

export const bearingRule: Rule<ClaimCandidate> = {
  name: 'direction-of-flight',
  field: 'bearing',
  scope: mainUnits,
  find(u, ctx) {
    const m = ctx.phrases.rule.flightDirection.exec(u.text);
    if (!m || !inMain(u, m.index)) return NO_CANDIDATES;
    const deg = compassBearing(m[1], ctx.phrases);
    if (deg === null) return NO_CANDIDATES;
    return [{ unit: u, field: 'bearing', value: deg, span: { start: m.index, end: m.index + m[0].length }, parser: 'compass', confidence: BASE_CONFIDENCE.bearing }];
  },
};

export const bearingParser: Parser<ClaimCandidate> = { rule: bearingRule, refiners: [firstOnly('first-stated')] };
