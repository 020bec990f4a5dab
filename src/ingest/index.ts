// ingest: files, folders and records → SourceDocuments (or failures with a reason a person can act on).
export { countInputs, documentsFromString, ingestPaths, sniffKind, type TextKind } from './files.js';
export { documentFromRecord } from './records.js';
export { documentFromHtml, readHtmlHere, type ReadHtml } from './html.js';
export { documentFromText } from './text.js';
export { IngestError } from './errors.js';
export { boundFields } from './field-limits.js';
