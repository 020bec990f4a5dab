// ingest: files, folders and records → SourceDocuments (or failures with a reason a person can act on). The HTML
// readers are not exported here, so that importing this loads none of them: documentFromHtml is html.ts's, a text
// given directly is read by strings.ts's documentsFromString, and readHtmlHere imports html.ts on first use.
export { countInputs, ingestPaths, sniffKind, type TextKind } from './files.js';
export { documentFromRecord } from './records.js';
export { readHtmlHere, type ReadHtml } from './read-html.js';
export { documentFromText } from './text.js';
export { IngestError } from './errors.js';
export { boundFields } from './field-limits.js';
