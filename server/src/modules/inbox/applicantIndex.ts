/**
 * The searchable applicant index stored next to the sealed answers. Answers
 * are encrypted at rest, so a desk could not otherwise find 「ミトタロウ」 among a
 * million submissions. What is kept in clear is deliberately little: the name
 * and reading of one person (the applicant, or the person the application is
 * about), normalised — never 個人番号, address, birth date or contact details.
 */
import { foldKanjiVariants, type JsonValue, type UiSchema } from '@madoguchi/shared';
import type { ApplicantIndex, Storage } from '../../storage/types';
import { createHash } from 'node:crypto';
import { KANJI_VARIANT_PAIRS } from '@madoguchi/shared';

/**
 * A form can name its applicant field in the root uiSchema:
 * `"ui:applicantName": "/claimant/name"` (a JSON pointer to a 氏名 block).
 */
export const APPLICANT_NAME_UI_KEY = 'ui:applicantName';

/** Where the presets keep the person a desk looks an application up by, in order of preference. */
export const WELL_KNOWN_PERSON_KEYS = ['applicant', 'claimant', 'recipient', 'filer', 'guardian', 'mother', 'householder', 'insured'];

/** 漢字 name for search: NFKC (width), no spaces of any width, 異体字 folded (髙橋 → 高橋; shared/src/text/foldName.ts). */
export function normalizeName(value: string): string {
  return foldKanjiVariants(value.normalize('NFKC').replace(/\s+/gu, ''));
}

/** Reading for search: NFKC (half-width → full-width), hiragana → katakana, no spaces. */
export function normalizeKana(value: string): string {
  return normalizeName(value).replace(/[\u3041-\u3096]/gu, (c) => String.fromCharCode(c.charCodeAt(0) + 0x60));
}

/** Whether a search text is a reading (only kana and the long-vowel mark) rather than a name. */
export function isKanaText(value: string): boolean {
  return /^[\u3041-\u3096\u30A1-\u30FAー・]+$/u.test(normalizeName(value));
}

type Obj = Record<string, JsonValue | undefined>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const str = (v: unknown) => (typeof v === 'string' ? v : '');

/** A 氏名 block (commonDefinitions personName): family and given name with their readings. */
function fromPersonName(v: unknown): ApplicantIndex | null {
  if (!isObj(v) || (typeof v.familyName !== 'string' && typeof v.givenName !== 'string')) return null;
  const name = normalizeName(`${str(v.familyName)}${str(v.givenName)}`);
  const kana = normalizeKana(`${str(v.familyNameKana)}${str(v.givenNameKana)}`);
  return name || kana ? { name, kana } : null;
}

function at(data: unknown, pointer: string): unknown {
  return pointer
    .split('/')
    .slice(1)
    .map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~'))
    .reduce<unknown>((node, key) => (isObj(node) ? node[key] : Array.isArray(node) ? node[Number(key)] : undefined), data);
}

/** The first 氏名 block in the answers, breadth first, outside repeating groups (those are household members). */
function firstPersonName(data: Obj): ApplicantIndex | null {
  let level: Obj[] = [data];
  for (let depth = 0; depth < 3 && level.length; depth++) {
    const next: Obj[] = [];
    for (const node of level) {
      for (const value of Object.values(node)) {
        const found = fromPersonName(value);
        if (found) return found;
        if (isObj(value)) next.push(value);
      }
    }
    level = next;
  }
  return null;
}

/** Derives the index from validated (normalised) answers; null when the form has no 氏名 at all. */
export function deriveApplicantIndex(data: Record<string, unknown>, uiSchema: UiSchema = {}): ApplicantIndex | null {
  const declared = uiSchema[APPLICANT_NAME_UI_KEY];
  if (typeof declared === 'string' && declared.startsWith('/')) {
    const found = fromPersonName(at(data, declared));
    if (found) return found;
  }
  for (const key of WELL_KNOWN_PERSON_KEYS) {
    const found = fromPersonName(isObj(data[key]) ? (data[key] as Obj).name : undefined);
    if (found) return found;
  }
  return firstPersonName(data as Obj);
}

/**
 * Start-up: names indexed before a folding rule existed (or under an older 異体字 table) are folded
 * again, so a search for 高橋 finds the 髙橋 received last year. The stored name is the normalised
 * clear text, so nothing is decrypted. Done once per version of the table: the run is recorded only
 * after the rows were folded (a crash before that folds again on the next start; folding is idempotent).
 * Returns how many rows changed (0 when this table's run was done already).
 */
export async function refoldStoredNames(
  storage: { inbox: Pick<Storage['inbox'], 'refoldApplicantNames'>; deadlines: Pick<Storage['deadlines'], 'hasRun' | 'claimRun'> },
  now: Date = new Date(),
): Promise<number> {
  const key = `name-fold:${NAME_FOLD_VERSION}`;
  if (await storage.deadlines.hasRun(key)) return 0;
  const changed = await storage.inbox.refoldApplicantNames(normalizeName);
  await storage.deadlines.claimRun(key, now.toISOString());
  return changed;
}

/** Changes whenever the folding does: the generated table, or the rule version below. */
const NAME_FOLD_VERSION = createHash('sha256').update(`nfkc+vs+variants:1\n${KANJI_VARIANT_PAIRS}`).digest('hex').slice(0, 16);
