// /api/ingest: adding reports from the browser or a script (pasted text, HTML, JSON records, or uploaded
// files), read, cleaned and extracted in the document pool's threads and stored through the same ingest path as
// `salvo ingest`.
import type { PastedReport } from '../../app/paste.js';
import { parseDay, toDay } from '../../calendar.js';
import { HttpError } from '../plugins/errors.js';
import { ingestBody, ingestResultSchema } from '../schemas.js';
import type { Routes } from './context.js';
import { routeSchema } from './doc.js';
import { BODY_LIMIT, MAX_UPLOAD_FILES } from '../../settings.js';

/** What is wrong with a paste's publication date or URL beyond their shape (a 30 February, a URL with no host). */
function pasteMetadataProblem(p: PastedReport): string | null {
  const day = p.published === undefined ? null : parseDay(p.published);
  if (day && (Number.isNaN(day.getTime()) || toDay(day) !== p.published)) return `published ${p.published} is not a calendar date`;
  if (p.url !== undefined && !URL.canParse(p.url)) return `url ${p.url} is not a web address`;
  return null;
}

export const ingestRoutes: Routes = (app, { ingester, pool, needToken }) => {
  app.post('/api/ingest', {
    config: { write: true },
    schema: routeSchema({
      operationId: 'ingestReport',
      summary: 'Add a report: pasted text, an HTML page or JSON records; stored and grouped into events like `salvo ingest`',
      tags: ['ingest'],
      body: ingestBody,
      write: true,
      responses: { 200: { description: 'What became of each document', schema: ingestResultSchema } },
    }, needToken),
  }, async (req) => {
    const body = req.body as PastedReport;
    const problem = pasteMetadataProblem(body);
    if (problem) throw new HttpError(400, `body: ${problem}`);
    return ingester.ingest(await pool.readPaste(body, 'browser:paste'));
  });

  app.post('/api/ingest/files', {
    config: { write: true },
    schema: routeSchema({
      operationId: 'ingestFiles',
      summary: `Add report files (multipart/form-data, field "files", up to ${MAX_UPLOAD_FILES} files of ${BODY_LIMIT / 1024 / 1024} MB); formats as for \`salvo ingest\``,
      tags: ['ingest'],
      headers: { type: 'object', properties: { 'content-type': { type: 'string', pattern: '^multipart/form-data' } }, required: ['content-type'] },
      consumes: ['multipart/form-data'],
      write: true,
      responses: { 200: { description: 'What became of each document', schema: ingestResultSchema } },
    }, needToken),
  }, async (req) => {
    if (!req.isMultipart()) throw new HttpError(415, 'send the files as multipart/form-data');
    const files: { name: string; bytes: Uint8Array }[] = [];
    let total = 0;
    try {
      for await (const part of req.files()) {
        const bytes = await part.toBuffer();
        total += bytes.length;
        if (total > BODY_LIMIT) throw new HttpError(413, `uploads over ${BODY_LIMIT / 1024 / 1024} MB in all are refused`);
        files.push({ name: part.filename || 'upload', bytes });
      }
    } catch (err) {
      if (err instanceof HttpError) throw err;
      const e = err as Error & { statusCode?: number; code?: string };
      // The multipart plugin answers every limit with 413: which limit was hit is in the code.
      if (e.code === 'FST_FILES_LIMIT' || e.code === 'FST_PARTS_LIMIT') throw new HttpError(413, `at most ${MAX_UPLOAD_FILES} files at once`);
      if (e.code === 'FST_FIELDS_LIMIT') throw new HttpError(413, 'too many form fields (only "files" is read)');
      if (e.code === 'FST_REQ_FILE_TOO_LARGE') throw new HttpError(413, `a file is over the ${BODY_LIMIT / 1024 / 1024} MB limit`);
      if (e.statusCode === 413) throw new HttpError(413, `the upload is over a limit: ${e.message}`);
      throw new HttpError(400, `could not read the upload: ${e.message}`);
    }
    if (files.length === 0) throw new HttpError(400, 'no file in the upload (send them in a field named "files")');
    return ingester.ingest(await pool.readUploads(files));
  });
};
