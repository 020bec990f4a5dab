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

/**
 * The gate of a parser's regex: a regex finding one of its anchors, or null when it is not worth a scan (no
 * anchors, or one shorter than CHRONO_GATE_MIN_ANCHOR_CHARS, found in nearly every sentence). Made once per regex.
 */
const gates = new WeakMap<RegExp, RegExp | null>();
// One gate regex per source and flags: parsers with the same anchors (chrono's three month-name parsers) share it,
// and with it the answer for the sentence being parsed.
const sameGates = new Map<string, RegExp>();
function gateOf(pattern: RegExp): RegExp | null {
  let gate = gates.get(pattern);
  if (gate === undefined) {
    const anchors = patternAnchors(pattern);
    const telling = anchors !== null && anchors.every((a) => a.replaceAll(WORD_BOUNDARY, '').length >= CHRONO_GATE_MIN_ANCHOR_CHARS);
    const made = telling ? patternGate(pattern) : null;
    gate = made === null ? null : sharedAs(made);
    gates.set(pattern, gate);
  }
  return gate;
}

/** The one gate regex of a source and flags. */
function sharedAs(gate: RegExp): RegExp {
  const key = `${gate.flags}/${gate.source}`;
  const known = sameGates.get(key);
  if (known) return known;
  sameGates.set(key, gate);
  return gate;
}

// The gates' answers for the sentence being parsed (chrono asks every parser's pattern of one text in a row).
let answeredText: string | null = null;
const answers = new Map<RegExp, boolean>();

/** Whether the gate finds an anchor in the text: scanned once per gate and text. */
function gateHolds(gate: RegExp, text: string): boolean {
  if (text !== answeredText) {
    answeredText = text;
    answers.clear();
  }
  let found = answers.get(gate);
  if (found === undefined) answers.set(gate, (found = gate.test(text)));
  return found;
}

/** The parser, asked first whether its pattern can match the context's text (see the header). */
function gated(parser: Parser): Parser {
  const wrapped: Parser = Object.create(parser) as Parser;
  wrapped.pattern = (context: ParsingContext): RegExp => {
    // The parser's own regex for this context (chrono parsers may build it from the context), and its gate.
    const pattern = parser.pattern(context);
    const gate = gateOf(pattern);
    return gate === null || gateHolds(gate, context.text) ? pattern : NEVER;
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
