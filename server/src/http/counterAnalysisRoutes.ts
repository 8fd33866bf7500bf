/**
 * 窓口の分析 (`/api/v1/staff/municipalities/:code/counter/analysis`): the
 * counter's figures of a period and their CSV, for those who serve at the
 * counter (counter.serve). Thin: parse the period, call the module, answer.
 */
import type { Request } from 'express';
import { can, type StaffRoutes } from '../auth/staffRouter';
import { municipalityParam } from '../auth/resources';
import { requestLanguage } from '../i18n/language';
import { analysisOf, counterLeadTimes, parsePeriod, periodTimelines } from '../modules/counter/counterAnalysis';
import { counterCsv } from '../modules/counter/counterCsv';
import { contentDisposition } from '../modules/exports/download';
import type { StaffContext } from './staff/context';
import { param } from './routeParams';

export function counterAnalysisRoutes(routes: StaffRoutes, ctx: StaffContext): void {
  const m = municipalityParam(ctx.registry);
  const base = '/municipalities/:code/counter/analysis';

  /** The period's visits, figures and procedure titles. */
  async function load(req: Request) {
    const code = param(req, 'code');
    const period = parsePeriod(req.query, ctx.now(), requestLanguage(req));
    const titles = new Map((await ctx.services.catalog.publishedFor(code)).map((v) => [v.procedureId, v.procedure.title]));
    const titleOf = (id: string) => titles.get(id) ?? id;
    const timelines = await periodTimelines(ctx.storage, code, period);
    const analysis = analysisOf(period, timelines, await counterLeadTimes(ctx.storage, code, timelines), titleOf);
    return { code, period, timelines, analysis, titleOf };
  }

  routes.get(base, can('counter.serve', m), async (req, res) => {
    res.json((await load(req)).analysis);
  });

  routes.get(`${base}/csv`, can('counter.serve', m), async (req, res) => {
    const { code, period, timelines, analysis, titleOf } = await load(req);
    const names = new Map<string, string>();
    for (const id of new Set(timelines.map((t) => t.servedBy).filter(Boolean))) names.set(id, (await ctx.services.desk.lookups.userName(id)) ?? id);
    const encoding = req.query.encoding === 'cp932' ? 'cp932' : 'utf-8';
    const out = counterCsv({
      kind: req.query.kind === 'figures' ? 'figures' : 'visits',
      encoding,
      language: requestLanguage(req),
      municipalityCode: code,
      period,
      timelines,
      analysis,
      titleOf,
      nameOf: (id) => names.get(id) ?? id,
    });
    res.setHeader('Content-Type', `text/csv; charset=${encoding === 'cp932' ? 'Shift_JIS' : 'utf-8'}`);
    res.setHeader('Content-Disposition', contentDisposition('attachment', out.fileName));
    res.setHeader('X-Export-Rows', String(out.rows));
    res.setHeader('X-Export-Replaced', encodeURIComponent(out.replaced.join('')));
    res.send(out.bytes);
  });
}
