// chrono with gated parsers: the same parsers in the same order and the same refiners as a given Chrono, each
// parser asked first whether its pattern can match the sentence at all. chrono scans the whole sentence with every
// parser's regex (Chrono.executeParser); most of them find nothing in a dateline ("SEOUL, May 3 - ... fired ..."),
// and some are costly to try at every position (a time unit and "ago", "later"). A parser whose pattern holds
// literal anchors (knowledge patternAnchors: strings one of which every match contains, derived from the pattern's
// source) hands chrono a regex that never matches when none of them is in the sentence, after one cheap scan for
// them: chrono then finds nothing with it, exactly what the parser's own regex would find. Everything else — the
// parser's extract (inherited: the gated parser is made with Object.create), the refiners, the results — is chrono's
// own, so the readings are the same, tags included (test/extract/gated-chrono.test.ts). No refiner looks at which
// parser made a result.
import type { Chrono, Parser, ParsingContext, Refiner } from 'chrono-node';
import { MATCHES_NOTHING, patternAnchors, patternGate, WORD_BOUNDARY } from '../knowledge/index.js';
import { CHRONO_GATE_MIN_ANCHOR_CHARS } from '../settings.js';

/** A regex that never matches: sticky, so that chrono's scan tries one position only. */
const NEVER = new RegExp(MATCHES_NOTHING, 'y');

/** A gate: a regex finding a parser's anchors, with its answer for the last text it read. */
interface Gate {
  regex: RegExp;
  text: string | null;
  holds: boolean;
}

// One gate per anchor regex (source and flags): parsers with the same anchors (chrono's three month-name parsers)
// share it, and with it one scan of the sentence being parsed.
const sameGates = new Map<string, Gate>();

/**
 * The gate of a parser's regex, or null when it is not worth a scan (no anchors, or one shorter than
 * CHRONO_GATE_MIN_ANCHOR_CHARS, found in nearly every sentence).
 */
function gateOf(pattern: RegExp): Gate | null {
  const anchors = patternAnchors(pattern);
  if (anchors === null || anchors.some((a) => a.replaceAll(WORD_BOUNDARY, '').length < CHRONO_GATE_MIN_ANCHOR_CHARS)) return null;
  const regex = patternGate(pattern);
  if (regex === null) return null;
  const key = `${regex.flags}/${regex.source}`;
  let gate = sameGates.get(key);
  if (!gate) sameGates.set(key, (gate = { regex, text: null, holds: false }));
  return gate;
}

/** Whether the gate finds an anchor in the text: one scan per text (chrono asks every parser of one text in a row). */
function holds(gate: Gate, text: string): boolean {
  if (gate.text !== text) {
    gate.text = text;
    gate.holds = gate.regex.test(text);
  }
  return gate.holds;
}

/** The parser, asked first whether its pattern can match the context's text (see the header). */
function gated(parser: Parser): Parser {
  const wrapped: Parser = Object.create(parser) as Parser;
  // The parser's own regex for a context (chrono parsers may build it from the context) and its gate, made when
  // the regex is new.
  let known: RegExp | null = null;
  let gate: Gate | null = null;
  wrapped.pattern = (context: ParsingContext): RegExp => {
    const pattern = parser.pattern(context);
    if (pattern !== known) {
      known = pattern;
      gate = gateOf(pattern);
    }
    return gate === null || holds(gate, context.text) ? pattern : NEVER;
  };
  return wrapped;
}

/** What a Chrono is made of (chrono's Configuration). */
type ChronoClass = new (configuration: { parsers: Parser[]; refiners: Refiner[] }) => Chrono;

/** A Chrono of the same class reading as `chrono` does: its parsers gated, in the same order, and its refiners (see the header). */
export function gatedChrono(chrono: Chrono): Chrono {
  const make = chrono.constructor as ChronoClass;
  return new make({ parsers: chrono.parsers.map(gated), refiners: [...chrono.refiners] });
}
