// /api/articles and /api/search: stored articles (paged), one article with its extracted spans, full-text search.
import type { Language } from '../../types.js';
import { HttpError } from '../plugins/errors.js';
import { SEARCH_RANKED_MAX } from '../../settings.js';
import { articleIdParams, articleListQuery, articleSummarySchema, errorSchema, searchQuery } from '../schemas.js';
import { articlePage, searchHit } from '../views.js';
import type { Query, Routes } from './context.js';
import { routeSchema } from './doc.js';
import { listOf } from './events.js';

export const articleRoutes: Routes = (app, { store, needToken }) => {
  app.get('/api/articles', {
    config: { cached: true },
    schema: routeSchema({
      operationId: 'listArticles',
      summary: 'Stored articles, newest first, paged; filtered by kind and language',
      tags: ['articles'],
      querystring: articleListQuery,
      responses: { 200: { description: 'One page of articles', schema: listOf(articleSummarySchema, 'articles') } },
    }, needToken),
  }, async (req) => {
    const q = req.query as Query;
    const page = await store.listArticlesPage({
      limit: q.limit as number,
      offset: q.offset as number,
      launch: q.launch as boolean | undefined,
      language: q.language as Language | undefined,
    });
    return { total: page.total, limit: q.limit, offset: q.offset, articles: page.articles };
  });

  app.get('/api/articles/:id', {
    config: { cached: true },
    schema: routeSchema({
      operationId: 'getArticle',
      summary: 'One article: cleaned text, every extracted span with its field, the blocks dropped as boilerplate',
      tags: ['articles'],
      params: articleIdParams,
      responses: { 200: { description: 'The article', schema: { type: 'object' } }, 404: { description: 'No such article', schema: errorSchema } },
    }, needToken),
  }, async (req) => {
    const { id } = req.params as { id: string };
    const a = await store.getArticle(id);
    if (!a) throw new HttpError(404, `no article with id ${id}`);
    return articlePage(store, a);
  });

  app.get('/api/search', {
    config: { cached: true },
    schema: routeSchema({
      operationId: 'searchArticles',
      summary: 'Full-text search over article titles and texts',
      tags: ['articles'],
      querystring: searchQuery,
      responses: { 200: { description: `Matching articles, best first, with a snippet cut into plain and matched pieces. A search matching more than ${SEARCH_RANKED_MAX} articles is ranked among its newest ${SEARCH_RANKED_MAX} matches (later pages are empty) and its total is an estimate (estimated: true)`, schema: { type: 'object' } } },
    }, needToken),
  }, async (req) => {
    const q = req.query as Query;
    const found = await store.searchArticles(q.q as string, { limit: q.limit as number, offset: q.offset as number });
    return { q: q.q, total: found.total, estimated: found.estimated, limit: q.limit, offset: q.offset, results: found.hits.map(searchHit) };
  });
};
