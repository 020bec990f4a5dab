// Mapping between pipeline records and table rows (text columns hold JSON, booleans are 0/1), shared by the
// stores. Kept apart from the SQL so each direction can be read next to its inverse: whatever a *ToRow
// writes, the matching row* function must rebuild exactly.
import { displayTitle, outletName, publicOrigin } from '../headline.js';
import { HEADLINE_SOURCE_CHARS } from '../settings.js';
import { LANGUAGES } from '../types.js';
import type {
  Article,
  ArticleSummary,
  Claim,
  CopyLink,
  EventField,
  EventVersion,
  Extraction,
  FieldChange,
  FieldName,
  FieldValue,
  InputFormat,
  Language,
  LaunchEvent,
  PublishedVia,
  ReferenceAlignment,
  RemovedBlock,
  Span,
} from '../types.js';
import type { Alert, AlertPayload, Delivery } from './store.js';

export interface ArticleRow {
  id: string;
  external_id: string | null;
  origin: string;
  format: string;
  url: string | null;
  source: string | null;
  published_date: string | null;
  published_instant: string | null;
  published_via: string | null;
  title: string | null;
  /** 'en' | 'ko' | 'ja' (schema v6; rows written before read 'en'). */
  language: string;
  text: string;
  paragraphs: string;
  sentences: string;
  removed: string;
  ingested_at: string;
}

export interface ExtractionRow {
  article_id: string;
  is_launch_report: number;
  report_confidence: number;
  actor: string | null;
  weekday: number | null;
  fields: string;
  /** JSON DateWindow or null (schema v5). */
  date_window: string | null;
  created_at: string;
}

export interface ClaimRow {
  article_id: string;
  idx: number;
  field: string;
  value: string;
  surface: string;
  part: string;
  span_start: number;
  span_end: number;
  sentence_start: number;
  sentence_end: number;
  sentence: string;
  attribution: string | null;
  said_by: string | null;
  confidence: number;
  parser: string;
  implied: number;
}

export interface EventRow {
  id: string;
  actor: string | null;
  date_local: string | null;
  weekday: number | null;
  fields: string;
  /** JSON ReferenceAlignment, or null (schema v3). */
  reference: string | null;
  updated_at: string;
}

/** Languages read from rows (any order, repeats allowed), deduplicated in the order of LANGUAGES. */
export function languagesInOrder(values: string[]): Language[] {
  return LANGUAGES.filter((l) => values.includes(l));
}

// Narrow JSON.parse to a declared type in one place; the writer of the column is the code right here.
const parse = <T>(json: string): T => JSON.parse(json) as T;

export function articleToRow(a: Article, ingestedAt: string): ArticleRow {
  return {
    id: a.id,
    external_id: a.externalId,
    origin: a.origin,
    format: a.format,
    url: a.url,
    source: a.source,
    published_date: a.published?.date ?? null,
    published_instant: a.published?.instant ?? null,
    published_via: a.published?.via ?? null,
    title: a.title,
    language: a.language,
    text: a.text,
    paragraphs: JSON.stringify(a.paragraphs),
    sentences: JSON.stringify(a.sentences),
    removed: JSON.stringify(a.removed),
    ingested_at: ingestedAt,
  };
}

export function rowToArticle(r: ArticleRow): Article {
  return {
    id: r.id,
    externalId: r.external_id,
    origin: r.origin,
    format: r.format as InputFormat,
    url: r.url,
    source: r.source,
    published:
      r.published_date === null
        ? null
        : { date: r.published_date, instant: r.published_instant, via: r.published_via as PublishedVia },
    title: r.title,
    language: r.language as Language,
    text: r.text,
    paragraphs: parse<Span[]>(r.paragraphs),
    sentences: parse<Span[]>(r.sentences),
    removed: parse<RemovedBlock[]>(r.removed),
  };
}

/** JSON text of a claim value; refuses NaN/Infinity, which JSON would silently turn into null. */
function valueToJson(field: string, value: FieldValue): string {
  if (typeof value === 'number' && !Number.isFinite(value)) throw new Error(`claim ${field}: value ${value} cannot be stored`);
  return JSON.stringify(value);
}

export function extractionToRows(e: Extraction, createdAt: string): { extraction: ExtractionRow; claims: ClaimRow[] } {
  const fields: Partial<Record<FieldName, number>> = {};
  for (const [field, chosen] of Object.entries(e.fields) as [FieldName, Claim | undefined][]) {
    if (!chosen) continue;
    fields[field] = claimIndex(e.claims, chosen, field);
  }
  const claims = e.claims.map((c, idx): ClaimRow => {
    if (c.evidence.articleId !== e.articleId) {
      throw new Error(`claim ${idx} of ${e.articleId} cites another article (${c.evidence.articleId})`);
    }
    return {
      article_id: e.articleId,
      idx,
      field: c.field,
      value: valueToJson(c.field, c.value),
      surface: c.surface,
      part: c.evidence.part,
      span_start: c.evidence.span.start,
      span_end: c.evidence.span.end,
      sentence_start: c.evidence.sentenceSpan.start,
      sentence_end: c.evidence.sentenceSpan.end,
      sentence: c.evidence.sentence,
      attribution: c.attribution,
      said_by: c.saidBy,
      confidence: c.confidence,
      parser: c.parser,
      implied: c.implied ? 1 : 0,
    };
  });
  return {
    extraction: {
      article_id: e.articleId,
      is_launch_report: e.isLaunchReport ? 1 : 0,
      report_confidence: e.reportConfidence,
      actor: e.actor,
      weekday: e.weekday,
      fields: JSON.stringify(fields),
      date_window: e.dateWindow ? JSON.stringify(e.dateWindow) : null,
      created_at: createdAt,
    },
    claims,
  };
}

// `fields` normally holds the very objects in `claims`; a deep-equal copy (after a clone, say) is accepted too.
function claimIndex(claims: Claim[], chosen: Claim, field: string): number {
  let idx = claims.indexOf(chosen);
  if (idx < 0) {
    const json = JSON.stringify(chosen);
    idx = claims.findIndex((c) => JSON.stringify(c) === json);
  }
  if (idx < 0) throw new Error(`extraction field ${field} is not one of its claims`);
  return idx;
}

function rowToClaim(r: ClaimRow): Claim {
  return {
    field: r.field as FieldName,
    value: parse<FieldValue>(r.value),
    surface: r.surface,
    evidence: {
      articleId: r.article_id,
      part: r.part as 'title' | 'text',
      span: { start: r.span_start, end: r.span_end },
      sentenceSpan: { start: r.sentence_start, end: r.sentence_end },
      sentence: r.sentence,
    },
    attribution: r.attribution,
    saidBy: r.said_by,
    confidence: r.confidence,
    parser: r.parser,
    implied: r.implied === 1,
  };
}

/** Rebuilds an extraction; `claimRows` must be this article's claims in idx order. */
export function rowsToExtraction(r: ExtractionRow, claimRows: ClaimRow[]): Extraction {
  const claims = claimRows.map(rowToClaim);
  const fields: Partial<Record<FieldName, Claim>> = {};
  // Point at the rebuilt objects so `fields.x === claims[i]`, as the extract stage produced them.
  for (const [field, idx] of Object.entries(parse<Record<string, number>>(r.fields))) {
    fields[field as FieldName] = claims[idx];
  }
  return {
    articleId: r.article_id,
    isLaunchReport: r.is_launch_report === 1,
    reportConfidence: r.report_confidence,
    actor: r.actor,
    claims,
    fields,
    weekday: r.weekday,
    // Absent rather than null when unknown, so extractions saved without one read back exactly.
    ...(r.date_window ? { dateWindow: parse<NonNullable<Extraction['dateWindow']>>(r.date_window) } : {}),
  };
}

export function eventToRow(e: LaunchEvent, updatedAt: string): EventRow {
  return {
    id: e.id,
    actor: e.actor,
    date_local: e.dateLocal,
    weekday: e.weekday,
    fields: JSON.stringify(e.fields),
    reference: e.reference ? JSON.stringify(e.reference) : null,
    updated_at: updatedAt,
  };
}

/** Events stored before the sources' share was named "agreement" call it "confidence": read it as agreement. */
function withAgreement(fields: Record<FieldName, EventField>): Record<FieldName, EventField> {
  for (const f of Object.values(fields) as (EventField & { confidence?: number })[]) {
    if (f.agreement === undefined && f.confidence !== undefined) f.agreement = f.confidence;
    delete f.confidence;
  }
  return fields;
}

export function rowToEvent(r: EventRow, articleIds: string[]): LaunchEvent {
  return {
    id: r.id,
    actor: r.actor,
    dateLocal: r.date_local,
    weekday: r.weekday,
    articleIds,
    fields: withAgreement(parse<Record<FieldName, EventField>>(r.fields)),
    // Absent rather than null when unknown, so events saved without one read back exactly.
    ...(r.reference ? { reference: parse<ReferenceAlignment>(r.reference) } : {}),
  };
}

/** Groups rows by a key, keeping their order. */
export function groupBy<T>(rows: T[], key: (row: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const row of rows) {
    const k = key(row);
    const group = groups.get(k);
    if (group) group.push(row);
    else groups.set(k, [row]);
  }
  return groups;
}

export type SummaryRow = Pick<ArticleRow, 'id' | 'origin' | 'url' | 'source' | 'published_date' | 'title' | 'language' | 'ingested_at'> & {
  /** The opening characters of the text, to name an untitled article by its first line. */
  text_head: string;
  is_launch_report: number;
  event_id: string | null;
};

/**
 * The columns of an article summary (where it came from without server folders, an untitled one named by its
 * first line), over `articles a LEFT JOIN extractions x` (the same SQL in both stores). An
 * article belongs to one event; should a caller ever put it in two, the lowest event id is shown.
 */
export const SUMMARY_COLUMNS = `a.id, a.origin, a.url, a.source, a.published_date, a.title, substr(a.text, 1, ${HEADLINE_SOURCE_CHARS}) AS text_head, a.language, a.ingested_at,
  COALESCE(x.is_launch_report, 0) AS is_launch_report,
  (SELECT MIN(ea.event_id) FROM event_articles ea WHERE ea.article_id = a.id) AS event_id`;

export function rowToSummary(r: SummaryRow): ArticleSummary {
  return {
    id: r.id,
    origin: publicOrigin(r.origin),
    url: r.url,
    source: outletName(r.source),
    published: r.published_date,
    title: r.title,
    headline: displayTitle(r.title, r.text_head),
    language: r.language as Language,
    isLaunchReport: r.is_launch_report === 1,
    eventId: r.event_id,
    ingestedAt: r.ingested_at,
  };
}

export interface CopyLinkRow {
  article_id: string;
  original_id: string;
  kind: 'duplicate' | 'rewrite';
  similarity: number;
  reason: string;
}

export const rowToCopyLink = (r: CopyLinkRow): CopyLink => ({ articleId: r.article_id, originalId: r.original_id, kind: r.kind, similarity: r.similarity, reason: r.reason });

export interface VersionRow {
  event_id: string;
  version: number;
  created_at: string;
  article_id: string | null;
  changes: string;
}

export const rowToVersion = (r: VersionRow): EventVersion => ({
  eventId: r.event_id, version: r.version, createdAt: r.created_at, articleId: r.article_id, changes: parse<FieldChange[]>(r.changes),
});

export interface AlertRow {
  seq: number;
  id: string;
  kind: Alert['kind'];
  event_id: string;
  version: number;
  payload: string;
  created_at: string;
}

export const rowToAlert = (r: AlertRow): Alert => ({
  seq: r.seq, id: r.id, kind: r.kind, eventId: r.event_id, version: r.version, createdAt: r.created_at, payload: parse<AlertPayload>(r.payload),
});

export interface DeliveryRow {
  alert_id: string;
  webhook_url: string;
  status: Delivery['status'];
  attempts: number;
  next_attempt: string | null;
  last_error: string | null;
  delivered_at: string | null;
}

export const rowToDelivery = (r: DeliveryRow): Delivery => ({
  alertId: r.alert_id, webhookUrl: r.webhook_url, status: r.status, attempts: r.attempts, nextAttempt: r.next_attempt, lastError: r.last_error, deliveredAt: r.delivered_at,
});

/** A due delivery with the alert it carries. */
export const rowToDueDelivery = (r: DeliveryRow & { payload: string }): { delivery: Delivery; payload: AlertPayload } => ({
  delivery: rowToDelivery(r), payload: parse<AlertPayload>(r.payload),
});
