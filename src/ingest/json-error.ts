// Node 20's JSON.parse messages do not always say where the error is, so we find the spot ourselves
// with a tiny scanner and report a line number a person can jump to.

/** Index of the first character where `text` stops being valid JSON (text.length for a premature end). */
export function locateJsonError(text: string): number {
  let i = 0;
  const ws = (): void => {
    while (i < text.length && ' \t\n\r'.includes(text[i])) i++;
  };
  const fail = (): never => {
    throw i;
  };
  const literal = (word: string): void => {
    if (text.startsWith(word, i)) i += word.length;
    else fail();
  };
  const string = (): void => {
    i++; // opening quote
    while (i < text.length && text[i] !== '"') {
      if (text[i] === '\\') i++;
      else if (text.charCodeAt(i) < 0x20) fail();
      i++;
    }
    if (i >= text.length) fail();
    i++;
  };
  const value = (): void => {
    ws();
    const c = text[i];
    if (c === '{' || c === '[') {
      const close = c === '{' ? '}' : ']';
      i++;
      ws();
      if (text[i] === close) return void i++;
      for (;;) {
        if (c === '{') {
          ws();
          if (text[i] !== '"') fail();
          string();
          ws();
          if (text[i] !== ':') fail();
          i++;
        }
        value();
        ws();
        if (text[i] === ',') i++;
        else if (text[i] === close) return void i++;
        else fail();
      }
    }
    if (c === '"') return string();
    if (c === 't') return literal('true');
    if (c === 'f') return literal('false');
    if (c === 'n') return literal('null');
    const num = /^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/.exec(text.slice(i, i + 64));
    if (!num) fail();
    else i += num[0].length;
  };
  try {
    value();
    ws();
    if (i < text.length) fail();
  } catch (pos) {
    return typeof pos === 'number' ? pos : i;
  }
  return text.length;
}

/** "invalid JSON: Unexpected token '}' at line 3" from a JSON.parse error and the text it failed on. */
export function describeJsonError(err: unknown, text: string): string {
  const raw = err instanceof Error ? err.message : String(err);
  // Drop V8's echo of the input (`, "…" is not valid JSON`) and its "in JSON at position N" tail.
  const message = raw
    .replace(/,\s*(?:\.\.\.)?"[\s\S]*is not valid JSON$/, '')
    .replace(/\s+in JSON at position \d+.*$/s, '')
    .replace(/\s+is not valid JSON$/, '')
    .trim();
  const pos = Math.min(locateJsonError(text), text.length);
  const line = text.slice(0, pos).split('\n').length;
  return `invalid JSON: ${message} at line ${line}`;
}
