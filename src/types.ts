// The records that flow through the pipeline: ingest → clean → extract → resolve → store → serve.
// Each stage is a function from one of these records to the next; nothing downstream re-reads raw bytes.

/** Input formats that ingest recognises. */
export type InputFormat = 'text' | 'html' | 'corpus-json' | 'news-please' | 'jsonl';

/** The languages Salvo reads (ISO 639-1). Every article is one of them; see src/ingest/language.ts. */
export const LANGUAGES = ['en', 'ko', 'ja'] as const;
export type Language = (typeof LANGUAGES)[number];

/** How a publication date was found, so the UI can say whether it is stated or guessed. */
export type PublishedVia =
  | 'record' // a JSON record's own field (corpus `published`, news-please `date_publish`)
  | 'meta' // <meta property="article:published_time"> and friends
  | 'json-ld' // JSON-LD datePublished
  | 'time-element' // <time datetime="…">
  | 'url' // a date in the URL path
  | 'dateline'; // a date written at the top of the text

export interface PublishedDate {
  /** Calendar date as published, YYYY-MM-DD. */
  date: string;
  /** Full ISO instant when a time (and zone) was given, else null. */
  instant: string | null;
  via: PublishedVia;
}

/** What ingest produces: one document's text and metadata, not yet cleaned. */
export interface SourceDocument {
  /** Where it came from: a file path, with `:LINE` for JSON Lines. */
  origin: string;
  format: InputFormat;
  /** The `id` of a corpus record, when the input had one. */
  externalId: string | null;
  url: string | null;
  /** The outlet, usually the domain ("example.org"). */
  source: string | null;
  published: PublishedDate | null;
  title: string | null;
  /** The document's text: paragraphs separated by blank lines. HTML is already reduced to text. */
  text: string;
  /** The language the text is written in, from its script (the page's declared language only breaks ties). */
  language: Language;
  /** Blocks the HTML extractor left out (navigation, footers…), for display. */
  droppedByExtractor: string[];
}

/** One input that could not be read, with a reason a person can act on. */
export interface IngestFailure {
  origin: string;
  reason: string;
}

export type IngestItem = { ok: true; doc: SourceDocument } | { ok: false; failure: IngestFailure };

/** Half-open character range [start, end) in some string. */
export interface Span {
  start: number;
  end: number;
}

export interface RemovedBlock {
  text: string;
  /** Why it was dropped: "navigation", "share", "comment-form", "photo-credit", "link-list", … */
  reason: string;
}

/** A cleaned article: what every later stage reads. */
export interface Article {
  /** Content hash (sha256 hex of url, title and raw text): the identity used for idempotent ingest. */
  id: string;
  externalId: string | null;
  origin: string;
  format: InputFormat;
  url: string | null;
  source: string | null;
  published: PublishedDate | null;
  title: string | null;
  /** The language of the title and text: locale rules (sentences, boilerplate, extraction) are chosen by it. */
  language: Language;
  /** Clean body text (the title is not repeated here). Paragraphs are separated by "\n\n". */
  text: string;
  paragraphs: Span[];
  /** Sentence boundaries in `text`, in order. */
  sentences: Span[];
  removed: RemovedBlock[];
}

/** The fields of a launch, as defined by the corpus format (../shared/corpus/FORMAT.md). */
export const FIELD_NAMES = [
  'date_local',
  'time_local',
  'site',
  'count_min',
  'count_exact',
  'class',
  'name',
  'distance_km',
  'apogee_km',
  'landing',
  'eez',
] as const;
export type FieldName = (typeof FIELD_NAMES)[number];
/** What a claim can be about: a launch field, or the compass bearing of the flight (degrees from north). */
export type ClaimField = FieldName | 'bearing';
export type FieldValue = string | number | boolean;

/** What a sentence talks about, relative to the article's main launch. */
export type SentenceRole = 'main' | 'earlier' | 'capability' | 'reaction' | 'context';

/** Where a value is stated: the article, the part (title or body), the value's span and its sentence. */
export interface Evidence {
  articleId: string;
  part: 'title' | 'text';
  /** The span of the words that state the value, in the title or in `text`. */
  span: Span;
  /** The span of the whole sentence, in the same part. */
  sentenceSpan: Span;
  sentence: string;
}

/** One value for one field of the article's main launch. */
export interface Claim {
  field: ClaimField;
  value: FieldValue;
  /** The words as written ("about 800 kilometers"). */
  surface: string;
  evidence: Evidence;
  /** Key of the agency the sentence attributes the value to (see data/agencies.json), else null. */
  attribution: string | null;
  /** Who said it, for display: the agency's name, or the outlet when no agency is named. */
  saidBy: string | null;
  /** 0..1: how sure the extractor is that this value is right for the main launch. */
  confidence: number;
  /** Which parser found it. */
  parser: string;
  /** True when part of the value was implied, not stated (a weekday resolved to a date, say). */
  implied: boolean;
}

/** The extract stage's output for one article. */
export interface Extraction {
  articleId: string;
  isLaunchReport: boolean;
  reportConfidence: number;
  /** Who launched: "DPRK", "Iran", "Russia", … or null. */
  actor: string | null;
  /** Every claim found in main-launch sentences, best first per field. */
  claims: Claim[];
  /** The chosen value per field (null fields are left out). */
  fields: Partial<Record<FieldName, Claim>>;
  /** Day-of-week of the launch when the text names one (0 = Sunday), for grouping undated reports. */
  weekday: number | null;
  /**
   * For a report with no launch date: the dates it can have been written in, from the office-holders it names
   * ("President Lee Jae-myung" → from 2025-06-04). Used to line undated events up with the reference list.
   */
  dateWindow?: {
    from: string | null;
    to: string | null;
    by: string[];
    /** "MM-DD" of a dateline or page stamp written without a year ("Pyongyang, July 19 (Agency)"). */
    monthDay?: string | null;
    /**
     * "MM-DD" of the launch itself, written without a year in a sentence reporting it ("fired … on Dec. 4"); never
     * a background date of another launch (see launchMonthDay in src/extract/rules/date.ts).
     */
    launchMonthDay?: string | null;
    /** The year the article's URL or text points to most (see yearHintOf in src/extract/context.ts). */
    year?: number | null;
  } | null;
}

/** One report's claim in support of a candidate value. */
export interface CandidateSupport {
  articleId: string;
  claimIndex: number;
  confidence: number;
  /** Who said it: an agency key, else the outlet. */
  source?: string | null;
  /** The article this one copies or rewrites (it then adds no independent support). */
  copyOf?: string | null;
  /** A later statement by the same agency replaced this one. */
  superseded?: boolean;
}

/** One candidate value of an event field, with the claims that support it. */
export interface FieldCandidate {
  value: FieldValue;
  support: CandidateSupport[];
  /** Weighted support from independent sources (copies count once, officials weigh more than retellings). */
  weight?: number;
  /** The independent sources behind it. */
  sources?: string[];
}

export interface EventField {
  value: FieldValue | null;
  candidates: FieldCandidate[];
  /** True when independent sources disagree beyond tolerance. */
  disputed: boolean;
  /** Agreement: the share of the independent sources' weight behind the chosen value, 0..1 (not a claim's confidence). */
  agreement?: number;
}

/** How an event lines up with the bundled reference list of past launches (CNS/NTI via nagix/nk-missile-tests). */
export interface ReferenceAlignment {
  /** The reference list's date (UTC) of the matching flights. */
  dateUtc: string;
  /** The same launch day in Korean time (KST). */
  dateKst: string;
  flights: number;
  missiles: string[];
  facility: string | null;
  distanceKm: number | null;
  apogeeKm: number | null;
  /** Fields where the event and the reference list disagree. */
  differences: { field: FieldName; event: FieldValue; reference: FieldValue }[];
  /** True when the event had no date and took it from this match. */
  dateInferred: boolean;
}

/** A reason to doubt an event's date: it comes before the first known flight of its designation or class. */
export interface EventFlag {
  field: 'date_local';
  kind: 'name-before-first-flight' | 'class-before-first-flight';
  reason: string;
}

/** A launch event: the reports of one launch (day), grouped, with values computed from their claims. */
export interface LaunchEvent {
  id: string;
  actor: string | null;
  dateLocal: string | null;
  weekday: number | null;
  articleIds: string[];
  fields: Record<FieldName, EventField>;
  /** The matching entry of the reference list, when there is one. */
  reference?: ReferenceAlignment | null;
}

/** An article that copies or rewrites another one. */
export interface CopyLink {
  articleId: string;
  originalId: string;
  kind: 'duplicate' | 'rewrite';
  similarity: number;
  reason: string;
}

/** One change to one field of an event, and the claim that caused it. */
export interface FieldChange {
  field: FieldName | 'dateLocal';
  from: FieldValue | null;
  to: FieldValue | null;
  /** The report whose arrival made the change, and its claim (when it states the new value). */
  articleId: string | null;
  claimIndex: number | null;
}

/** A version of an event: what changed when a report arrived. */
export interface EventVersion {
  eventId: string;
  version: number;
  createdAt: string;
  articleId: string | null;
  changes: FieldChange[];
}

/** The prediction format of ../shared/eval/score.mjs. */
export interface Prediction {
  id: string;
  is_launch_report: boolean;
  actor: string | null;
  event: Record<FieldName, FieldValue | null> | null;
  event_id: string | null;
}

// ---------------------------------------------------------------------------------------------------------------
// Views: stored records shaped for a reader. The CLI, the HTTP API and the web app share these shapes.

/** Summary row of an article, for listings. */
export interface ArticleSummary {
  id: string;
  /** Where it came from: a web address, a paste, an upload, or a file's name (never a server folder). */
  origin: string;
  url: string | null;
  source: string | null;
  published: string | null;
  title: string | null;
  /** How to name it: the title, else the first line of its text. */
  headline: string;
  language: Language;
  isLaunchReport: boolean;
  eventId: string | null;
  ingestedAt: string;
}

/**
 * When a launch happened, on the clock its local time is stored on (named) and in UTC (see
 * src/app/launch-time.ts).
 */
export interface LaunchMoment {
  /** The local date and time as stored (YYYY-MM-DD, HH:MM), on the clock named by `zone`. */
  dateLocal: string | null;
  timeLocal: string | null;
  /** The name of that clock on that date ("KST", "PDT"). */
  zone: string;
  /** Its IANA zone ("Asia/Seoul"). */
  timeZone: string;
  /** Its offset from UTC on that date ("+09:00"); null without a date. */
  utcOffset: string | null;
  /** The same moment in UTC; null unless both the local date and time are known. */
  dateUtc: string | null;
  timeUtc: string | null;
  /** For a reader: "08:10 KST (23:10 UTC, 7 May)", "8 May 2025 (KST)", or null without a date. */
  text: string | null;
}

/** One line of the event list. */
export interface EventSummary {
  id: string;
  actor: string | null;
  dateLocal: string | null;
  weekday: number | null;
  timeLocal: string | null;
  site: string | null;
  siteName: string | null;
  class: string | null;
  name: string | null;
  /** The count as people say it ("2", "≥2"); the same as countMin and countExact. */
  count: string;
  /** The fewest missiles the reports commit to. */
  countMin: number | null;
  /** Whether that count is exact (false: "at least"). */
  countExact: boolean | null;
  distanceKm: number | null;
  apogeeKm: number | null;
  landing: string | null;
  /** The landing as a reader sees it ("Sea of Japan (East Sea)"). */
  landingName: string | null;
  eez: string | null;
  /** The local date and time with their clock named, and the same moment in UTC. */
  launch: LaunchMoment;
  reports: number;
  /** The languages its reports are written in, in the order of LANGUAGES. */
  languages: Language[];
  disputed: FieldName[];
  /** Reasons the date cannot be right as it stands (see src/resolve/plausibility.ts). */
  flags: EventFlag[];
  updatedAt: string;
}

/** A claim as shown with its evidence: the quoted sentence, the outlet, who said it. */
export interface ClaimView {
  value: FieldValue;
  articleId: string;
  outlet: string | null;
  title: string | null;
  /** The language of the quoted sentence (its article's); the value beside it is normalized, in English. */
  language: Language;
  part: 'title' | 'text';
  span: Span;
  sentence: string;
  quote: string;
  saidBy: string | null;
  attribution: string | null;
  confidence: number;
  implied: boolean;
  /** The article this report copies, when it is a copy (its claim then adds no independent support). */
  copyOf: string | null;
  superseded: boolean;
}

// ---- the timeline (src/app/timeline.ts; /api/timeline and /api/timeline/counts send these as they are) ----

export type Outcome = 'success' | 'failure' | 'mixed';

/** One reference flight as a reader sees it. */
export interface FlightView {
  /** As the list dates it: a UTC date (a month only for some early tests), and the UTC time when known. */
  dateUtc: string;
  timeUtc: string | null;
  /** The same moment on the Korean reporting clock (KST); a flight without a time keeps its UTC date. */
  launch: LaunchMoment;
  missileName: string | null;
  class: string | null;
  siteName: string | null;
  landingName: string | null;
  distanceKm: number | null;
  apogeeKm: number | null;
  outcome: 'success' | 'failure' | null;
}

export interface LaunchDay {
  /** The news event's id, or "reference-<KST date>" for a reference day no event matches. */
  id: string;
  /** The stored event of this day, when there is one (link to /api/events/{eventId}). */
  eventId: string | null;
  actor: string | null;
  /**
   * The local date on the named clock (`launch.zone`); a month ("1984-09") for early reference flights dated no
   * closer; null for an undated news event.
   */
  date: string | null;
  /** When: the event's moment as its reports tell it; a reference day's, its first timed flight's (KST). */
  launch: LaunchMoment;
  /** news: a stored event the reference list lacks; reference: a reference day only; both: an event matched to it. */
  kind: 'news' | 'reference' | 'both';
  /** True when the event took its date from the reference list (its reports name no date). */
  dateInferred: boolean;
  class: string | null;
  /** The designations: the event's, else the reference flights'. */
  missiles: string[];
  siteName: string | null;
  landingName: string | null;
  /** Missiles fired: the event's count, else the reference flights. */
  count: number | null;
  countExact: boolean | null;
  distanceKm: number | null;
  apogeeKm: number | null;
  /** From the reference list (news reports do not state it reliably); mixed when the day's flights differ. */
  outcome: Outcome | null;
  /** News reports of the event (0 for a reference day only). */
  reports: number;
  languages: Language[];
  /** Event fields the sources disagree on. */
  disputed: string[];
  /** The reference flights of the day (empty for news only). */
  flights: FlightView[];
}

export interface PeriodCount {
  /** YYYY or YYYY-MM of the launch day (on its named clock). */
  period: string;
  class: string | null;
  /** Launch days: a news event and its reference flights count once. */
  launchDays: number;
  /** Of those, the days in the reference list, and the reference flights (missiles) on them. */
  referenceDays: number;
  referenceFlights: number;
  /** Of those, the days only news reports tell (not in the reference list). */
  newsOnlyDays: number;
  /** Missiles launched on those days, each once: the reference flights, else the number reported (at least one). */
  missiles: number;
}
