/**
 * 書かない窓口 in the staff API (`/api/v1/staff/municipalities/:code/counter`):
 * a clerk with counter.serve opens, serves, confirms, submits and ends the
 * municipality's counter visits (modules/counter).
 */
import type { Request } from 'express';
import { can, type StaffRoutes } from '../auth/staffRouter';
import { municipalityParam } from '../auth/resources';
import { requestLanguage } from '../i18n/language';
import { counterSessionView } from '../modules/counter/counterView';
import { renderCounterPaperForm } from '../modules/pdf/applicationPdf';
import { NotFoundError } from '../errors';
import type { StaffContext } from './staff/context';
import { contentDisposition } from '../modules/exports/download';
import { param } from './routeParams';

const body = (req: Request) => (req.body ?? {}) as Record<string, unknown>;

export function counterRoutes(routes: StaffRoutes, ctx: StaffContext): void {
  const counter = ctx.services.counter.sessions;
  const m = municipalityParam(ctx.registry);
  const base = '/municipalities/:code/counter/sessions';
  const actor = (req: Request) => ({ userId: req.user!.id });
  const view = (record: Parameters<typeof counterSessionView>[0]) => counterSessionView(record, ctx.storage);

  routes.get(base, can('counter.serve', m), async (req, res) => {
    res.json({ items: await counter.today(param(req, 'code')) });
  });
  routes.post(base, can('counter.serve', m), async (req, res) => {
    res.status(201).json(await view(await counter.open(param(req, 'code'), actor(req))));
  });
  routes.get(`${base}/:sessionId`, can('counter.serve', m), async (req, res) => {
    res.json(await view(await counter.read(param(req, 'code'), param(req, 'sessionId'), actor(req), requestLanguage(req))));
  });
  routes.post(`${base}/:sessionId/start`, can('counter.serve', m), async (req, res) => {
    res.json(await view(await counter.start(param(req, 'code'), param(req, 'sessionId'), body(req), actor(req), requestLanguage(req))));
  });
  routes.put(`${base}/:sessionId/work`, can('counter.serve', m), async (req, res) => {
    res.json(await view(await counter.save(param(req, 'code'), param(req, 'sessionId'), body(req), requestLanguage(req))));
  });
  routes.post(`${base}/:sessionId/steps`, can('counter.serve', m), async (req, res) => {
    res.json(await view(await counter.procedureStep(param(req, 'code'), param(req, 'sessionId'), body(req), requestLanguage(req))));
  });
  routes.post(`${base}/:sessionId/card`, can('counter.serve', m), async (req, res) => {
    const { record } = await counter.cardRead(param(req, 'code'), param(req, 'sessionId'), body(req), actor(req), requestLanguage(req));
    res.json(await view(record));
  });
  routes.post(`${base}/:sessionId/prefill`, can('counter.serve', m), async (req, res) => {
    res.json(await view(await counter.prefill(param(req, 'code'), param(req, 'sessionId'), body(req), actor(req), requestLanguage(req))));
  });
  routes.post(`${base}/:sessionId/pairing`, can('counter.serve', m), async (req, res) => {
    const { record, code, expiresAt } = await counter.pair(param(req, 'code'), param(req, 'sessionId'), body(req), requestLanguage(req));
    res.setHeader('Cache-Control', 'no-store');
    res.json({ session: await view(record), code, expiresAt });
  });
  routes.post(`${base}/:sessionId/confirmation`, can('counter.serve', m), async (req, res) => {
    res.json(await view(await counter.requestConfirmation(param(req, 'code'), param(req, 'sessionId'), body(req), requestLanguage(req))));
  });
  routes.post(`${base}/:sessionId/paper`, can('counter.serve', m), async (req, res) => {
    res.json(await view(await counter.confirmOnPaper(param(req, 'code'), param(req, 'sessionId'), body(req), actor(req), requestLanguage(req))));
  });
  routes.get(`${base}/:sessionId/paper/:procedureId`, can('counter.serve', m), async (req, res) => {
    const lang = requestLanguage(req);
    const code = param(req, 'code');
    const procedureId = param(req, 'procedureId');
    const record = await counter.get(code, param(req, 'sessionId'), lang);
    if (!record.procedureIds.includes(procedureId)) throw new NotFoundError(lang === 'en' ? 'That procedure is not part of this visit.' : 'この受付で選ばれていない手続です。', 'not_found');
    const version = await ctx.services.catalog.current(code, procedureId);
    const clerk = record.servedBy ? await ctx.storage.users.findById(record.servedBy) : null;
    // Sensitive answers (個人番号 …) stay masked on paper, as on the tablet: the paper goes through many hands.
    const pdf = await renderCounterPaperForm({
      version,
      data: record.work.answers[procedureId] ?? {},
      counter: { ticketNumber: record.ticketNumber, desk: record.desk, servedBy: record.servedBy, identitySource: record.identitySource ?? 'typed', prefilled: record.prefilled },
      municipalityName: ctx.registry.get(code)?.name.replace(' ', '') ?? code,
      clerkName: clerk?.displayName ?? '',
    });
    await ctx.storage.audit.append({
      at: ctx.now().toISOString(),
      actor: req.user!.id,
      action: 'counter.paper_printed',
      municipalityCode: code,
      targetType: 'counter-session',
      targetId: record.sessionId,
      details: { ticketNumber: record.ticketNumber, procedureId },
    });
    res.setHeader('Content-Type', 'application/pdf');
    res.setHeader('Content-Disposition', contentDisposition('inline', `申請書_${record.ticketNumber}_${procedureId}.pdf`));
    res.send(pdf);
  });
  routes.post(`${base}/:sessionId/submit`, can('counter.serve', m), async (req, res) => {
    const { record, receipt } = await counter.submit(param(req, 'code'), param(req, 'sessionId'), requestLanguage(req));
    res.json({ session: await view(record), receiptNumber: receipt.receiptNumber, items: receipt.items.map((i) => ({ procedureId: i.procedureId, receiptNumber: i.receiptNumber })) });
  });
  routes.post(`${base}/:sessionId/end`, can('counter.serve', m), async (req, res) => {
    res.json(await view(await counter.end(param(req, 'code'), param(req, 'sessionId'), body(req), actor(req), requestLanguage(req))));
  });
}
