/**
 * On `/m/:code/p/:procedureId/apply`, the entry script starts what ApplyPage will ask for (the procedure, the
 * municipality, the open disasters) and the page's chunks at once, instead of one round trip after another; the
 * page's HTML has already asked for the same URLs (formPageRequests), so the browser's own preloads answer them.
 * The paths are residentApi's (getProcedure, getMunicipality, listOpenDisasters).
 */
import { formPageRequests } from '@madoguchi/shared';
import { startEarlyGet } from '../../common/api/earlyGets';
import { currentLanguage } from '../../common/i18n/languageStore';

/** True when `pathname` is a form page (its requests have been started). */
export function startApplyPageData(pathname: string): boolean {
  const urls = formPageRequests(pathname, currentLanguage());
  urls.forEach(startEarlyGet);
  return urls.length > 0;
}
