// What a rule's match can begin with: the regex atoms (a literal, a class, an escape) one of which the first
// character of every match of a regex source must satisfy. The table matcher uses it to try at a position only the
// rules whose match can begin with the character found there. The analysis is conservative: zero-width parts
// (lookarounds, \b, ^, $) are skipped, optional parts add their own atoms, and anything it does not follow makes
// the source "may begin with anything" (null), never a set too small.

/** The first atoms of a source, or null when its match may begin with any character. */
export function firstAtoms(source: string): string[] | null {
  try {
    const parser = new FirstAtomParser(source);
    const r = parser.alternation();
    if (parser.pos !== source.length || r.nullable || r.atoms === null || r.atoms.length === 0) return null;
    return [...new Set(r.atoms)];
  } catch {
    return null;
  }
}

interface Firsts {
  /** Atoms a first character must satisfy; null: any character. */
  atoms: string[] | null;
  /** The part may match the empty string, so what follows it may supply the first character too. */
  nullable: boolean;
}

const ZERO_WIDTH: Firsts = { atoms: [], nullable: true };
const ANY: Firsts = { atoms: null, nullable: false };

/** Thrown for a construct the analysis does not follow: the caller answers "anything". */
class Unsupported extends Error {}

const union = (a: string[] | null, b: string[] | null): string[] | null => (a === null || b === null ? null : [...a, ...b]);

class FirstAtomParser {
  pos = 0;

  constructor(private readonly src: string) {}

  /** a|b|c: any alternative may supply the first character. */
  alternation(): Firsts {
    let out = this.sequence();
    while (this.src[this.pos] === '|') {
      this.pos++;
      const next = this.sequence();
      out = { atoms: union(out.atoms, next.atoms), nullable: out.nullable || next.nullable };
    }
    return out;
  }

  /** abc: a supplies it, or b when a may be empty, and so on. Every term is parsed, to find the end. */
  private sequence(): Firsts {
    let atoms: string[] | null = [];
    let nullable = true;
    while (this.pos < this.src.length && this.src[this.pos] !== '|' && this.src[this.pos] !== ')') {
      const t = this.quantified();
      if (nullable) {
        atoms = union(atoms, t.atoms);
        nullable = t.nullable;
      }
    }
    return { atoms, nullable };
  }

  /** A term and its quantifier: a minimum of zero makes it optional. */
  private quantified(): Firsts {
    const t = this.term();
    const c = this.src[this.pos];
    let optional = false;
    if (c === '?' || c === '*') {
      optional = true;
      this.pos++;
    } else if (c === '+') {
      this.pos++;
    } else if (c === '{') {
      const m = /^\{(\d+)(?:,\d*)?\}/.exec(this.src.slice(this.pos));
      if (!m) throw new Unsupported('brace');
      optional = Number(m[1]) === 0;
      this.pos += m[0].length;
    } else {
      return t;
    }
    if (this.src[this.pos] === '?') this.pos++; // lazy
    return optional ? { atoms: t.atoms, nullable: true } : t;
  }

  private term(): Firsts {
    const src = this.src;
    const c = src[this.pos];
    if (c === '(') return this.group();
    if (c === '[') return this.charClass();
    if (c === '\\') return this.escape();
    if (c === '^' || c === '$') {
      this.pos++;
      return ZERO_WIDTH;
    }
    if (c === '.') {
      this.pos++;
      return ANY;
    }
    if (c === '*' || c === '+' || c === '?' || c === '{' || c === '}' || c === ']') throw new Unsupported(c);
    // A literal character: a whole code point (a surrogate pair is one).
    const cp = src.codePointAt(this.pos) ?? 0;
    const ch = String.fromCodePoint(cp);
    this.pos += ch.length;
    return { atoms: [ch], nullable: false };
  }

  private group(): Firsts {
    const src = this.src;
    let lookaround = false;
    if (src.startsWith('(?:', this.pos)) this.pos += 3;
    else if (src.startsWith('(?=', this.pos) || src.startsWith('(?!', this.pos)) {
      this.pos += 3;
      lookaround = true;
    } else if (src.startsWith('(?<=', this.pos) || src.startsWith('(?<!', this.pos)) {
      this.pos += 4;
      lookaround = true;
    } else if (src.startsWith('(?', this.pos)) throw new Unsupported('group kind');
    else this.pos += 1;
    const inner = this.alternation();
    if (src[this.pos] !== ')') throw new Unsupported('unclosed group');
    this.pos++;
    // A lookaround consumes nothing: the character after it is the one that counts.
    return lookaround ? ZERO_WIDTH : inner;
  }

  /** [...] as one atom, escapes inside included (no nested classes: the sources use the u flag, not v). */
  private charClass(): Firsts {
    const src = this.src;
    const start = this.pos;
    let i = this.pos + 1;
    if (src[i] === '^') i++;
    while (i < src.length && src[i] !== ']') i += src[i] === '\\' ? 2 : 1;
    if (i >= src.length) throw new Unsupported('unclosed class');
    this.pos = i + 1;
    return { atoms: [src.slice(start, this.pos)], nullable: false };
  }

  private escape(): Firsts {
    const rest = this.src.slice(this.pos);
    // \b, \B: zero-width.
    if (rest[1] === 'b' || rest[1] === 'B') {
      this.pos += 2;
      return ZERO_WIDTH;
    }
    const m =
      /^\\[pP]\{[^}]*\}/.exec(rest) ??
      // A surrogate pair written as two escapes is one code point under the u flag.
      /^\\u[dD][89abAB][0-9a-fA-F]{2}\\u[dD][c-fC-F][0-9a-fA-F]{2}/.exec(rest) ??
      /^\\u\{[0-9a-fA-F]+\}/.exec(rest) ??
      /^\\u[0-9a-fA-F]{4}/.exec(rest) ??
      /^\\x[0-9a-fA-F]{2}/.exec(rest) ??
      /^\\c[A-Za-z]/.exec(rest) ??
      /^\\0(?![0-9])/.exec(rest);
    if (m) {
      this.pos += m[0].length;
      return { atoms: [m[0]], nullable: false };
    }
    // Backreferences (\1, \k<name>) are refused by ruleProblems; anything else is a one-character escape.
    if (/^\\(?:[1-9]|k)/.test(rest) || rest.length < 2) throw new Unsupported('escape');
    const ch = String.fromCodePoint(rest.codePointAt(1) ?? 0);
    this.pos += 1 + ch.length;
    return { atoms: [`\\${ch}`], nullable: false };
  }
}
