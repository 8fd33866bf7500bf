/**
 * Which version of a form an application used, in words that cannot collide:
 * a municipality's edition numbers its own versions, the national preset its
 * own, so two different 「第1版」 must never stand alone. One function for every
 * place that says it (staff submission page, inbox list, application PDF,
 * resident status page).
 *
 *   国の様式 第3版                              the national preset as published
 *   水戸市版 第2版（国の様式 第3版に基づく）     a municipality's edition of a preset
 *   水戸市 独自様式 第1版                        a municipality's own form
 */
import { PRESET_OWNER } from './types';
import type { Language } from '../validation/messages';

export interface VersionIdentity {
  /** `preset`, or the municipality code that owns this version. */
  owner: string;
  version: number;
  /** Set on a municipality's edition of a national preset. */
  basedOn?: { presetId: string; presetVersion: number };
}

/** `ownerName`: the owning municipality's name (水戸市); unused for the national preset. */
export function versionWording(v: VersionIdentity, language: Language, ownerName: string = v.owner): string {
  const name = ownerName.replace(/\s+/gu, '');
  const en = language === 'en';
  if (v.owner === PRESET_OWNER) return en ? `National form, edition ${v.version}` : `国の様式 第${v.version}版`;
  if (v.basedOn) {
    return en ? `${name} edition ${v.version} (based on the national form, edition ${v.basedOn.presetVersion})` : `${name}版 第${v.version}版（国の様式 第${v.basedOn.presetVersion}版に基づく）`;
  }
  return en ? `${name}'s own form, edition ${v.version}` : `${name} 独自様式 第${v.version}版`;
}
