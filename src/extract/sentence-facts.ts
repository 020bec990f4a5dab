// Sentence facts: the first match of each phrase pattern the role classifier, the launch test and the site rule
// read in a whole sentence, each found at most once per sentence. Those readers ask the same questions of the
// same sentence several times (the launch test, the first-pass role, the second-pass role once the main date is
// known, the site rule's scope); the answers depend on the words alone, so they are remembered for the sentences
// of the article being read (the memo is cleared when the next article's context is made).
import { anchorGate, anchorRegex, type Locale, RecentTexts, sharedGate } from '../knowledge/index.js';
import { SENTENCE_FACTS_RECENT } from '../settings.js';
import { opensText, type Phrases, phraseAnchors, phrases } from './phrases.js';
import { groupGate } from './rule-group.js';

/** The phrase patterns whose first match in a whole sentence is remembered (all non-global, so `exec` is pure). */
export const FACT_PATTERNS = ['launchVerb', 'launchNoun', 'missileNoun', 'notLaunch', 'generic', 'earlier', 'future', 'capability', 'flightVerb', 'frontedDayBefore'] as const;
export type FactPattern = (typeof FACT_PATTERNS)[number];

const patternOf = (p: Phrases, name: FactPattern): RegExp => (name === 'frontedDayBefore' ? p.rule.frontedDayBefore : p[name]);

// A pattern with a lookbehind is tried by the regex engine at every position of a sentence, and costs several
// times the scan for its literal anchors, which most sentences lack; for the others the anchor scan costs about
// what the pattern does (measured on the launch-report stream), so they run as they are.
const LOOKBEHIND = /\(\?<[=!]/;
const gated = (re: RegExp): boolean => LOOKBEHIND.test(re.source);

// The fact patterns' literal anchors are phrases' phraseAnchors: for one compiled from a table's rows, the union of
// each row's, which keep the word boundary in front of each phrase ("\bcome ", not "come", which is in "welcome"
// and "income"), so the gates let through far fewer sentences that hold no phrase (on the launch-report stream the
// shared gate let 20 % of the sentences through, now 7 %: those that state the launch).

/** Each fact pattern's place in FACT_PATTERNS, for the per-sentence arrays. */
const FACT_INDEX = Object.fromEntries(FACT_PATTERNS.map((name, i) => [name, i])) as Readonly<Record<FactPattern, number>>;

/**
 * A locale's fact patterns as the sentences read them, made once per locale's phrases: each pattern, whether it
 * is tried only where its own anchors are (gated), and one scan for the anchors of all of them (knowledge
 * sharedGate): most sentences of a long article hold none, and then none of the patterns it covers is run there.
 */
interface FactsReader {
  patterns: RegExp[];
  /** Per pattern: the regex of its own anchors when it is gated (it has a lookbehind and anchors), else null. */
  gates: (RegExp | null)[];
  shared: RegExp | null;
  /** The anchors the shared regex finds (of the covered patterns). */
  sharedAnchors: readonly string[];
  covered: boolean[];
  /**
   * The regex of the shared anchors and of the rule group's anchors that hold none of them (rule-gates.ts: the
   * rest), one scan for both (SentenceFacts.anchoredWide); null when the rest cannot be read as one regex.
   */
  wide: RegExp | null;
}
const readers = new WeakMap<Phrases, FactsReader>();

/**
 * A pattern that holds only at the start of the text ("^…" without the 'm' flag: frontedDayBefore) is tried by the
 * regex engine at the first position only, and costs less than its anchors' part in the shared scan, where they are
 * tried at every position (the fronted-day phrases follow "^\s*", so their anchors have no word boundary in front):
 * it is left out of the shared gate and run as it is.
 */
const opensTheText = (re: RegExp): boolean => !re.flags.includes('m') && opensText(re.source);

/**
 * The anchors of `anchors` that hold none of `found`: a text with one of the others holds one of `found` (each
 * character of an anchor, and a word boundary marked in it, reads the text the same wherever it stands).
 */
const notHolding = (anchors: readonly string[], found: readonly string[]): string[] => anchors.filter((a) => !found.some((f) => a.includes(f)));

function readerOf(p: Phrases): FactsReader {
  let r = readers.get(p);
  if (!r) {
    const patterns = FACT_PATTERNS.map((name) => patternOf(p, name));
    const shared = sharedGate(patterns.filter((re) => !opensTheText(re)), false, phraseAnchors);
    const gates = patterns.map((re) => (gated(re) ? anchorGate(phraseAnchors(re), re) : null));
    const rest = notHolding(groupGate(p).anchors, shared.anchors);
    // Read by class (knowledge anchorRegex): the scan of every sentence, where that form is the faster one.
    const wide = anchorRegex([...shared.anchors, ...rest], 'i', 'class');
    r = { patterns, gates, shared: shared.regex, sharedAnchors: shared.anchors, covered: patterns.map((re) => shared.covered.has(re)), wide };
    readers.set(p, r);
  }
  return r;
}

/** What the phrase patterns find in one sentence, each pattern run on first use only. */
export class SentenceFacts {
  /**
   * Bit i set: the fact pattern FACT_INDEX i has been run on the sentence (FACT_PATTERNS has fewer than 32). A
   * number, not a list of answers made for every sentence: most sentences match no pattern, and their answers are
   * all null.
   */
  private asked = 0;
  /** Per fact pattern (FACT_INDEX), its first match; made at the sentence's first match, a hole for none. */
  private matches: RegExpExecArray[] | undefined;
  private readonly reader: FactsReader;
  /** Whether the sentence holds an anchor of some pattern the shared gate covers, once asked. */
  private anyAnchor: boolean | undefined;
  /** Whether the wide scan (FactsReader wide) finds an anchor in the sentence, once asked. */
  private anyWide: boolean | undefined;
  /** The rule gates' answer for the sentence (rule-gates.ts), kept with its facts: undefined until asked. */
  rulesMayHold: boolean | undefined;

  constructor(
    readonly text: string,
    p: Phrases,
  ) {
    this.reader = readerOf(p);
  }

  /** The first match of the pattern in the sentence, or null (the same array on every call: do not change it). */
  first(name: FactPattern): RegExpExecArray | null {
    const i = FACT_INDEX[name];
    const bit = 1 << i;
    if ((this.asked & bit) !== 0) return this.matches?.[i] ?? null;
    this.asked |= bit;
    const r = this.reader;
    const re = r.patterns[i];
    const gate = r.gates[i];
    const mayMatch = !r.covered[i] || this.anchored();
    const m = mayMatch && (gate === null || gate.test(this.text)) ? re.exec(this.text) : null;
    if (m !== null) (this.matches ??= [])[i] = m;
    return m;
  }

  /**
   * Whether the sentence holds some anchor of the fact patterns the shared gate covers (factAnchors): once. The
   * wide scan is asked first: its anchors hold the shared ones, so a sentence in which it finds none (most of a
   * launch report's) holds none of those, and the shared scan is made only for the others.
   */
  anchored(): boolean {
    return (this.anyAnchor ??= this.reader.shared !== null && this.anchoredWide() && this.reader.shared.test(this.text));
  }

  /**
   * Whether the sentence may hold an anchor of the shared scan or of the rule group (rule-gates.ts): the facts'
   * anchors and the group's that hold none of them, in one scan, once (true when they cannot be read as one regex).
   * On the launch-report stream this one scan of each sentence costs about three quarters of the two it answers
   * for (the facts' scan, then the group's rest where it found nothing), and the facts' own scan is then made for
   * the few sentences it finds something in.
   */
  anchoredWide(): boolean {
    return (this.anyWide ??= this.reader.wide === null || this.reader.wide.test(this.text));
  }

  has(name: FactPattern): boolean {
    return this.first(name) !== null;
  }
}

/**
 * The anchors the facts' shared scan finds (SentenceFacts.anchored) in a locale: a sentence for which it says no
 * holds none of them.
 */
export const factAnchors = (locale: Locale): readonly string[] => readerOf(phrases(locale)).sharedAnchors;

/** Per locale: the sentences' facts remembered, and how a sentence's are made (one function, not one per call). */
const recent = new Map<Locale, { memo: RecentTexts<SentenceFacts>; make: (text: string) => SentenceFacts }>();

/** The facts of a sentence in a locale: remembered while the article is read (up to SENTENCE_FACTS_RECENT sentences). */
export function factsOf(text: string, locale: Locale = 'en'): SentenceFacts {
  let facts = recent.get(locale);
  if (!facts) recent.set(locale, (facts = { memo: new RecentTexts(SENTENCE_FACTS_RECENT), make: (t) => new SentenceFacts(t, phrases(locale)) }));
  return facts.memo.get(text, facts.make);
}

/** Forgets every sentence: called when an article's context is made, so the memo holds one article's sentences. */
export function forgetSentenceFacts(): void {
  for (const { memo } of recent.values()) memo.clear();
}
