// /api/ingest: adding reports from the browser or a script (pasted text, HTML, JSON records, or uploaded
// files), read, cleaned and extracted in the document pool's threads and stored through the same ingest path as
// `salvo ingest`.
import type { PastedReport } from '../../app/ingestion.js';
import { HttpError } from '../plugins/errors.js';
import { ingestBody, ingestResultSchema } from '../schemas.js';
import type { Routes } from './context.js';
import { routeSchema } from './doc.js';
import { BODY_LIMIT, MAX_UPLOAD_FILES } from '../../settings.js';

export const ingestRoutes: Routes = (app, { ingester, pool, needToken }) => {
  app.post('/api/ingest', {
    config: { write: true },
    schema: routeSchema({
      summary: 'Add a report: pasted text, an HTML page or JSON records; stored and grouped into events like `salvo ingest`',
      tags: ['ingest'],
      body: ingestBody,
      write: true,
      responses: { 200: { description: 'What became of each document', schema: ingestResultSchema } },
    }, needToken),
  }, async (req) => ingester.ingest(await pool.readPaste(req.body as PastedReport, 'browser:paste')));

  app.post('/api/ingest/files', {
    config: { write: true },
    schema: routeSchema({
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
      if (e.statusCode === 413 || e.code === 'FST_REQ_FILE_TOO_LARGE') throw new HttpError(413, `a file is over the ${BODY_LIMIT / 1024 / 1024} MB limit`);
      if (e.code === 'FST_FILES_LIMIT') throw new HttpError(413, `at most ${MAX_UPLOAD_FILES} files at once`);
      throw new HttpError(400, `could not read the upload: ${e.message}`);
    }
    if (files.length === 0) throw new HttpError(400, 'no file in the upload (send them in a field named "files")');
    return ingester.ingest(await pool.readUploads(files));
  });
};
