/** Cache key for a published version: `owner/procedureId@version` (its own module, so the browser can use it without the validator). */
export const versionKey = (owner: string, procedureId: string, version: number) => `${owner}/${procedureId}@${version}`;
