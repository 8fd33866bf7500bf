/**
 * The guides residents of one municipality see: the national guides, each
 * replaced by the municipality's published copy where it has one (or left
 * out where that copy is published hidden), then the guides of its own.
 */
import type { LifeEventGuide } from '@madoguchi/shared';
import type { GuideVersion } from '../../storage/guideTypes';

export function residentGuides(national: readonly LifeEventGuide[], published: readonly GuideVersion[]): LifeEventGuide[] {
  const local = new Map(published.map((v) => [v.guideId, v]));
  const nationalIds = new Set(national.map((g) => g.id));
  const layered = national.flatMap((g) => {
    const copy = local.get(g.id);
    if (!copy) return [g];
    return copy.hidden ? [] : [copy.guide];
  });
  const own = published.filter((v) => !nationalIds.has(v.guideId) && !v.hidden).map((v) => v.guide);
  return [...layered, ...own];
}
