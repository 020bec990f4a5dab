// Every tuning knob of the pipeline, named, in one place, each with the reason for its value. A flat list of
// exported constants grouped by stage; code imports the knob it needs, never repeats its number.

// ---- runtime ------------------------------------------------------------------------------------------------

/**
 * The oldest Node.js Salvo runs on (package.json "engines" says the same; test/engines.test.ts checks every
 * installed package admits it): vite, which builds the web app at install, needs 20.19, the release that also
 * made require() of ES modules work without a flag.
 */
export const MIN_NODE_VERSION = '20.19.0';

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
/** A dateline or page stamp is looked for in this many opening units (headline, stamp line, lead). */
export const DATELINE_UNITS = 4;
/** A body sentence shorter than this many words is page furniture, not the lead ("ARSTECHNICA.COM"). */
export const LEAD_MIN_WORDS = 6;
/** The lead is this many opening body sentences. */
export const LEAD_SENTENCES = 2;

// ---- extract: the launch prefilter (extract/prefilter.ts) ---------------------------------------------------

/**
 * The prefilter asks an article's lead, its lines up to the first line break at or after this many characters, before
 * the whole text (after the title alone): a launch report says so in its first paragraph or two, some 150 to 400
 * characters; a text whose lead passes is answered at the cost of its lead. Only the speed depends on it, never
 * the answer; a longer lead costs more on the articles it does not settle.
 */
export const PREFILTER_LEAD_CHARS = 500;

// ---- knowledge: literal anchors of the prefilter and table gates (knowledge/literal-anchors.ts) -------------

/**
 * A run of a pattern's literal parts is spelled out as all the strings it can match while there are at most this
 * many ("Hwase?ong[- ]?5" is 6, a launch verb with a few endings under 10); past it the run is cut and only its
 * most selective piece kept. Larger sets give longer anchors (fewer chance hits in ordinary text) but a longer
 * anchor regex; 64 keeps every table's anchor scan one pass of a few hundred literals.
 */
export const ANCHOR_MAX_EXACT_STRINGS = 256;

/**
 * Choosing which part of a pattern to anchor on, an anchor of this many letters (not counting common words) is
 * telling enough: past it the part with fewer anchors is chosen. Five letters ("rocket", "hwasong") are rare in
 * ordinary news; shorter ones ("top", "kn") occur in most texts and would let them through.
 */
export const ANCHOR_ENOUGH_LETTERS = 5;

/** A character class of at most this many characters ("[sd]", "[-－]", "[5５]") is spelled out; a wider one ([a-z], \\w) requires nothing. */
export const ANCHOR_MAX_CLASS_CHARS = 8;

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

/**
 * A day word this close after a zoned time is that clock's day ("23:10 GMT on Wednesday", "11:57 a.m. Hawaii
 * time today"): room for " on " and a bracket, not for another clause.
 */
export const ZONED_DAY_GAP_CHARS = 6;
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
/**
 * How many texts each knowledge table remembers the matches of (then it forgets them all and starts again):
 * extraction asks several tables about each sentence of an article several times, one rule after another, and an
 * article has a few hundred sentences at most. Forgetting bounds the memory on a stream of millions of articles.
 */
export const MATCHER_RECENT_TEXTS = 512;
/**
 * A knowledge table scans this many characters before it derives its gate (knowledge/table-gate.ts): a rental
 * before the purchase. Deriving the designation table's gate takes about 0.1 s of CPU, scanning some 25 ns a
 * character, so after 2 million characters (about 50 ms of scanning, some 500 launch reports) the table has spent
 * half the price: a long stream of launch reports gets its gates, a short run or a firehose with few launch
 * reports never pays for them (measured: deriving them late in a 2,000-article firehose cost more than it saved).
 */
export const TABLE_GATE_AFTER_CHARS = 2_000_000;
/**
 * The most states a table gate's Latin-1 automaton may have (knowledge/anchor-automaton.ts), else the gate reads
 * texts with its regex alone: the states are indexed by 16-bit numbers, and each takes two bytes per letter of
 * its alphabet (some forty), so this bounds one automaton at about 2.6 MB. The shared gate of the designation,
 * site, class, sea and EEZ tables needs about 7,000.
 */
export const ANCHOR_AUTOMATON_MAX_STATES = 32_768;
/**
 * Only texts up to this long are remembered by the knowledge tables: a sentence, the unit that is
 * asked about again and again; a whole page is read once. Bounds the memory at texts × length.
 */
export const RECENT_TEXT_MAX_CHARS = 2000;
/**
 * How many sentences the extractor's per-article memos hold (the phrase facts of src/extract/sentence-facts.ts,
 * the reference-free date readings of src/extract/dates.ts) before they forget them all: they are cleared for
 * every article, and an article has a few hundred sentences at most, so this only bounds the memory on a
 * pathological page.
 */
export const SENTENCE_FACTS_RECENT = 4096;

/**
 * A word of at least this many ASCII letters that chrono's patterns cannot read through ends what chrono reads of a
 * sentence (src/extract/chrono-window.ts): chrono's refiners read a time-zone abbreviation of two to four letters
 * after a reading, so a word of five stops them inside it, in the whole sentence as in its part.
 */
export const CHRONO_WALL_MIN_LETTERS = 5;
/**
 * How many words chrono-window remembers as walls or not before it forgets them all: English sentences reuse a
 * few thousand words; this only bounds the memory on a page of made-up words.
 */
export const CHRONO_WALL_WORDS_REMEMBERED = 8192;

// ---- resolve ----------------------------------------------------------------------------------------------

/**
 * Below this confidence a value is left out of predictions: a wrong value costs more than a missing one.
 * (The claim is still stored and shown, with its confidence.)
 */
export const MIN_CONFIDENCE = 0.45;
/**
 * The score an undated report needs to join an event (an exact time, site, figure, designation or dateline day
 * scores 2, a close figure, the class or an exact count 1, the weekday 1; disagreements subtract). One loosely
 * agreeing distance is not enough: many launches fly 300–400 km on a Wednesday.
 */
export const JOIN_SCORE = 3;
/**
 * …and the details that must agree besides the actor and the weekday (time, site, a figure, the designation, the
 * class, an exact count of several, the dateline's day). One is not enough: many launches leave at dawn, from
 * Pyongyang, as "a ballistic missile", and an undated report of 2012 must not join a launch of 2017 on that alone.
 */
export const JOIN_MIN_AGREEING_FIELDS = 2;
/** A dateline's day is the publication day: an undated report's launch lies within this many days of it. */
export const DATELINE_LAUNCH_DAYS = 2;
/**
 * An event dated this many days before a designation's (or a class's) first known flight is flagged: the
 * reference list dates flights in UTC and reports in local time, so the day before may still be the same flight.
 */
export const FIRST_TEST_GRACE_DAYS = 1;
/** Two launch times this close (minutes) are one salvo ("between 8:10 and 9:20" lasts about an hour). */
export const SAME_SALVO_MINUTES = 45;
/**
 * Two figures (distance, apogee) agree when they are within 5 % of the larger, and at least 5 km apart counts as
 * a difference only beyond that: the scorer's tolerance, and about how much outlets round a reported figure.
 */
export const SAME_FIGURE_SHARE = 0.05;
export const SAME_FIGURE_KM = 5;
/** Two launch times agree within this many minutes: the scorer's tolerance (reports round to the quarter hour). */
export const SAME_TIME_MINUTES = 10;
/**
 * An undated report's figure fits an event's strongly within 2 % (the same number, rounded differently), weakly
 * within 15 % ("about 300 km" against 340 km); beyond that it speaks against the event. The weak fit also bounds
 * how far a report's distance may lie from a reference launch day's for that day to date the report.
 */
export const FIGURE_FIT_STRONG = 0.02;
export const FIGURE_FIT_WEAK = 0.15;
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

/** How far before a class phrase or a designation a denial, a doubt or a comparison is looked for ("not consistent with an …"): a short clause. */
export const CLASS_BEFORE_CHARS = 70;

// ---- resolve: copies (near-duplicates and rewrites) ----------------------------------------------------------
// Set on test/fixtures/copies. Measured there (exact 5-shingle Jaccard J, containment C, rewriteScore R):
//   wire ~ copy with another headline and furniture   J 0.92  C 0.96
//   wire ~ copy with two local paragraphs added        J 0.77  C 0.98
//   wire ~ copy truncated to its first half            J 0.55  C 1.00   (two copies of each other: J 0.44)
//   wire ~ spun rewrite                                 J 0.12  C 0.22   R 1.00 (0.84–0.98 against the copies)
//   independent reports of the launch, any pair        J ≤ 0.01         R ≤ 0.31
//   unrelated stories                                   J 0              R ≤ 0.05

/** Words per shingle. Five is long enough that independent reports of one launch rarely share a run by
 * chance ("the joint chiefs of staff" is about the longest stock phrase), short enough to survive edits. */
export const SHINGLE_WORDS = 5;
/** Positions in a MinHash signature: the Jaccard estimate's standard error is sqrt(J(1-J)/128) ≤ 0.044. A multiple of four (minhash.ts computes four at a time). */
export const NUM_PERM = 128;
/**
 * LSH bands × rows per band (42 × 3 = 126 of the 128 positions): a pair at J = 0.5 becomes a candidate with
 * probability 1 − (1 − 0.5³)⁴² ≈ 0.996, a pair at J = 0.1 with about 0.04, so copies are found and unrelated
 * reports rarely checked.
 */
export const LSH_BANDS = 42;
export const LSH_ROWS = 3;
/**
 * Entries per bucket of the LSH index's hash chains when its arrays are full (between half and all of it
 * otherwise): a query walks 42 chains of about this length, a few hundred integer compares, while the bucket
 * heads cost 4 / LSH_BUCKET_LOAD bytes per entry, 42 per signature: at one per bucket they were a third of the
 * index (32 MB of 76 at 100k stored articles), at four 8 MB.
 */
export const LSH_BUCKET_LOAD = 4;
/**
 * How the LSH index's arrays grow when full (copying them once): by half, so arrays just grown hold a third
 * unused (doubling left half of 44 MB unused at 100k stored articles), at the cost of growing some 17 times
 * instead of 7 on the way to 100k signatures (each copy and rechaining is some tens of milliseconds).
 */
export const LSH_GROWTH = 1.5;
/**
 * Shingle Jaccard at or above which two texts are copies of one text: syndicated copies sit far above,
 * rewrites and independent reports far below, so 0.5 is the middle of a wide empty gap.
 */
export const DUPLICATE_JACCARD = 0.5;
/**
 * Truncated and extended copies sit near J = 0.5 (two truncations of different lengths below it). They are
 * caught by containment — the share of the shorter text's shingles found in the longer — which is ≈ 1 for
 * them and ≤ 0.32 for everything else. Only for texts of 25 shingles or more, so a one-line brief that
 * repeats a stock sentence is not a "copy" of every story that carries it.
 */
export const DUPLICATE_CONTAINMENT = 0.8;
export const CONTAINMENT_MIN_SHINGLES = 25;
/**
 * rewriteScore at or above which a pair below the duplicate thresholds is a rewrite. Rewrites score
 * 0.84–1.0, independent reports of the same launch at most 0.31 (their facts and names come in their own
 * order, their quotes differ, their shingles barely overlap). 0.65 sits in the gap, a little nearer the
 * rewrites because losing an independent confirmation costs more than missing a rewrite.
 */
export const REWRITE_SCORE = 0.65;
/**
 * A rewrite keeps some phrases (spun fixture: J ≈ 0.11–0.13; independents ≤ 0.01): below J = 0.02 a pair
 * is not scored as a rewrite at all, which also keeps the quadratic in-group comparison cheap.
 */
export const REWRITE_MIN_JACCARD = 0.02;
/**
 * Weights of the parts of rewriteScore (a part with nothing to compare is left out): the order of the
 * extracted facts says most, because a rewrite retells the story in its source's order; names next; quotes
 * and surviving phrases least, since independent reports quote the same officials.
 */
export const REWRITE_WEIGHTS = { facts: 0.4, entities: 0.3, quotes: 0.15, shingles: 0.15 } as const;
/** Shingle Jaccard at which the "some phrases survived" part is full: the spun fixture keeps about 0.12. */
export const REWRITE_SHINGLE_FULL = 0.1;
/**
 * Pairs of one event's reports compared to show each article's closest sibling on the event page: a launch day
 * has a handful to a few dozen reports; beyond this many the quadratic comparison is skipped.
 */
export const CLOSEST_SIBLING_MAX_REPORTS = 60;
/**
 * Articles that change no event (not launch reports) grouped in memory and written in one statement by `salvo
 * ingest` into a server store (Store.saveArticles): a write then costs one round trip, one change poll and one
 * data-version bump per this many articles instead of per article, and the next ones are grouped while it is
 * sent. 32 rows of ~5 KB articles make a statement of under a megabyte; a batch that fails is written again one
 * article at a time, so a larger one would redo more.
 */
export const INGEST_BATCH_ARTICLES = 32;
/**
 * Stored articles kept prepared for copy checks (shingles and rewrite features, about 10 KB each): a day's
 * reports of a busy launch and the near-duplicate candidates of a feed's recent items fit, in about 20 MB.
 */
export const COPY_PREPARED_CACHE = 2000;
/**
 * Near-duplicate candidates (from the LSH index) verified per new article, those sharing the most bands first.
 * Only originals are indexed, so a real copy meets its original and, at most, the few other versions of the
 * same story; candidates past the first handful are chance band collisions far below the duplicate
 * threshold (a pair at J = 0.5 shares 5 of 42 bands on average, one at J = 0.05 shares none). Eight leaves
 * room for a story syndicated in several versions while keeping the checks per article constant however
 * large the database grows.
 */
export const COPY_NEAR_CANDIDATES = 8;
/**
 * Reports of the new article's event compared with it for rewrites, those sharing the most shingles first.
 * A launch day has a handful to a few dozen reports (see CLOSEST_SIBLING_MAX_REPORTS); the shingle check on
 * every member is cheap, the rewrite check (names, quotes, facts of both texts) is not, so it runs on at most
 * this many: a rewrite keeps more of its source's phrases than an independent report shares by chance.
 */
export const COPY_GROUP_CANDIDATES = 24;

// ---- ingest: limits ----------------------------------------------------------------------------------------

/** A file larger than this is refused before it is read: no news report comes near 20 MB. */
export const MAX_FILE_BYTES = 20 * 1024 * 1024;
/** Pages larger than this (in UTF-16 code units, about bytes for Latin text) are refused. */
export const MAX_HTML_CHARS = 20 * 1024 * 1024;
/**
 * Element nesting deeper than this is flattened: real pages nest 30–60 deep, so 180 only catches hostile or
 * broken markup, and the walks over the tree stay shallow.
 */
export const MAX_HTML_DEPTH = 180;
/**
 * The Readability fallback runs only on pages nested at most this deep: its clean-up costs time with the cube of
 * the nesting (170 nested divs: seconds for 3 KB). The 181 benchmark pages nest at most 49 deep, the one that
 * needs the fallback 13.
 */
export const READABILITY_MAX_DEPTH = 60;
/**
 * Text width below which the content finder's choice is too short to be the article (a teaser, a caption), so
 * the next way of finding the body is tried. A short wire brief is about 300 wide.
 */
export const MIN_BODY_CHARS = 250;
/** Text width below which a page holds no article at all (after the fallbacks): a headline and a dateline. */
export const MIN_ARTICLE_CHARS = 200;
/**
 * A shorter page is still an article when it holds this many prose paragraphs (a two-paragraph local brief of
 * about 150 characters is a story, not a menu or a login form).
 */
export const SHORT_STORY_PARAGRAPHS = 2;
/**
 * A paragraph counts as prose for SHORT_STORY_PARAGRAPHS when it ends like a sentence and has this many words, or
 * (for Chinese, Japanese and Korean text, which has few spaces) this text width: "Welcome." or "Forgot password?"
 * is not a paragraph of a story.
 */
export const SHORT_STORY_PARAGRAPH = { words: 8, width: 40 } as const;
/**
 * Longest stored values of a document's short fields, in characters (the text is bounded by the file and body
 * limits). Far beyond any real headline, address, outlet name, record id or file path, so only hostile or broken
 * records are cut: a title or an outlet is shortened, an address or an id too long to be one is dropped (cut,
 * it would be a wrong one).
 */
export const STORED_FIELD_LIMITS = { title: 1000, url: 2000, source: 200, externalId: 200, origin: 4096 } as const;
/** Blocks kept for the article page's "dropped as boilerplate" view: enough to judge the cleaning by. */
export const MAX_DROPPED_BLOCKS = 200;
/**
 * Characters of article text read in all to tell which dropped blocks the text holds after all (ingest/html.ts): each
 * block is looked for in the whole text, so the blocks checked are at most this over the text's length. 50 million:
 * over 2,000 blocks of a long (20 KB) article, more than any page of the extraction benchmark drops, a few
 * milliseconds of reading; a page of megabytes of paragraphs gets a handful checked instead of seconds per thousand.
 */
export const DROPPED_CHECK_CHARS = 50_000_000;
/**
 * A compressed WARC record body is unpacked to at most this many times its stored size (and never beyond the
 * file size limit): news pages compress 5–15×, so 200× leaves wide room, while a 6.5 KB brotli "page" standing
 * for gigabytes stops at about a megabyte instead of costing 20 MB of work each, hundreds of times per upload.
 * Small bodies may always unpack to DECOMPRESSED_FLOOR_BYTES.
 */
export const MAX_DECOMPRESSION_RATIO = 200;
export const DECOMPRESSED_FLOOR_BYTES = 1024 * 1024;
/** A WARC header line longer than this is not a WARC file (real lines are under a few kilobytes). */
export const MAX_WARC_HEADER_LINE = 64 * 1024;
/**
 * A line longer than this is a paragraph, never page furniture: the boilerplate rows are not tried on it. The
 * longest boilerplate line in the corpora (a photo caption) has about 200 characters; the bound also keeps the
 * cleaner linear when thousands of wrapped lines join into one and each join is tested again.
 */
export const MAX_BOILERPLATE_LINE_CHARS = 1000;
/**
 * Sentences are found in windows of this many characters of a paragraph (see clean/segments.ts), and the
 * boundaries this close to a window's cut end are read again in the next window. The longest paragraph in the
 * corpora has about 1,400 characters, so real paragraphs fit one window; ICU's look-ahead past a sentence end
 * spans a few characters (closing quotes, spaces), far less than the margin.
 */
export const SEGMENT_WINDOW_CHARS = 2000;
export const SEGMENT_MARGIN_CHARS = 500;
/** Lines after a "Related:"/"Read more" line dropped as its link list: a long list has about a dozen. */
export const MAX_LINK_LIST_ITEMS = 15;
/**
 * Fewest timestamped entries that make a page a live blog whose order may be reversed: three stamps running
 * newest first are a pattern, two could be a dateline and an update note.
 */
export const MIN_LIVE_BLOG_ENTRIES = 3;
/**
 * Fewest consecutive "day - what happened" lines that make an appended chronology of earlier launches: one such
 * line can be a flash ("May 14 - North Korea fires a missile"), two in a row are a list.
 */
export const MIN_CHRONOLOGY_LINES = 2;

// ---- ingest: fetching ----------------------------------------------------------------------------------------

/**
 * What `salvo ingest <url>` and the watcher use unless configured: a news server answers within seconds; a
 * page is never 20 MB; five redirects cover http→https→www→canonical; a second between requests to one host is
 * polite to a news site.
 */
export const FETCH_DEFAULTS = {
  connectTimeoutMs: 10_000,
  readTimeoutMs: 20_000,
  totalTimeoutMs: 60_000,
  maxBytes: MAX_FILE_BYTES,
  maxRedirects: 5,
  hostDelayMs: 1000,
} as const;
/** robots.txt files larger than this are cut (RFC 9309 §2.5 asks crawlers to read at least 500 KiB). */
export const ROBOTS_MAX_BYTES = 512 * 1024;
/** A host's robots.txt is fetched again after an hour (RFC 9309 §2.4: caching beyond 24 hours is discouraged). */
export const ROBOTS_TTL_MS = 60 * 60 * 1000;
/** A Crawl-delay above this many seconds is capped: one slow host must not stall a watch round. */
export const MAX_CRAWL_DELAY_S = 30;
/** Hosts whose robots.txt or next allowed request time is remembered; the oldest is dropped beyond it. */
export const ROBOTS_CACHE_HOSTS = 5000;
export const HOST_DELAY_CACHE_HOSTS = 10_000;

// ---- live: the watcher ----------------------------------------------------------------------------------------

/** A transiently failing item is tried at this many polls before it is given up. */
export const MAX_ITEM_ATTEMPTS = 5;
/** Child sitemaps read from a sitemap index per poll (newest first): news sitemaps are split by day. */
export const MAX_CHILD_SITEMAPS = 10;
/** `salvo watch --once` keeps retrying failed alert deliveries while their next try falls within this window. */
export const ONCE_RETRY_WINDOW_MS = 30_000;
/** The watch loop wakes at least this often to look for new sources, and naps at least this long between looks. */
export const WATCH_MAX_NAP_MS = 1000;
export const WATCH_MIN_NAP_MS = 10;
/** Alert deliveries handled per round: a burst of alerts goes out over a few rounds instead of one long one. */
export const DELIVERIES_PER_ROUND = 500;
/** Watcher defaults unless configured: poll a source every minute; a webhook or a feed has 10 s to answer; a
 * delivery is tried 8 times, the wait doubling from a second (about two minutes in all). */
export const WATCH_DEFAULTS = { intervalS: 60, timeoutMs: 10_000, alertAttempts: 8, alertBackoffMs: 1000 } as const;

// ---- store ---------------------------------------------------------------------------------------------------

/** How long a SQLite writer waits for another process's lock before failing with SQLITE_BUSY. */
export const SQLITE_BUSY_TIMEOUT_MS = 5000;
/**
 * Rows per INSERT when copying a database to PostgreSQL: large enough to cut round trips, small enough to stay
 * far below PostgreSQL's 65,535 parameters per statement (the widest table has 16 columns) and a few megabytes of
 * article text.
 */
export const COPY_ROWS_PER_INSERT = 200;
/** Characters of context kept on each side of a substring match in a PostgreSQL search snippet (about the 24
 * tokens of SQLite's FTS5 snippet). */
export const SNIPPET_CONTEXT = 60;

// ---- serve ---------------------------------------------------------------------------------------------------

/**
 * Time one document may take to be read, cleaned and extracted in the document pool (src/app/pool.ts) before it
 * is given up as failed ("over the time budget of 15 s"), counted in the thread's CPU time where the system
 * tells it (Linux), else in wall-clock time: a long report takes well under a second, the first one in a fresh
 * thread a few (the tables are compiled), so 15 s only stops input built to be slow, on a busy machine too.
 * The same budget holds in `salvo serve`, `ingest`, `analyze` and `watch`. The environment variable named by
 * DOCUMENT_BUDGET_ENV (a whole number of milliseconds) replaces it, so tests can give a slow document a budget
 * of a few seconds instead of 15, and an operator can loosen it on a slow machine.
 */
export const DOCUMENT_BUDGET_MS = 15_000;
/**
 * The budget counts a thread's CPU time where the system tells it: when the budget's wall-clock time is up and
 * the thread has used less (it shared a core), the pool looks again when the rest could be used, but not sooner
 * than this: /proc counts in 10 ms ticks.
 */
export const CPU_CHECK_MIN_MS = 10;
export const DOCUMENT_BUDGET_ENV = 'SALVO_DOCUMENT_BUDGET_MS';
/**
 * The pool of `salvo ingest` and `salvo analyze` starts with one thread and starts the others only once this many
 * documents are done. Every thread loads the modules and compiles the knowledge tables' patterns itself, as the reports
 * it meets need them: on the dev corpus (126 articles) a second thread started after 100 documents cost 6 s of
 * CPU (13.3 s against 7.2 s with one thread; 6.5 s before the pool), about as much as cleaning and extracting
 * 400 ordinary articles (some 15 ms each). A smaller batch would only pay for threads that compile for
 * nothing, while a batch that has shown it is this large pays at most about twice the cost of a thread for not
 * knowing its size sooner (the ski-rental bound). Counted in documents, not seconds, so a busy machine does
 * not start threads early.
 */
export const POOL_GROW_AFTER_DOCUMENTS = 400;
/**
 * And only once at least this share of the documents so far had to wait for the one thread (it was still busy
 * with an earlier one when they were sent): otherwise a second thread would mostly wait too. `salvo analyze`
 * always has the next document ready (all of them wait); `salvo ingest` sends the next document while the last
 * is stored. Into PostgreSQL most articles join a batch written while the next are grouped, so most wait there
 * too (373 of the first 400 firehose articles): what holds that pool back is POOL_GROW_IDLE_CORES.
 */
export const POOL_GROW_WAITED_SHARE = 0.5;
/**
 * And only once the machine left at least this many cores idle (summed over its cores, os.cpus()) while those
 * documents were done (src/app/pool-growth.ts): a new thread runs only on a core nothing else uses, and pays
 * about a second of CPU first (a pool thread's first 200 firehose articles cost 1.0 s of CPU, against 0.24 s
 * at its later 1.2 ms each). Two `salvo ingest` workers into PostgreSQL on two cores leave next to none (their
 * main threads, one pool thread each and their server backends kept both cores busy: about 1.95 cores in
 * bench:scale), and each second thread only took CPU from the others: two workers of 2,000 firehose articles
 * each used 0.25-0.5 ms of worker CPU per article less without it (paired runs, a busy machine). One worker
 * alone used about 1.55 of the two cores (446 articles/s at some 3.5 ms of worker and server CPU each), so the
 * rest, over a quarter of a core, still starts its second thread as before.
 */
export const POOL_GROW_IDLE_CORES = 0.25;
/** A pool thread idle this long is ended (a new one starts with the next paste, in about a second). */
export const POOL_IDLE_MS = 60_000;
/**
 * Young generation of each pool thread's V8 heap, in MB (two semi-spaces of a third each, and room for young
 * large objects). V8's default let each thread's young generation grow to 32 MB of semi-spaces, a third of the
 * thread's 100 MB heap on the 100k-article firehose, for garbage that lives no longer than one document; at 12 MB
 * (8 MB of semi-spaces) a thread cleaned and extracted 4,000 firehose articles in the same CPU time (0.95 ms
 * each against 0.97, within noise; 6 and 3 MB did as well) with 24 MB less heap. Over 100k firehose articles
 * (bench:ingest) each thread's heap stayed near 44 MB instead of reaching 100 (its old generation grew to 25 MB
 * instead of 54), and CPU per article was the same in a paired run (2.75 ms against 2.81 at 20k stored).
 */
export const POOL_YOUNG_GENERATION_MB = 12;
/** Largest request body: a pasted report, or all the files of one upload together. */
export const BODY_LIMIT = 5 * 1024 * 1024;
/**
 * Pages of the API's lists, as { max, default } rows per request: a screenful of events or articles by default and
 * a few hundred at most, so one request cannot ask the store for everything; an export is a whole table (the
 * reference list holds a few hundred launches), search hits are read a page at a time.
 */
/**
 * An article with no title is named by the first line of its text, cut at a word to this many characters: a
 * headline's length, so lists stay one line.
 */
export const HEADLINE_MAX_CHARS = 110;
/** The first characters of an article's text a listing reads to name an untitled article (more than one line). */
export const HEADLINE_SOURCE_CHARS = 400;
export const API_PAGE = {
  events: { max: 500, default: 50 },
  articles: { max: 500, default: 50 },
  search: { max: 100, default: 20 },
  export: { max: 20_000, default: 20_000 },
  // The timeline is read a screenful at a time; 100 rows are a few screens, 1000 the whole reference list.
  timeline: { max: 1000, default: 100 },
} as const;
/** Items a list request may skip: far beyond any store Salvo serves, it only bounds the number the SQL receives. */
export const API_MAX_OFFSET = 1_000_000;
/**
 * Longest values of a pasted report's fields (the text is bounded by BODY_LIMIT): a headline, an address and an
 * outlet name far beyond any real one; search words and an actor name likewise.
 */
export const PASTE_LIMITS = { title: STORED_FIELD_LIMITS.title, url: STORED_FIELD_LIMITS.url, source: STORED_FIELD_LIMITS.source } as const;
export const SEARCH_MAX_CHARS = 500;
/**
 * Matches a search counts and ranks in full. A search matching more (a word in most articles, "council" in a
 * local-news archive) is ranked among its newest SEARCH_RANKED_MAX matches only and its total is an estimate
 * ("about N"): counting and ranking every match of such a word cost 0.6 s on 100,000 articles, and nobody
 * pages beyond the first few hundred results of a word that common.
 */
export const SEARCH_RANKED_MAX = 1000;
/**
 * The PostgreSQL store's bound, per match it keeps (SEARCH_RANKED_MAX, or a test's bound), on the articles a
 * search with Korean or Japanese parts may take from its gram index (migration 013) or read newest first. When the
 * statistics say its rarest character or pair of characters is in fewer articles than this many per match, its
 * matches come from the index and are counted (a rare part: ms, where reading every such article took a second).
 * Else it reads this many of the newest such articles: a part in one article of ten or more (a particle, 北, 정부)
 * is answered from those alone, in ms. Scaled with the bound, so a test's small bound reads few rows.
 */
export const SEARCH_PROBE_FACTOR = 10;
export const ACTOR_MAX_CHARS = 64;
/** Multipart uploads: only the "files" field and a few form fields are expected, each small. */
export const MULTIPART_LIMITS = { fields: 10, fieldSize: 1024, headerPairs: 100 } as const;
/** Files per upload: a folder of a day's reports, not a whole archive (that is what `salvo ingest` is for). */
export const MAX_UPLOAD_FILES = 20;
/** A token shorter than this is refused beyond localhost: guessable by brute force over the network. */
export const MIN_TOKEN_LENGTH = 16;
/**
 * Wrong tokens one client address may send within the window before its write requests are refused (429) for the
 * rest of it: a person mistyping needs a few tries, a guesser gets ten a minute instead of hundreds a second.
 * Client addresses remembered at once are bounded (the oldest forgotten), so spoofed floods cannot grow memory.
 */
export const AUTH_MAX_FAILURES = 10;
export const AUTH_FAILURE_WINDOW_MS = 60_000;
export const AUTH_FAILURE_CLIENTS = 10_000;
/**
 * Time a client has to send a whole request, body included: a 5 MB upload over a slow link takes seconds, a
 * connection trickling a byte now and then is cut. Node checks for overdue requests every second.
 */
export const REQUEST_TIMEOUT_MS = 30_000;
export const HEADERS_TIMEOUT_MS = 10_000;
export const TIMEOUT_CHECK_INTERVAL_MS = 1000;
/**
 * Open connections at once: a newsroom's browsers and scripts need a few dozen; beyond this new connections are
 * closed at once, so a flood of slow clients cannot exhaust the process's sockets and memory.
 */
export const MAX_CONNECTIONS = 256;
/** A webhook's signing secret is refused below this many characters: a short HMAC key is guessable offline. */
export const MIN_WEBHOOK_SECRET_LENGTH = 8;
/** Answers kept by the API cache at once: the oldest is dropped beyond it, so memory stays bounded. */
export const CACHE_MAX_ENTRIES = 2000;
/**
 * …and their size in all (UTF-16 bytes of the answers and their URLs): 64 MB holds the whole export several
 * times over and a few thousand pages of lists, while requests with endless different query strings cannot
 * grow the server past it. One answer larger than a quarter of it is not kept.
 */
export const CACHE_MAX_BYTES = 64 * 1024 * 1024;
/** Hashed web assets never change under their name (a year, immutable); other files may after a rebuild. */
export const ASSET_MAX_AGE_S = 31_536_000;
export const FILE_MAX_AGE_S = 300;
/** Browsers may keep the reference answers an hour: they change only with a new release. */
export const REFERENCE_MAX_AGE_S = 3600;
/** Alerts carried by the Atom feed beside the events (newest first): enough for a reader polling hourly. */
export const ATOM_ALERTS = 100;

// ---- live: the job queue shared by watchers --------------------------------------------------------------

/**
 * How long a claimed job (a feed poll, an article fetch and ingest) stays leased to its worker. A worker renews
 * the lease every third of it while the job runs, so the length only bounds how long a job waits after its
 * worker died (kill -9, a lost machine) before another worker takes it over. Half a minute: a dead watcher's
 * feeds resume well within one typical poll interval, and three missed renewals in a row (a database hiccup)
 * are needed before a live worker loses its job.
 */
export const JOB_LEASE_MS = 30_000;
/**
 * An article fetch that failed transiently (timeout, HTTP 5xx) is retried after this long, doubled at each
 * further attempt (1, 2, 4, 8 minutes over the five attempts an item gets): long enough for an overloaded
 * site to recover, short enough that a report still arrives while it is news. `salvo watch --once` (cron)
 * retries at its next run instead: the cron interval is its backoff.
 */
export const FETCH_RETRY_BACKOFF_MS = 60_000;

/** Characters before a count searched for a revision ("Tokyo later said it had detected a single missile"): one clause. */
export const COUNT_REVISION_WINDOW = 120;

// ---- web app (web/) ----
/** Launch days per page of the timeline table: a screenful or two, so the page stays short and quick to draw. */
export const WEB_TIMELINE_PAGE = 50;
/** How far the map zooms in and out, times the starting view (12x shows a single coastal site's surroundings). */
export const WEB_MAP_ZOOM: readonly [number, number] = [1, 12];
/** How far the map zooms in on the event it was opened for (`#/map?event=…`): the wedge and its site in view. */
export const WEB_MAP_FOCUS_ZOOM = 2;

/**
 * Outlet hosts whose news organisation (data/outlets.json) is kept once looked up: consensus asks for every
 * claim of every report, and a feed has a few hundred outlets; past this many distinct hosts (a crawl of the
 * open web) the oldest are looked up again, so memory stays bounded (about 100 bytes each).
 */
export const ORGANISATION_CACHE = 10_000;
