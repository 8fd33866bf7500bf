/**
 * The bodies of the public GETs a resident's form page starts with: its municipality, the open disasters and
 * the procedure. One place for both ways they reach the browser: the API routes (publicRoutes.ts) and the form
 * page's HTML, which carries them so that a phone does not wait a round trip for them (formPageAnswers.ts).
 */
import { receptionState, versionKey } from '@madoguchi/shared';
import type { Services } from '../services';

export type PublicReads = ReturnType<typeof publicReads>;

export function publicReads(services: Services) {
  const { catalog } = services;
  return {
    municipality: (code: string) => catalog.requireMunicipality(code),

    disasters: async (code: string) => {
      catalog.requireMunicipality(code);
      return { items: await services.disasters.publicBanners(code) };
    },

    procedure: async (code: string, procedureId: string) => {
      const detail = await catalog.detail(code, procedureId);
      // The contact names one of the municipality's desks: show the desk as it is now.
      const contactDesk = await services.desks.contactFor(code, detail.procedure.contactDesk);
      const { procedure, version } = detail;
      const sharedAnswers = services.sharedAnswers.forVersion(procedure.id, versionKey(procedure.owner, procedure.id, version.version), version.schema);
      // The page shows whether applications are taken now and when they open (the intake refuses outside it).
      return { ...detail, procedure: { ...procedure, contactDesk }, receptionState: receptionState(procedure.reception, services.now()), ...(sharedAnswers ? { sharedAnswers } : {}) };
    },
  };
}
