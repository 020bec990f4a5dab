// Every tuning knob of the pipeline, named, in one place, each with the reason for its value. A flat list of
// exported constants grouped by stage; code imports the knob it needs, never repeats its number.

// ---- ingest: which language an article is written in ---------------------------------------------------------

/**
 * Fewer letters than this and the script counts say nothing (a bare headline, a list of codes): the page's
 * declared language decides, else English. Twenty letters are a short Korean or Japanese sentence.
 */
export const LANGUAGE_MIN_LETTERS = 20;
/**
 * How many Latin letters one Hangul syllable, kana or kanji stands for when scripts are weighed against each
 * other: a news sentence translated from English to Korean or Japanese takes about a third as many characters
 * as it had letters.
 */
export const CJK_LETTER_WEIGHT = 3;
/**
 * Share of the weighed letters that must be Hangul (ko) or kana and kanji (ja) for an article to be read as
 * Korean or Japanese. A third leaves room for what Korean and Japanese pages carry in English (acronyms like
 * ICBM and KN-23, a wire photo's English caption), while an English report quoting a Korean or Japanese
 * name stays far below it.
 */
export const LANGUAGE_SCRIPT_SHARE = 1 / 3;

// ---- extract: which sentences and dates count -------------------------------------------------------------

/** An article whose launch date lies this many days before publication retells history: not a launch report. */
export const STALE_REPORT_DAYS = 30;
/** A stale article is judged "not a report" with this confidence: the date rule is strong but not certain. */
export const STALE_REPORT_CONFIDENCE = 0.7;
/** Launch sentences after this many (0-based index) may date the launch only with a date near publication. */
export const LATE_LAUNCH_SENTENCE = 6;
/** "Near publication" for such late sentences: within a week either side. */
export const LATE_DATE_WINDOW_DAYS = 7;
/** An explicit date in the first launch sentences goes first when it is this many days before publication… */
export const PLAUSIBLE_LAUNCH_DAYS_BEFORE = 7;
/** …or at most this many days after (a UTC- or US-dated report of a morning launch in Asia). */
export const PLAUSIBLE_LAUNCH_DAYS_AFTER = 1;
/** "The first launch sentences": how many of them an explicit date may come from to beat a weekday. */
export const OPENING_LAUNCH_SENTENCES = 3;
/** The actor is read from this many launch sentences (and, failing that, tallied over this many units). */
export const ACTOR_SENTENCES = 4;
/** An explicit date more than this many days from the main launch anchors its sentence on another launch. */
export const OTHER_DATE_DAYS = 2;
/** A weekday more than this many days from the main launch anchors its sentence on another launch. */
export const OTHER_WEEKDAY_DAYS = 1;
/** A body sentence shorter than this many words is page furniture, not the lead ("ARSTECHNICA.COM"). */
export const LEAD_MIN_WORDS = 6;
/** The lead is this many opening body sentences. */
export const LEAD_SENTENCES = 2;

// ---- extract: claim confidence ---------------------------------------------------------------------------

/** Base confidence per parser: how often that parser's value was right for the main launch when tuned. */
export const BASE_CONFIDENCE = {
  dateExplicit: 0.9,
  dateInferred: 0.8,
  publicationDate: 0.6,
  time: 0.8,
  length: 0.75,
  countNumeric: 0.8,
  countPlural: 0.6,
  countExact: 0.7,
  countImplied: 0.5,
  classSpecific: 0.8,
  classBallistic: 0.7,
  name: 0.75,
  siteStrong: 0.8,
  siteWeak: 0.6,
  landingLand: 0.7,
  landingSea: 0.75,
  eez: 0.8,
  bearing: 0.7,
} as const;
/** How much one signal (a hedge, a late sentence, an official source) moves a claim's confidence. */
export const CONFIDENCE_NUDGE = 0.1;
/** Sentences after this index more often speak of something else: their claims lose one nudge. */
export const LATE_SENTENCE_INDEX = 12;
/** Confidence never reaches certainty nor zero: every claim stays a claim. */
export const CONFIDENCE_FLOOR = 0.05;
export const CONFIDENCE_CEILING = 0.95;
/** Agency kinds whose word raises a claim's confidence: the primary sources of launch facts. */
export const OFFICIAL_AGENCY_KINDS: ReadonlySet<string> = new Set(['military', 'government', 'coast-guard', 'state-media']);
/**
 * Sentences in the writer's own arguing voice (rhetorical questions, "which is why …", "one could say …") that make
 * an article commentary hung on a launch rather than the report of it: one can slip into a news story, two do not.
 */
export const COMMENTARY_MIN_SENTENCES = 2;
/** Report decision confidences: headline and lead agree, one of them reports, neither does. */
export const REPORT_CONFIDENCE = { both: 0.95, one: 0.75, neither: 0.8 } as const;

// ---- extract: look-around windows (characters) -----------------------------------------------------------

/** How far before a clock time its event word (firing, landing, warning) is looked for. */
export const TIME_EVENT_LOOKBACK = 120;
/** A bracketed UTC gloss must start within this many characters after the time it restates. */
export const TIME_GLOSS_GAP = 6;
/** North Korean state media are recognised by a dateline or byline within this many opening characters. */
export const STATE_MEDIA_DATELINE_CHARS = 400;
/** How far before an actor name "fired … by" is looked for. */
export const ACTOR_PASSIVE_LOOKBACK = 45;
/** How far before an actor name "launched from" is looked for. */
export const ACTOR_ORIGIN_LOOKBACK = 40;
/** How far after an actor name "'s military", "'s launch" are looked for. */
export const ACTOR_AFTER_CHARS = 25;
export const ACTOR_POSSESSIVE_CHARS = 40;
/** How far after an actor "said", "reports" are looked for. */
export const ACTOR_SAYS_CHARS = 12;
/** Context read around a sea name to tell a landing area from a coast or a region. */
export const SEA_BEFORE_CHARS = 40;
export const SEA_AFTER_CHARS = 25;
/** Context read around a place name to tell a launch site from a government. */
export const PLACE_BEFORE_CHARS = 40;
export const PLACE_AFTER_CHARS = 20;

// ---- knowledge --------------------------------------------------------------------------------------------

/** Two sites closer than this are the same place for consensus and reference alignment. */
export const SAME_SITE_KM = 50;

// ---- resolve ----------------------------------------------------------------------------------------------

/**
 * Below this confidence a value is left out of predictions: a wrong value costs more than a missing one.
 * (The claim is still stored and shown, with its confidence.)
 */
export const MIN_CONFIDENCE = 0.45;
/**
 * The fit an undated report needs to join an event: the weekday and two agreeing details, or the weekday and an
 * exact figure or time. One loosely agreeing distance is not enough: many launches fly 300–400 km on a Wednesday.
 */
export const JOIN_SCORE = 3;
/** Two launch times this close (minutes) are one salvo ("between 8:10 and 9:20" lasts about an hour). */
export const SAME_SALVO_MINUTES = 45;
/**
 * How much a claim weighs by who said it: the primary sources (militaries, governments, coast guards) most, state
 * media a little less (they report their own launches, with their own spin), wires and outlets retelling least.
 */
export const AGENCY_WEIGHT: Readonly<Record<string, number>> = {
  military: 1,
  government: 1,
  'coast-guard': 1,
  'state-media': 0.9,
  person: 0.8,
  wire: 0.7,
  outlet: 0.5,
};
/** A claim nobody is named for weighs like an outlet's. */
export const UNATTRIBUTED_WEIGHT = 0.5;

// ---- resolve: impact estimate -----------------------------------------------------------------------------

/** A compass word names one of 16 points: the true bearing lies within half a point either side. */
export const BEARING_SPREAD_TEXT = 22.5;
/** A landing sea gives a rough direction only: a quarter of the compass either side. */
export const BEARING_SPREAD_LANDING = 45;
/** Earlier launches from the same site scatter about this much around their mean bearing. */
export const BEARING_SPREAD_REFERENCE = 30;
/** Reported distances are rounded ("about 600 km"): ±10 % around the range of figures reported. */
export const DISTANCE_SPREAD = 0.1;
/** The flight path is drawn with one step per this many kilometres. */
export const PATH_STEP_KM = 50;
/** The impact sector's arc is drawn with one step per this many degrees. */
export const SECTOR_STEP_DEG = 5;

// ---- extract: Japanese ----------------------------------------------------------------------------------

/**
 * A Japanese body sentence shorter than this many characters is page furniture, not the lead (Japanese has no
 * spaces to count words by; a one-line lead of a launch report runs to forty characters or more).
 */
export const LEAD_MIN_CHARS_CJK = 15;
/**
 * A round hour (正午ごろ, 午前8時ごろ) within this many minutes of a time stated to the minute (午後0時13分) is the
 * same moment rounded: the precise time is the launch time.
 */
export const ROUND_HOUR_SAME_LAUNCH_MINUTES = 30;

// ---- knowledge: generated spellings ----------------------------------------------------------------------------

/**
 * A Latin letter run of a designation is romanised Korean (and gets its eo/o/u, k/g, p/b, ch/j variants) only when
 * it is at least this long: "Hwasong", "Pukguksong" and "Musudan" are words, while "KN", "DF", "K" or "JL" are
 * codes whose letters must match as written ("G-4" is not "K-4").
 */
export const ROMANISED_WORD_MIN_LETTERS = 4;

/** How far before a class phrase a denial or a doubt is looked for ("not consistent with an …"): a short clause. */
export const CLASS_BEFORE_CHARS = 70;
