/**
 * On `/m/:code/p/:procedureId/apply`, the entry script starts what ApplyPage will ask for (the procedure, the
 * municipality, the open disasters) and the page's chunks at once, instead of one round trip after another.
 * The paths are residentApi's (getProcedure, getMunicipality, listOpenDisasters).
 */
import { startEarlyGet } from '../../common/api/earlyGets';
import { currentLanguage } from '../../common/i18n/languageStore';

const APPLY = /^\/m\/([^/]+)\/p\/([^/]+)\/apply\/?$/;

/** True when `pathname` is a form page (its requests have been started). */
export function startApplyPageData(pathname: string): boolean {
  const match = APPLY.exec(pathname);
  if (!match) return false;
  const [code, procedureId] = [decodeURIComponent(match[1]!), decodeURIComponent(match[2]!)].map(encodeURIComponent) as [string, string];
  const language = currentLanguage();
  startEarlyGet(`/municipalities/${code}/procedures/${procedureId}`, language);
  startEarlyGet(`/municipalities/${code}`, language);
  startEarlyGet(`/municipalities/${code}/disasters`, language);
  return true;
}
