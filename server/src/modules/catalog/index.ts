/** The municipal catalog module (issue #6): adoptions, own procedures, the preset library and the staff overview. */
import type { Storage } from '../../storage/types';
import { AdoptionService } from './adoptionService';
import { OwnProcedureService } from './ownProcedureService';
import { PresetLibraryService } from './presetLibraryService';
import { CatalogOverview } from './catalogOverview';

/** The catalog services, built once per app. */
export interface CatalogModule {
  adoptions: AdoptionService;
  procedures: OwnProcedureService;
  presets: PresetLibraryService;
  overview: CatalogOverview;
}

/** Builds the catalog services on a store. */
export function createCatalogModule(storage: Storage, now: () => Date = () => new Date()): CatalogModule {
  return {
    adoptions: new AdoptionService(storage, now),
    procedures: new OwnProcedureService(storage, now),
    presets: new PresetLibraryService(storage, now),
    overview: new CatalogOverview(storage),
  };
}

export type { Actor } from './catalogAudit';
