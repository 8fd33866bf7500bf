/**
 * ワンスオンリー: which fields of a procedure take the answers shared by a
 * one-stop bundle, from the mapping beside its preset. A municipality's own
 * version may have dropped or changed a field: only the entries that still
 * fit the version's schema are given out, so a bundle never fills a field
 * that is not there or would not accept the answer.
 */
import { sharedMappingProblems, type JsonSchema, type SharedAnswerMapping } from '@madoguchi/shared';

export class SharedAnswerMappings {
  private readonly fitted = new Map<string, SharedAnswerMapping>();

  constructor(private readonly byProcedure: ReadonlyMap<string, SharedAnswerMapping>) {}

  /** `versionKey` identifies the schema exactly (the fitted mapping is kept per version). */
  forVersion(procedureId: string, versionKey: string, schema: JsonSchema): SharedAnswerMapping | undefined {
    const mapping = this.byProcedure.get(procedureId);
    if (!mapping) return undefined;
    let fitted = this.fitted.get(versionKey);
    if (!fitted) {
      fitted = Object.fromEntries(Object.entries(mapping).filter(([key, pointer]) => sharedMappingProblems({ [key]: pointer }, schema).length === 0));
      this.fitted.set(versionKey, fitted);
    }
    return Object.keys(fitted).length > 0 ? fitted : undefined;
  }
}
