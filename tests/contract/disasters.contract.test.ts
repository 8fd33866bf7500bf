/** The disaster storage contract (被災者支援): every adapter behaves exactly like this. */
import type { Disaster } from '@madoguchi/shared';
import type { DamageSurvey, DisasterCaseRecord } from '../../server/src/storage/disasterTypes';
import { describeContract } from './adapters';
import { disaster, submission } from './fixtures';

const caseOf = (d: Disaster, submissionId: string, receiptNumber: string, over: Partial<DisasterCaseRecord> = {}): DisasterCaseRecord => ({
  submissionId,
  disasterId: d.id,
  municipalityCode: d.municipalityCode,
  procedureId: 'risai-shomeisho',
  receiptNumber,
  area: '笠原町',
  postalCode: '3108610',
  residential: true,
  reportedDamage: '床上浸水（25cm）',
  photoCount: 2,
  selfAssessment: false,
  survey: null,
  createdAt: '2026-12-02T00:00:00.000Z',
  ...over,
});

const survey: DamageSurvey = {
  level: '半壊',
  surveyedOn: '2026-12-04',
  surveyor: '水戸 一郎・笠間 次郎',
  method: 'survey',
  teamId: 't1',
  recordedBy: 'u-staff',
  recordedAt: '2026-12-04T08:00:00.000Z',
  approvedBy: null,
  approvedAt: null,
};

describeContract('disaster storage contract', ({ s }) => {
  it('stores, lists (latest declared first, own municipality only), amends and closes disasters', async () => {
    const first = disaster();
    const second = disaster({ declaredAt: '2026-12-03T00:00:00.000Z', kind: '風水害' });
    await s().disasters.create(first);
    await s().disasters.create(second);
    await s().disasters.create(disaster({ municipalityCode: '011002' }));
    expect((await s().disasters.list('082015')).map((d) => d.id)).toEqual([second.id, first.id]);
    expect(await s().disasters.get(first.id)).toEqual(first);
    expect(await s().disasters.get('missing')).toBeNull();
    const closed = { ...first, status: 'closed' as const, closedAt: '2026-12-05T00:00:00.000Z', closedBy: 'u-admin' };
    await s().disasters.update(closed);
    expect(await s().disasters.get(first.id)).toEqual(closed);
  });

  it('stores a triage row with its submission, lists a disaster’s rows by area then arrival, and records surveys all or none', async () => {
    const d = disaster();
    await s().disasters.create(d);
    const rows: DisasterCaseRecord[] = [];
    for (const [i, area] of ['笠原町', '中央', '笠原町'].entries()) {
      const sub = submission({ createdAt: `2026-12-02T0${i}:00:00.000Z` });
      const row = caseOf(d, sub.id, sub.receiptNumber, { area, createdAt: sub.createdAt });
      await s().submissions.insert(sub, undefined, { disasterCase: row });
      rows.push(row);
    }
    const plain = submission();
    await s().submissions.insert(plain);
    expect(await s().disasters.getCase(plain.id)).toBeNull();
    expect(await s().disasters.getCase(rows[0]!.submissionId)).toEqual(rows[0]);
    expect((await s().disasters.listCases(d.id)).map((r) => r.submissionId)).toEqual([rows[1], rows[0], rows[2]].map((r) => r!.submissionId));

    // One application not of the disaster: nothing of the batch is written.
    expect(
      await s().disasters.setSurveys(d.id, [
        { submissionId: rows[0]!.submissionId, survey },
        { submissionId: plain.id, survey },
      ]),
    ).toBe(false);
    expect((await s().disasters.getCase(rows[0]!.submissionId))!.survey).toBeNull();
    expect(
      await s().disasters.setSurveys(d.id, [
        { submissionId: rows[0]!.submissionId, survey },
        { submissionId: rows[1]!.submissionId, survey: { ...survey, level: '全壊' } },
      ]),
    ).toBe(true);
    expect((await s().disasters.getCase(rows[0]!.submissionId))!.survey).toEqual(survey);
    expect((await s().disasters.getCase(rows[1]!.submissionId))!.survey?.level).toBe('全壊');
  });
});
