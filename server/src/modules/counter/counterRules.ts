/**
 * The checks on what the counter screens send: the clerk's work in progress,
 * a resident's resume link (事前入力), and the signature drawn on the tablet.
 * Each refusal names the problem in the caller's language and changes nothing.
 */
import { ANSWER_SOURCES, type AnswerSources, type Language } from '@madoguchi/shared';
import { BadRequestError } from '../../errors';
import type { CounterWork } from '../../storage/counterTypes';

export const MAX_COUNTER_PROCEDURES = 10;
/** A drawn signature is a small PNG; anything larger is not one. */
export const MAX_SIGNATURE_BYTES = 300_000;
/** A counter desk's name as staff type it (「1番窓口」). */
const DESK = /^[^<>\p{Cc}]{1,40}$/u;

const say = (language: Language, ja: string, en: string) => (language === 'en' ? en : ja);
const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

export function checkDesk(desk: unknown, language: Language): string {
  if (typeof desk !== 'string' || !DESK.test(desk.trim())) {
    throw new BadRequestError(say(language, '窓口名を40文字以内で入力してください（例：1番窓口）。', 'Enter the desk’s name in at most 40 characters (e.g. Desk 1).'), 'bad_desk');
  }
  return desk.trim();
}

export function checkProcedureIds(ids: unknown, language: Language): string[] {
  const ok = Array.isArray(ids) && ids.length <= MAX_COUNTER_PROCEDURES && ids.every((id) => typeof id === 'string' && id.length > 0 && id.length <= 100);
  if (!ok || new Set(ids).size !== ids.length) {
    throw new BadRequestError(
      say(language, `手続を${MAX_COUNTER_PROCEDURES}件まで、重ならないように選んでください。`, `Choose up to ${MAX_COUNTER_PROCEDURES} different procedures.`),
      'bad_procedures',
    );
  }
  return ids as string[];
}

function checkSources(sources: unknown): sources is AnswerSources {
  return isObject(sources) && Object.entries(sources).every(([pointer, source]) => pointer.startsWith('/') && (ANSWER_SOURCES as readonly unknown[]).includes(source));
}

/** The answers a clerk saves: the shared part, one answers object per chosen procedure, sources by pointer. */
export function checkWork(body: { shared?: unknown; answers?: unknown; sources?: unknown }, procedureIds: string[], language: Language): Pick<CounterWork, 'shared' | 'answers' | 'sources'> {
  const bad = () => new BadRequestError(say(language, '入力内容の形式が正しくありません。', 'The answers are not in the expected form.'), 'bad_counter_work');
  const { shared = {}, answers = {}, sources = {} } = body;
  if (!isObject(shared) || !Object.values(shared).every((g) => g === undefined || isObject(g))) throw bad();
  if (!isObject(answers) || !Object.entries(answers).every(([id, data]) => procedureIds.includes(id) && isObject(data))) throw bad();
  if (!isObject(sources) || !Object.entries(sources).every(([id, s]) => (id === 'shared' || procedureIds.includes(id)) && checkSources(s))) throw bad();
  return { shared: shared as CounterWork['shared'], answers: answers as CounterWork['answers'], sources: sources as CounterWork['sources'] };
}

/**
 * The resume link a resident brings (a QR code scanned into the field, or
 * typed): `…/resume/<draft id>#<secret>`, or just `<draft id>#<secret>`.
 */
export function parseResumeLink(link: unknown, language: Language): { draftId: string; secret: string } {
  const m = typeof link === 'string' ? /(?:^|\/resume\/)([0-9a-f-]{36})#([A-Za-z0-9_-]{16,64})\s*$/.exec(link.trim()) : null;
  if (!m) {
    throw new BadRequestError(
      say(language, '事前入力の再開リンク（QRコード）を読み取れませんでした。リンク全体を入力してください。', 'The resume link (QR code) could not be read. Enter the whole link.'),
      'bad_resume_link',
    );
  }
  return { draftId: m[1]!, secret: m[2]! };
}

const PNG_MAGIC = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** A signature drawn on the tablet: a PNG data URL of reasonable size, nothing else. */
export function checkSignatureImage(image: unknown, language: Language): string {
  const refuse = () =>
    new BadRequestError(say(language, '署名の画像を受け取れませんでした。もう一度署名してください。', 'The signature image could not be taken. Please sign again.'), 'bad_signature_image');
  if (typeof image !== 'string' || !image.startsWith('data:image/png;base64,')) throw refuse();
  const base64 = image.slice('data:image/png;base64,'.length);
  if (base64.length > (MAX_SIGNATURE_BYTES * 4) / 3 + 4 || !/^[A-Za-z0-9+/]+={0,2}$/.test(base64)) throw refuse();
  const bytes = Buffer.from(base64, 'base64');
  if (bytes.length < 60 || !bytes.subarray(0, 8).equals(PNG_MAGIC)) throw refuse();
  return image;
}
