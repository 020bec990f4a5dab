// The stable identity of a document: a hash of its url, title and raw text. Apart from the cleaning itself so that a
// thread that only turns documents away (`salvo analyze`'s main thread, src/turned-away.ts) names them without
// loading the cleaner.
import { hash } from 'node:crypto';
import type { SourceDocument } from '../types.js';

/** Stable identity: the same url, title and raw text always give the same id. */
export const articleId = (doc: SourceDocument): string => hash('sha256', `${doc.url ?? ''}\n${doc.title ?? ''}\n${doc.text}`, 'hex');
