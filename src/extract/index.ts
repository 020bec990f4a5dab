import type { Article, Claim, Extraction, FieldName, FieldValue, Span } from '../types.js';
import { findCounts } from './counts.js';
import { type DateMention, findDates, spokenDate } from './dates.js';
import { daysBetween, formatMinutes, KST_OFFSET_MINUTES, MINUTES_PER_DAY, onPyongyangTime, PYONGYANG_TIME, resolveWeekday, weekdayOf } from '../calendar.js';
import {
  actorInfo,
  findActors,
  findAgencies,
  findClassPhrases,
  findEez,
  findMissiles,
  findSeas,
  findSites,
} from '../knowledge/index.js';
import { phrases } from './phrases.js';
import { findLengths } from './quantities.js';
import { type RoleDecision, sentenceRole, statesLaunch } from './roles.js';
import { findTimes, toLocal } from './times.js';
import { dateWindow } from '../knowledge/index.js';
import { articleUnits, type Unit } from './units.js';

/** A sentence with everything the parsers found in it and its role. */
interface ReadUnit extends Unit {
  dates: DateMention[];
  launch: boolean;
  role: RoleDecision;
}

export function extractArticle(article: Article): Extraction {
  const hint = article.published ? null : yearHint(article);
  const reference = article.published?.date ?? latestWrittenDate(article);
  const units: ReadUnit[] = articleUnits(article).map((u) => ({
    ...u,
    dates: findDates(u.text, reference, hint),
    launch: !u.isCaption && statesLaunch(u.text),
    role: { role: 'main', mainEnd: u.text.length, reason: '' },
  }));
  // "succeeded in cruise missile tests on Saturday and Sunday": plural tests pinned to days are launches too.
  for (const u of units) if (!u.launch && !u.isCaption && /\bmissile (?:tests|launches)\b/i.test(u.text) && u.dates.some((d) => d.kind !== 'relative')) u.launch = true;
  // First pass: roles without a main date, to find the sentences that report the launch and its date.
  for (const u of units) u.role = sentenceRole(u, u.dates, null);
  const mainLaunch = units.filter((u) => u.launch && u.role.role === 'main');
  const actor = decideActor(units, mainLaunch);
  const offset = actorInfo(actor)?.utcOffsetMinutes ?? KST_OFFSET_MINUTES;
  const date = decideDate(units, mainLaunch, reference, offset);
  // Second pass: now that the main date is known, sentences anchored on other dates are background.
  for (const u of units) u.role = sentenceRole(u, u.dates, date.value, date.monthDay);
  // News is recent: an article whose launch happened over a month before publication retells history.
  const stale = date.value !== null && reference !== null && daysBetween(date.value, reference) > 30;
  const isReport = stale ? { value: false, confidence: 0.7 } : decideReport(units);

  const claims: Claim[] = [];
  const claim = (u: Unit, field: FieldName, value: FieldValue, span: Span, parser: string, confidence: number, implied = false): void => {
    claims.push(makeClaim(article, u, field, value, span, parser, confidence, implied));
  };
  if (date.value && date.unit && date.span) claim(date.unit, 'date_local', date.value, date.span, date.parser, date.confidence, date.implied);
  else if (date.value && units.length) {
    const u = units[0];
    claim(u, 'date_local', date.value, { start: 0, end: 0 }, 'publication-date', 0.6, true);
  }

  const main = units.filter((u) => u.role.role === 'main');
  const inMain = (u: ReadUnit, start: number): boolean => start >= (u.role.mainStart ?? 0) && start < u.role.mainEnd;

  // North Korean state media (a KCNA dateline or byline) tell time on Pyongyang's clock.
  const fromKcna = /\(KCNA\)|Korean Central News Agency|\bKCNA\b/.test(`${article.title ?? ''} ${article.text.slice(0, 400)}`);
  // Time of the first launch: the earliest launch time stated in the main sentences, on the launch clock.
  const times = main
    .filter((u) => u.launch || /\blaunch|fired|lift(?:ed)?[- ]off/i.test(u.text))
    .flatMap((u) => launchTimes(u.text, date.value, actor, fromKcna).filter((t) => inMain(u, t.span.start)).map((t) => ({ u, t })));
  if (times.length) {
    const first = times.reduce((a, b) => (b.t.minutes < a.t.minutes ? b : a));
    claim(first.u, 'time_local', formatMinutes(first.t.minutes), first.t.span, 'time', 0.8);
  }

  // Distance and apogee: the largest figure stated for this launch, km preferred over miles.
  for (const kind of ['distance', 'apogee'] as const) {
    const field: FieldName = kind === 'distance' ? 'distance_km' : 'apogee_km';
    const found: { u: Unit; km: number; unit: 'km' | 'mi'; span: Span }[] = [];
    for (const u of main) {
      for (const l of findLengths(u.text)) if (l.kind === kind && inMain(u, l.start)) found.push({ u, km: l.km, unit: l.unit, span: { start: l.start, end: l.end } });
    }
    const km = found.filter((f) => f.unit === 'km');
    const pool = km.length ? km : found;
    if (pool.length) {
      const best = pool.reduce((a, b) => (b.km > a.km ? b : a));
      claim(best.u, field, best.km, best.span, kind, 0.75);
    }
  }

  // Count: the first count the body commits to (the headline's only when the body has none); a figure is
  // not exact when another statement of the same number hedges it ("two" in the headline, "at least two" below).
  const counts = main.flatMap((u) => findCounts(u.text, findMissiles(u.text)).filter((c) => inMain(u, c.start)).map((c) => ({ u, c })));
  const bodyCounts = counts.filter((x) => x.u.part === 'text');
  let primary = bodyCounts[0] ?? counts[0];
  // "fired missiles … two of them": a bare plural gives way to a later figure of two or more.
  if (primary && !primary.c.numeric) primary = counts.find((x) => x.c.numeric && x.c.min >= 2) ?? primary;
  if (primary) {
    const exact = primary.c.exact && !counts.some((x) => x.c.numeric && x.c.min === primary.c.min && !x.c.exact);
    const span = { start: primary.c.start, end: primary.c.end };
    claim(primary.u, 'count_min', primary.c.min, span, 'count', primary.c.numeric ? 0.8 : 0.6);
    claim(primary.u, 'count_exact', exact, span, 'count', 0.7);
  } else {
    // No count words: the first launch sentence still speaks of one missile ("the Agni-V", "the test": one)
    // or of several ("missile tests on Saturday and Sunday": two or more).
    const first = main.find((u) => u.launch);
    if (first) {
      const plural = /\b(?:missiles|rockets|projectiles|ICBMs|SRBMs|IRBMs|MRBMs|missile tests)\b/i.exec(first.text);
      const span = plural ? { start: plural.index, end: plural.index + plural[0].length } : { start: 0, end: 0 };
      claim(first, 'count_min', plural ? 2 : 1, span, plural ? 'count-plural' : 'count-singular', 0.5, true);
      claim(first, 'count_exact', !plural, span, plural ? 'count-plural' : 'count-singular', 0.5, true);
    }
  }

  // Class: a stated range class beats a plain "ballistic"; names never imply a class.
  const classes = main.flatMap((u) => findClassPhrases(u.text).filter((c) => inMain(u, c.start) && !c.weak).map((c) => ({ u, c })));
  const specific = classes.find((x) => x.c.class !== 'ballistic' && x.c.class !== 'HGV');
  const cls = specific ?? classes.find((x) => x.c.class === 'ballistic');
  if (cls) claim(cls.u, 'class', cls.c.class, { start: cls.c.start, end: cls.c.end }, 'class-phrase', specific ? 0.8 : 0.7);

  // Name: the first designation named in a main sentence.
  for (const u of main) {
    const m = findMissiles(u.text).find((x) => inMain(u, x.start));
    if (m) {
      claim(u, 'name', m.surface.replace(/['’]s$/i, ''), { start: m.start, end: m.end }, 'missile-name', 0.75);
      break;
    }
  }

  // Site: a gazetteer name in a main sentence; ambiguous names ("Pyongyang") only where they read as a place.
  // Sites come from sentences that report the launch; an ambiguous name only after the verb ("fired … from near Pyongyang").
  const siteHits = main
    .filter((u) => u.launch || phrases().launchVerb.test(u.text) || phrases().launchNoun.test(u.text) || phrases().missileNoun.test(u.text))
    .flatMap((u) =>
      findSites(u.text)
        .filter((s) => inMain(u, s.start) && placeContext(u.text, s.start, s.end, s.weak))
        // In a sentence with no launch words, only "from … Sinpo" says where a missile came from.
        .filter((s) => (s.weak ? firedBefore(u.text, s.start) : u.launch || phrases().launchVerb.test(u.text) || phrases().launchNoun.test(u.text.slice(0, s.start)) || /\bfrom\b[^.]{0,60}$/i.test(u.text.slice(0, s.start))))
        .map((s) => ({ u, s })),
    );
  const site = siteHits.find((x) => !x.s.weak) ?? siteHits[0];
  if (site) claim(site.u, 'site', site.s.key, { start: site.s.start, end: site.s.end }, 'gazetteer', site.s.weak ? 0.6 : 0.8);

  // Landing area: a sea where the missiles went, not the coast they left from.
  for (const u of main) {
    const inland = /\b(?:landed|fell|crashed|impacted)\s+(?:\w+\s+){0,3}(?:inland|on land)\b|\bland(?:ed)? (?:in|on) (?:an? )?(?:inland|land)/i.exec(u.text);
    if (inland && inMain(u, inland.index)) {
      claim(u, 'landing', 'land', { start: inland.index, end: inland.index + inland[0].length }, 'landing', 0.7);
      break;
    }
    const sea = findSeas(u.text).find((s) => inMain(u, s.start) && landingContext(u.text, s));
    if (sea) {
      claim(u, 'landing', sea.landing, { start: sea.start, end: sea.end }, 'sea', 0.75);
      break;
    }
  }

  for (const u of main) {
    const e = findEez(u.text).find((x) => inMain(u, x.start));
    if (e) {
      claim(u, 'eez', e.value, { start: e.start, end: e.end }, 'eez', 0.8);
      break;
    }
  }

  const fields: Partial<Record<FieldName, Claim>> = {};
  for (const c of claims) if (!fields[c.field]) fields[c.field] = c;
  return {
    articleId: article.id,
    isLaunchReport: isReport.value,
    reportConfidence: isReport.confidence,
    actor: isReport.value ? actor : null,
    claims: isReport.value ? claims : [],
    fields: isReport.value ? fields : {},
    weekday: date.weekday,
    // Only undated reports need it: a dated one has its day already.
    ...(isReport.value && !date.value ? { dateWindow: dateWindow(`${article.title ?? ''}\n${article.text}`) } : {}),
  };
}

const OFFICIAL_KINDS = new Set(['military', 'government', 'coast-guard', 'state-media']);

/**
 * A claim's confidence: the parser's base figure, lowered when the sentence hedges or sits deep in the article
 * (late sentences more often speak of something else), raised when an official source is named.
 */
function adjustedConfidence(base: number, u: Unit, agencyKind: string | null): number {
  let c = base;
  if (phrases().hedge.test(u.text)) c -= 0.1;
  if (u.index > 12) c -= 0.1;
  if (agencyKind && OFFICIAL_KINDS.has(agencyKind)) c += 0.1;
  return Math.round(Math.min(0.95, Math.max(0.05, c)) * 100) / 100;
}

function makeClaim(article: Article, u: Unit, field: FieldName, value: FieldValue, span: Span, parser: string, confidence: number, implied: boolean): Claim {
  const base = u.span.start;
  const agency = nearestAgency(u.text, span);
  confidence = adjustedConfidence(confidence, u, agency?.kind ?? null);
  return {
    field,
    value,
    surface: u.text.slice(span.start, span.end),
    evidence: {
      articleId: article.id,
      part: u.part,
      span: { start: base + span.start, end: base + span.end },
      sentenceSpan: { start: u.span.start, end: u.span.end },
      sentence: u.text,
    },
    attribution: agency?.key ?? null,
    saidBy: agency?.name ?? article.source,
    confidence,
    parser,
    implied,
  };
}

function nearestAgency(text: string, span: Span): { key: string; name: string; kind: string } | null {
  const hits = findAgencies(text);
  if (!hits.length) return null;
  const dist = (h: { start: number; end: number }): number => (h.end <= span.start ? span.start - h.end : h.start >= span.end ? h.start - span.end : 0);
  return hits.reduce((a, b) => (dist(b) < dist(a) ? b : a));
}

const firedBefore = (text: string, at: number): boolean => phrases().launchVerb.test(text.slice(0, at));

/**
 * A sea is where the missiles went when a preposition of motion or place leads to it ("into the East Sea",
 * "toward the Sea of Japan", "landed in the Pacific"), not the coast they left from, not "the Asia-Pacific",
 * and not "off the east coast of Japan" (which is the Pacific).
 */
function landingContext(text: string, s: { start: number; end: number; surface: string; weak: boolean }): boolean {
  if (s.weak) return false;
  const before = text.slice(Math.max(0, s.start - 40), s.start);
  const after = text.slice(s.end, s.end + 25);
  if (/[-‐]$/.test(before) || /^[-‐]/.test(after)) return false;
  if (/^\s*(?:region|rim|command|fleet|nations|countries|allies|partners|targets?|bases?|coast of (?!north))/i.test(after)) return false;
  if (/coast/i.test(s.surface) && /^\s*of\s+(?:japan|hokkaido|honshu)/i.test(after)) return false;
  if (/\bfrom\s+(?:\S+\s+){0,3}$/i.test(before)) return false;
  // "the ability to hit remote targets in the Pacific" is reach, not where this missile fell ("struck targets in
  // the East Sea" is).
  if (/\b(?:remote|distant|enemy|potential|strategic|any|far-off)\s+targets?\s+(?:\S+\s+)?(?:in|across|throughout|around)\s+(?:the\s+)?$/i.test(before)) return false;
  if (/^(?:off|into|in|toward|towards|to)\b/i.test(s.surface)) return true;
  // A labelled line: "Impact: East Sea", "Landing area: Sea of Japan".
  if (/\b(?:impact|landing|landed|splashdown)(?: (?:area|point|zone))?\s*:\s*$/i.test(before)) return true;
  return /\b(?:into|in|toward|towards|to|off|over|onto|across|at|reach(?:ed|ing)?|arrived in|landing|landed|fell|falling|splashed)\s+(?:the\s+)?(?:[\w-]+\s+)?(?:(?:waters?|seas?|area|zone|middle|part)\s+(?:of|off|in)\s+(?:the\s+)?)?(?:[\w-]+\s+){0,2}$/i.test(before);
}

// A weak place name counts only after a preposition of place or before "area"/"region".
function placeContext(text: string, start: number, end: number, weak: boolean): boolean {
  const before = text.slice(Math.max(0, start - 40), start);
  const after = text.slice(end, end + 20);
  if (/^\s*(?:'s\s+)?(?:military|government|regime|leader|state|has|have|had|said|says|fired|launched|claimed)\b/i.test(after)) return false;
  if (!weak) return true;
  return /\b(?:from|near|in|at|around|outside|of)\s+(?:the\s+)?(?:[\w-]+\s+){0,4}$/i.test(before) || /^\s*(?:area|region|district|vicinity|outskirts|suburbs?)\b/i.test(after) || /\b(?:area|outskirts|vicinity|suburbs?) of\s+(?:the\s+)?$/i.test(before);
}

interface DateDecision {
  value: string | null;
  monthDay: string | null;
  weekday: number | null;
  unit: Unit | null;
  span: Span | null;
  parser: string;
  confidence: number;
  implied: boolean;
}

/**
 * The main launch's local date: an explicit date in a launch sentence, else a weekday resolved against the
 * publication date, else "today"/"the previous day", else (a flash with no date words) the publication day.
 * Dates after "said"/"announced" are when somebody spoke, used only when nothing else is written.
 */
function decideDate(units: ReadUnit[], mainLaunch: ReadUnit[], reference: string | null, offset: number): DateDecision {
  const none: DateDecision = { value: null, monthDay: null, weekday: null, unit: null, span: null, parser: 'none', confidence: 0, implied: false };
  const candidates: { u: ReadUnit; d: DateMention; rank: number }[] = [];
  for (const [i, u] of mainLaunch.entries()) {
    for (const d of u.dates) {
      if (d.start >= u.role.mainEnd || isPublicationStamp(u.text, d)) continue;
      // Beyond the opening sentences, only a date close to publication can be the launch day.
      if (i >= 6 && !(d.date && reference && Math.abs(Date.parse(d.date) - Date.parse(reference)) <= 7 * 86_400_000)) continue;
      const spoken = spokenDate(u.text, d.start, d.end);
      const kindRank = d.kind === 'explicit' ? 0 : d.kind === 'weekday' ? 1 : 2;
      // Reading order first (the lead reports the launch; later dates are often background), then explicit
      // dates before weekdays before relative words; dates of statements only when nothing else is written.
      candidates.push({ u, d, rank: (spoken ? 1000 : 0) + i * 10 + kindRank });
    }
    // Several launch days in one sentence ("On Tuesday it fired …, and on Friday it launched …"): the latest is
    // the news, the earlier ones background.
    const own = candidates.filter((c) => c.u === u && c.d.kind === 'weekday' && c.d.date && c.rank < 1000);
    // "on Saturday and Sunday" is one span of days: its first day is the launch date.
    const joined = own.length === 2 && /^\s*(?:and|to|through|or|-|–)\s*(?:on\s+)?$/i.test(u.text.slice(own[0].d.end, own[1].d.start));
    if (own.length > 1 && !joined) {
      const latest = own.reduce((a, b) => ((b.d.date ?? '') > (a.d.date ?? '') ? b : a));
      for (const c of own) if (c !== latest) c.rank += 5;
    }
  }
  // A UTC weekday ("23:10 GMT on Wednesday") becomes a local weekday through the time beside it.
  for (const c of candidates) {
    if (c.d.kind === 'weekday' && c.d.inUtc && c.d.weekday !== null) {
      const t = findTimes(c.u.text).find((x) => x.zone === 'UTC' || x.zone === 'GMT');
      const shift = t ? toLocal(t, offset).dayShift : 0;
      const wd = (c.d.weekday + shift + 7) % 7;
      c.d = { ...c.d, weekday: wd, date: reference ? resolveWeekday(wd, reference) : null, inUtc: false };
      c.rank += 1;
    }
  }
  // An explicit date in the opening launch sentences beats a weekday elsewhere, when it is a plausible launch day
  // for this publication date (within a week before it, or the day after).
  for (const c of candidates) {
    const i = mainLaunch.indexOf(c.u);
    const plausible = c.d.kind === 'explicit' && c.d.date !== null && (!reference || (daysBetween(c.d.date, reference) <= 7 && daysBetween(c.d.date, reference) >= -1));
    if (plausible && i < 3 && c.rank < 1000) c.rank = -1;
  }
  // A weekday without a reference pins no day: a candidate that resolves to a date goes first.
  candidates.sort((a, b) => (a.d.date ? 0 : 1) - (b.d.date ? 0 : 1) || a.rank - b.rank);
  const best = candidates[0];
  if (best) {
    const d = best.d;
    const span = { start: d.start, end: d.end };
    if (d.date) return { value: d.date, monthDay: d.date.slice(5), weekday: weekdayOf(d.date), unit: best.u, span, parser: `date-${d.kind}`, confidence: d.kind === 'explicit' ? 0.9 : 0.8, implied: d.kind !== 'explicit' || !d.yearStated };
    return { ...none, monthDay: d.monthDay, weekday: d.weekday, unit: best.u, span };
  }
  if (reference && mainLaunch.length) return { value: reference, monthDay: reference.slice(5), weekday: weekdayOf(reference), unit: null, span: null, parser: 'publication-date', confidence: 0.6, implied: true };
  return none;
}

/**
 * Datelines and page stamps date the article, not the launch: "Odisha, October 28 (KMS):", "| 24.05.2022",
 * "Published On 14 Jan 2025".
 */
function isPublicationStamp(text: string, d: DateMention): boolean {
  if (d.kind !== 'explicit') return false;
  const before = text.slice(0, d.start);
  const after = text.slice(d.end, d.end + 12);
  if (/\b(?:published|updated|posted|modified|created)(?:\s+on)?\s*:?\s*$/i.test(before)) return true;
  if (/\|\s*$/.test(before)) return true;
  return /^[A-Z][\w.' -]{0,40},?\s*$/.test(before) && /^\s*(?:\(|:|-|—|–|\/)/.test(after);
}

/**
 * With no publication date, the latest full date written on the page (a caption's, a dateline's) stands in for
 * it, so that "Monday" and "the previous day" can still be pinned.
 */
function latestWrittenDate(article: Article): string | null {
  let latest: string | null = null;
  for (const t of [article.title ?? '', ...article.sentences.map((s) => article.text.slice(s.start, s.end))]) {
    for (const d of findDates(t, null)) if (d.kind === 'explicit' && d.yearStated && d.date && (!latest || d.date > latest)) latest = d.date;
  }
  return latest;
}

/** A year for dates written without one when the publication date is unknown: from the URL, else the text. */
function yearHint(article: Article): number | null {
  const fromUrl = article.url?.match(/\/((?:19|20)\d\d)(?:[/_-]|[01]\d)/);
  if (fromUrl) return Number(fromUrl[1]);
  const tally = new Map<number, number>();
  // Years in sentences about launches count double: page chrome ("© 2026") should not outvote "in 2025".
  const texts = [article.title ?? '', ...article.sentences.map((x) => article.text.slice(x.start, x.end))];
  for (const t of texts) {
    const weight = statesLaunch(t) ? 2 : 1;
    for (const m of t.matchAll(/\b((?:19|20)\d\d)\b/g)) tally.set(Number(m[1]), (tally.get(Number(m[1])) ?? 0) + weight);
  }
  // The most mentioned year; ties go to the later one (background years tend to be older).
  let best: number | null = null;
  for (const [y, n] of tally) if (best === null || n > (tally.get(best) ?? 0) || (n === tally.get(best) && y > best)) best = y;
  return best;
}


/**
 * Launch times in a sentence, converted to the launching country's clock. Times of landings, warnings and
 * announcements are left out. A zone of the launching country itself ("3:33 a.m. PDT" for a US test) is kept as
 * written; UTC and foreign zones are converted. North Korea kept UTC+8:30 from 2015 to 2018, so a "local time"
 * then is half an hour behind KST (the GMT gloss, when given, settles it).
 */
function launchTimes(text: string, date: string | null, actor: string | null, pyongyangSource = false): { minutes: number; span: Span }[] {
  const p = phrases();
  const info = actorInfo(actor);
  const offset = info?.utcOffsetMinutes ?? KST_OFFSET_MINUTES;
  const homeZones = new Set(info?.timeZone?.startsWith('America/') ? ['PDT', 'PST', 'PT', 'MDT', 'MST', 'CDT', 'EDT', 'EST', 'ET', 'HST'] : []);
  // A time belongs to the nearest event word before it: a landing, a warning, an announcement, or the firing.
  const found = findTimes(text).filter((t) => {
    const before = text.slice(Math.max(0, t.start - 120), t.start);
    const last = (re: RegExp): number => Math.max(-1, ...[...before.matchAll(new RegExp(re.source, 'gi'))].map((m) => m.index ?? -1));
    return last(p.landingTime) <= last(p.timeEvent);
  });
  const pyongyangClock = onPyongyangTime(date) && offset === KST_OFFSET_MINUTES;
  const out: { minutes: number; span: Span }[] = [];
  for (const t of found) {
    const span = { start: t.start, end: t.end };
    if (t.gloss && out.length) continue; // "8 a.m. (2300 GMT)": the gloss restates the time before it
    const gloss = found.find((g) => g.gloss && g.start > t.end && g.start - t.end < 6 && (g.zone === 'UTC' || g.zone === 'GMT'));
    // KCNA writes Pyongyang's own clock: an unzoned time in its text is local time too.
    if (pyongyangClock && (t.zone === 'local' || (t.zone === 'unzoned' && pyongyangSource))) {
      out.push({ minutes: gloss ? toLocal(gloss, offset).minutes : (t.minutes + PYONGYANG_TIME.behindKstMinutes) % MINUTES_PER_DAY, span });
    } else if (t.zone === 'unzoned' || t.zone === 'local' || homeZones.has(t.zone)) {
      out.push({ minutes: t.minutes, span });
    } else {
      out.push({ minutes: toLocal(t, offset, date).minutes, span });
    }
  }
  return out;
}

/**
 * Who launched: per launch sentence, the agent of a passive ("fired by North Korea", "the launch by Pyongyang"),
 * else the nearest actor before the verb that is not a reporting body ("South Korea's military said"), else the
 * owner of a named missile. The first sentences that yield one decide.
 */
function decideActor(units: ReadUnit[], mainLaunch: ReadUnit[]): string | null {
  const p = phrases();
  // An actor that only reports ("Seoul says …") is a fallback: a later sentence may name the launcher.
  let reporter: string | null = null;
  for (const u of mainLaunch.slice(0, 4)) {
    const actors = findActors(u.text).filter((a) => !/^\s*(?:'s|’s)?\s*(?:military|defen[cs]e|joint|coast|government|officials?|president|prime|foreign|chief|national|navy|intelligence|spy|unification|station|media)/i.test(u.text.slice(a.end, a.end + 25)));
    const by = actors.find((a) => /\b(?:fired|launched|launch|launches|test-fired|firing)\s+(?:\S+\s+){0,3}by\s+(?:the\s+)?$/i.test(u.text.slice(Math.max(0, a.start - 45), a.start)));
    if (by) return by.actor;
    // "a ballistic missile was launched from Yemen", "Missile from Yemen intercepted": the place it came from.
    const origin = actors.find((a) => /\b(?:launched|fired|missiles?|rockets?|projectiles?|drones?)\s+from\s+(?:the\s+)?$/i.test(u.text.slice(Math.max(0, a.start - 40), a.start)));
    if (origin) return origin.actor;
    // "North Korea's launch of …" (the actor tables may or may not include the "'s" in the match).
    const possessive = actors.find((a) => /^(?:\s*(?:'s|’s))?\s+(?:\S+\s+){0,3}(?:launch|test|firing)/i.test(u.text.slice(a.end, a.end + 40)) && (/['’]s$/i.test(a.surface) || /^\s*['’]s/.test(u.text.slice(a.end))));
    if (possessive) return possessive.actor;
    const verb = p.launchVerb.exec(u.text);
    if (verb) {
      const before = actors.filter((a) => a.end <= verb.index);
      const subject = before[before.length - 1];
      if (subject) {
        const says = /^\s*(?:says|said|reports?|reported|told|claims?|claimed)\b/i.test(u.text.slice(subject.end, subject.end + 12));
        if (!says || before.length > 1) return says ? before[before.length - 2].actor : subject.actor;
        reporter ??= subject.actor;
        continue;
      }
    }
    const named = findMissiles(u.text).find((m) => !m.weak);
    if (named?.actor) return named.actor;
  }
  if (reporter) return reporter;
  const tally = new Map<string, number>();
  for (const u of units.slice(0, 4)) for (const a of findActors(u.text)) tally.set(a.actor, (tally.get(a.actor) ?? 0) + 1);
  let best: string | null = null;
  for (const [a, n] of tally) if (best === null || n > (tally.get(best) ?? 0)) best = a;
  return best;
}

/**
 * The article is a launch report when its headline or its opening sentences report a launch as news — not a
 * tally over a period ("has fired 16 missiles in 2017"), not an artillery drill, a parade or debris.
 */
function decideReport(units: ReadUnit[]): { value: boolean; confidence: number } {
  const p = phrases();
  const title = units.find((u) => u.part === 'title');
  // Page furniture ("ARSTECHNICA.COM", "All clear") is not a lead: the lead is the first real sentences.
  const body = units.filter((u) => u.part === 'text' && !u.isCaption && u.text.split(/\s+/).length >= 6);
  const lead = body.slice(0, 2);
  const reports = (u: ReadUnit): boolean => {
    if (!u.launch || u.role.role !== 'main') return false;
    const mainPart = u.text.slice(u.role.mainStart ?? 0, u.role.mainEnd);
    // Strong negatives (artillery, debris, missile defence) anywhere in the main clause; weaker ones (a parade,
    // drills, a summit) only before the missile noun, i.e. when they are what the sentence is about.
    const head = mainPart.replace(/\b(?:missile|rocket|projectile)s?\b[\s\S]*$/i, '');
    if (p.notLaunch.test(mainPart) || p.notLaunchHead.test(head)) return false;
    // In the body, a launch is reported with a verb ("fired") or pinned to a day; "the number of launches" is talk.
    const eventNoun = /\b(?:the|a|its|this)\s+(?:\S+\s+){0,2}(?:launch|test[- ]?fir(?:e|ing)|test[- ]launch|flight test)\s+of\b/i.test(mainPart);
    if (u.part === 'text' && !p.launchVerb.test(mainPart) && !eventNoun && !u.dates.some((d) => d.start < u.role.mainEnd)) return false;
    return !isTally(u);
  };
  const t = title ? reports(title) : false;
  // The second sentence leads only when the first is not about launches at all (a KCNA "issued the following
  // report:" opener); an opening tally or history makes the piece an analysis.
  // A headline about something else (sanctions, a meeting) does not hand the lead to its second sentence.
  const titleElsewhere = title !== undefined && !title.launch && p.notLaunchHead.test(title.text);
  const l = lead.length > 0 && (reports(lead[0]) || (!lead[0].launch && !titleElsewhere && lead.length > 1 && reports(lead[1])));
  if (t && l) return { value: true, confidence: 0.95 };
  if (t || l) return { value: true, confidence: 0.75 };
  return { value: false, confidence: 0.8 };
}

/** "North Korea has fired 16 missiles during 10 tests in 2017": many launches over a period, not one launch. */
function isTally(u: ReadUnit): boolean {
  const p = phrases();
  if (p.tallyStrong.test(u.text)) return true;
  if (!p.tallyMarker.test(u.text) || !p.tallyCount.test(u.text)) return false;
  // A sentence that dates its launch to a day reports that day's launch, however many missiles it lists.
  return !u.dates.some((d) => d.kind === 'weekday' || (d.kind === 'explicit' && !/^\s*(?:in\s+)?(?:19|20)\d\d\s*$/.test(d.surface)));
}
