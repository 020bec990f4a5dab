// A bounded memo of values made from texts: extraction asks about the same sentence several times (the launch
// test, both role passes, each rule's scope), so the matchers, their shared gate and the sentence facts remember
// their answer for the texts asked lately. One shape for all of them: at most `max` texts, all dropped at once
// when full (cheaper than an LRU's bookkeeping on every hit, and an article's sentences are asked about together),
// and texts over RECENT_TEXT_MAX_CHARS never kept (a long text is seldom asked about twice, and would hold memory).
import { RECENT_TEXT_MAX_CHARS } from '../settings.js';

export class RecentTexts<V> {
  private readonly memo = new Map<string, V>();

  constructor(private readonly max: number) {}

  /** The value for `text`: the remembered one, else `make(text)`, remembered when the text is short enough. */
  get(text: string, make: (text: string) => V): V {
    if (text.length > RECENT_TEXT_MAX_CHARS) return make(text);
    let value = this.memo.get(text);
    if (value === undefined) {
      if (this.memo.size >= this.max) this.memo.clear();
      this.memo.set(text, (value = make(text)));
    }
    return value;
  }

  /** Forgets every text. */
  clear(): void {
    this.memo.clear();
  }
}
