// Byte-level checks: binary sniffing and charset decoding. Everything after this works on strings.
// Legacy Korean and Japanese pages (EUC-KR/CP949, Shift_JIS, EUC-JP) decode through iconv-lite, whose euc-kr
// and shift_jis are the Windows supersets (CP949, CP932) that browsers also use for those labels.
import iconv from 'iconv-lite';
import jschardet from 'jschardet';
import { LANGUAGE_SCRIPT_SHARE } from '../settings.js';

const MAGIC: { bytes: number[]; label: string }[] = [
  { bytes: [0x89, 0x50, 0x4e, 0x47], label: 'PNG image' },
  { bytes: [0xff, 0xd8, 0xff], label: 'JPEG image' },
  { bytes: [0x47, 0x49, 0x46, 0x38], label: 'GIF image' },
  { bytes: [0x25, 0x50, 0x44, 0x46], label: 'PDF document' },
  { bytes: [0x50, 0x4b, 0x03, 0x04], label: 'ZIP archive' },
  { bytes: [0x1f, 0x8b], label: 'gzip archive' },
];

const startsWith = (buf: Uint8Array, prefix: number[]): boolean =>
  buf.length >= prefix.length && prefix.every((b, i) => buf[i] === b);

type Bom = 'utf-8' | 'utf-16le' | 'utf-16be';

function detectBom(buf: Uint8Array): Bom | null {
  if (startsWith(buf, [0xef, 0xbb, 0xbf])) return 'utf-8';
  if (startsWith(buf, [0xff, 0xfe])) return 'utf-16le';
  if (startsWith(buf, [0xfe, 0xff])) return 'utf-16be';
  return null;
}

export const isGzip = (buf: Uint8Array): boolean => startsWith(buf, [0x1f, 0x8b]);

/** Returns "binary file (looks like …)" when the bytes are not text, else null. */
export function binaryReason(buf: Uint8Array): string | null {
  const magic = MAGIC.find((m) => startsWith(buf, m.bytes));
  if (magic) return `binary file (looks like ${magic.label})`;
  // UTF-16 text is full of NUL bytes, so the NUL test only applies without a UTF-16 BOM.
  const bom = detectBom(buf);
  if (bom === 'utf-16le' || bom === 'utf-16be') return null;
  const head = buf.subarray(0, 8192);
  if (head.includes(0)) return 'binary file (looks like binary data: contains NUL bytes)';
  return null;
}

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

function tryUtf8(buf: Uint8Array): string | null {
  try {
    return strictUtf8.decode(buf);
  } catch {
    return null;
  }
}

/** The charset an HTML page declares in its first bytes (<meta charset> or http-equiv Content-Type). */
function declaredHtmlCharset(buf: Uint8Array): string | null {
  const head = Buffer.from(buf.subarray(0, 4096)).toString('latin1');
  const m =
    /<meta[^>]+charset\s*=\s*["']?\s*([\w.:-]+)/i.exec(head) ??
    /<meta[^>]+content\s*=\s*["'][^"']*charset\s*=\s*([\w.:-]+)/i.exec(head);
  return m ? m[1].toLowerCase() : null;
}

const isUtf8Label = (label: string): boolean => /^utf-?8$/i.test(label);

/**
 * A charset label iconv-lite can decode: the label itself, else its name in the WHATWG Encoding Standard
 * (Node's TextDecoder knows every label browsers accept: "x-euc-jp", "x-sjis", "ks_c_5601-1987", …); null when
 * neither knows it.
 */
export function resolveCharset(label: string): string | null {
  if (iconv.encodingExists(label)) return label;
  try {
    const name = new TextDecoder(label).encoding;
    return iconv.encodingExists(name) ? name : null;
  } catch {
    return null;
  }
}

const HANGUL_SYLLABLE = /[\uac00-\ud7a3]/g;
const LETTER = /\p{L}/gu;

/**
 * Korean in CP949 when nothing else recognised the bytes. jschardet's EUC-KR prober rejects the CP949
 * extension (the 8,822 syllables outside KS X 1001, trail bytes below 0xA1), so one rare syllable in a page
 * makes it guess a Latin charset. Accepted only when every byte decodes and the text reads as Hangul syllables
 * (CP949 reads EUC-JP kana as Hangul jamo, never as syllables).
 */
function asCp949(buf: Uint8Array): string | null {
  const text = iconv.decode(Buffer.from(buf), 'cp949');
  if (text.includes('\uFFFD')) return null;
  const letters = text.match(LETTER)?.length ?? 0;
  const syllables = text.match(HANGUL_SYLLABLE)?.length ?? 0;
  return letters > 0 && syllables >= letters * LANGUAGE_SCRIPT_SHARE ? text : null;
}

const MULTIBYTE_GUESS = /^(?:euc-kr|euc-jp|shift_jis|gb2312|gb18030|big5|euc-tw|iso-2022-(?:jp|kr|cn))$/i;

/**
 * Decodes file bytes to a string: BOM first, then (for HTML) the declared charset, then strict UTF-8,
 * then a jschardet guess decoded by iconv-lite; windows-1252 is the last resort because it never fails.
 */
export function decodeBytes(buf: Uint8Array, opts: { html: boolean }): string {
  const bom = detectBom(buf);
  if (bom === 'utf-8') return Buffer.from(buf.subarray(3)).toString('utf8');
  if (bom) return iconv.decode(Buffer.from(buf.subarray(2)), bom);

  if (opts.html) {
    const declared = declaredHtmlCharset(buf);
    const charset = declared && !isUtf8Label(declared) ? resolveCharset(declared) : null;
    if (charset) return iconv.decode(Buffer.from(buf), charset);
  }
  const utf8 = tryUtf8(buf);
  if (utf8 !== null) return utf8;
  // Mostly valid UTF-8 with a few broken sequences (a truncated copy, a bad paste): keep it UTF-8 and mark the
  // broken bytes, rather than reading every accented letter of the file as a legacy charset.
  const lenient = Buffer.from(buf).toString('utf8');
  const broken = (lenient.match(/\uFFFD/g) ?? []).length;
  const valid = (lenient.match(/[^\u0000-\u007F\uFFFD]/g) ?? []).length;
  if (valid > 0 && broken <= valid) return lenient;

  const guess = jschardet.detect(Buffer.from(buf));
  const label = guess.encoding && !/^(ascii|utf-?8)$/i.test(guess.encoding) ? guess.encoding : null;
  const trusted = label !== null && guess.confidence >= 0.2 && iconv.encodingExists(label);
  if (trusted && MULTIBYTE_GUESS.test(label)) return iconv.decode(Buffer.from(buf), label);
  const korean = asCp949(buf);
  if (korean !== null) return korean;
  if (trusted) return iconv.decode(Buffer.from(buf), label);
  return iconv.decode(Buffer.from(buf), 'windows-1252');
}
