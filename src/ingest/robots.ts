// robots.txt (RFC 9309), the small part a polite fetcher needs: which group applies to our user agent,
// whether a path is allowed (longest match wins, Allow wins a tie, `*` and `$` wildcards), and Crawl-delay.
//
// Parsing rules, as in RFC 9309 §2.2:
// - Lines are `key: value`; `#` starts a comment; keys are case-insensitive; unknown keys are ignored.
// - A group is one or more `User-agent` lines followed by rules; consecutive User-agent lines share the group.
// - The group for us is the one whose product token matches ours (case-insensitive); else the `*` group.
//   Several groups naming the same agent are merged.
// - An empty `Disallow:` allows everything; `/robots.txt` itself is always allowed.

export interface RobotsRule {
  allow: boolean;
  pattern: string;
}

interface Group {
  agents: string[];
  rules: RobotsRule[];
  crawlDelay: number | null;
}

/** Parsed robots.txt rules for one site. */
export class Robots {
  private constructor(private readonly groups: Group[]) {}

  /** A robots.txt that allows everything (the file is missing, or answered 4xx). */
  static allowAll(): Robots {
    return new Robots([]);
  }

  static parse(text: string): Robots {
    const groups: Group[] = [];
    let current: Group | null = null;
    let lastWasAgent = false;
    for (const raw of text.split(/\r\n|\r|\n/)) {
      const line = raw.replace(/#.*$/, '').trim();
      const m = /^([A-Za-z-]+)\s*:\s*(.*)$/.exec(line);
      if (!m) continue;
      const key = m[1].toLowerCase();
      const value = m[2].trim();
      if (key === 'user-agent') {
        if (!current || !lastWasAgent) {
          current = { agents: [], rules: [], crawlDelay: null };
          groups.push(current);
        }
        current.agents.push(value.toLowerCase());
        lastWasAgent = true;
        continue;
      }
      lastWasAgent = false;
      if (!current) continue; // rules before any User-agent line belong to no group
      if (key === 'allow' || key === 'disallow') {
        if (value === '') {
          if (key === 'disallow') continue; // "Disallow:" with nothing after it allows all
        }
        current.rules.push({ allow: key === 'allow', pattern: value });
      } else if (key === 'crawl-delay') {
        const n = Number(value);
        if (Number.isFinite(n) && n >= 0) current.crawlDelay = n;
      }
    }
    return new Robots(groups);
  }

  /** The groups that apply to a user agent's product token ("salvo"): its own, else `*`. */
  private groupsFor(token: string): Group[] {
    const t = token.toLowerCase();
    const own = this.groups.filter((g) => g.agents.some((a) => a !== '*' && (a === t || t.startsWith(a) || a.startsWith(t))));
    return own.length ? own : this.groups.filter((g) => g.agents.includes('*'));
  }

  /** Whether `path` (path and query of a URL) may be fetched by the agent. */
  isAllowed(path: string, token: string): boolean {
    if (path === '/robots.txt') return true;
    let best: RobotsRule | null = null;
    let bestLen = -1;
    for (const g of this.groupsFor(token)) {
      for (const rule of g.rules) {
        if (!matches(rule.pattern, path)) continue;
        const len = rule.pattern.length;
        if (len > bestLen || (len === bestLen && rule.allow && best && !best.allow)) {
          best = rule;
          bestLen = len;
        }
      }
    }
    return best ? best.allow : true;
  }

  /** Crawl-delay in seconds for the agent, or null when none is given. */
  crawlDelay(token: string): number | null {
    for (const g of this.groupsFor(token)) if (g.crawlDelay !== null) return g.crawlDelay;
    return null;
  }
}

/** Percent-encodes what should be encoded and decodes what need not be, so both sides compare alike. */
function normalizePath(s: string): string {
  return s.replace(/%([0-9A-Fa-f]{2})/g, (all, hex: string) => {
    const c = String.fromCharCode(parseInt(hex, 16));
    return /[A-Za-z0-9\-._~]/.test(c) ? c : all.toUpperCase();
  });
}

/** Does a robots pattern (with `*` for any run of characters, `$` for the end) match the start of `path`? */
export function matches(pattern: string, path: string): boolean {
  const p = normalizePath(pattern);
  const anchored = p.endsWith('$');
  const body = anchored ? p.slice(0, -1) : p;
  const source = body
    .split('*')
    .map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
    .join('.*');
  return new RegExp(`^${source}${anchored ? '$' : ''}`).test(normalizePath(path));
}
