/**
 * What the triage queue needs of one disaster application, read from its
 * answers at intake: the 町字 of the damaged home (not the 番地), its postal
 * code, whether it is a 住家, what the resident reported, the photos and
 * whether 自己判定方式 was asked for. The answers themselves stay sealed.
 */
import { valueAtPointer } from '@madoguchi/shared';
import type { DisasterCaseRecord } from '../../storage/disasterTypes';
import { normalizePostalCode } from './disasterRules';

type Facts = Pick<DisasterCaseRecord, 'area' | 'postalCode' | 'residential' | 'reportedDamage' | 'photoCount' | 'selfAssessment'>;

/** Where the forms keep the damaged home's address, most specific first. */
const ADDRESS_POINTERS = ['/damagedProperty/address', '/householder/address', '/applicant/address'];

const str = (v: unknown): string => (typeof v === 'string' ? v : '');

/**
 * 「笠原町978-6」→「笠原町」, 「河井町一丁目2番3号」→「河井町」, 「大字輪島崎町1」→「輪島崎町」:
 * the street up to its first number, without 丁目 and the 大字/字 prefix.
 */
export function townOf(street: string): string {
  const plain = street.normalize('NFKC').replace(/\s+/gu, '');
  const beforeNumber = plain.split(/[0-9]/u)[0] ?? '';
  return beforeNumber
    .replace(/[一二三四五六七八九十〇]+丁目.*$/u, '')
    .replace(/(番地?|号|丁目|の|-)+$/u, '')
    .replace(/^(大字|字)/u, '');
}

export function triageFacts(data: Record<string, unknown>, attachments: Record<string, string[]>): Facts {
  const address = ADDRESS_POINTERS.map((p) => valueAtPointer(data, p)).find((a) => typeof a === 'object' && a !== null) as Record<string, unknown> | undefined;
  const propertyType = str(valueAtPointer(data, '/damagedProperty/propertyType'));
  const flooding = str(valueAtPointer(data, '/damage/flooding/level'));
  const depth = valueAtPointer(data, '/damage/flooding/depthCm');
  const photoJudgement = str(valueAtPointer(data, '/damage/photoJudgement'));
  const reported = [
    flooding && flooding !== '浸水なし' ? `${flooding}${typeof depth === 'number' ? `（${depth}cm）` : ''}` : '',
    photoJudgement && !photoJudgement.startsWith('希望しない') ? `写真判定：${photoJudgement.replace(/（.*）$/u, '')}` : '',
    str(valueAtPointer(data, '/damage/repairStatus')) === '解体済み' ? '解体済み' : '',
  ].filter(Boolean);
  return {
    area: address ? townOf(str(address.street)) : '',
    postalCode: (address && normalizePostalCode(str(address.postalCode))) || '',
    residential: propertyType ? propertyType.startsWith('住家') : null,
    reportedDamage: reported.join('・'),
    photoCount: Object.entries(attachments)
      .filter(([spec]) => /photo/iu.test(spec))
      .reduce((n, [, ids]) => n + ids.length, 0),
    selfAssessment: valueAtPointer(data, '/damage/selfAssessment') === true,
  };
}
