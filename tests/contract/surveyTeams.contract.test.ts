/** The 調査班 (survey team) storage contract (issue #20): every adapter behaves exactly like this. */
import { randomUUID } from 'node:crypto';
import type { Disaster } from '@madoguchi/shared';
import type { SurveyTeam } from '../../server/src/storage/surveyTeamTypes';
import { describeContract } from './adapters';
import { disaster } from './fixtures';

const team = (d: Disaster, over: Partial<SurveyTeam> = {}): SurveyTeam => ({
  id: randomUUID(),
  disasterId: d.id,
  municipalityCode: d.municipalityCode,
  name: '第1班',
  date: '2026-12-04',
  memberIds: ['u-1', 'u-2'],
  areas: ['笠原町', '中央'],
  createdBy: 'u-1',
  createdAt: '2026-12-03T00:00:00.000Z',
  updatedAt: '2026-12-03T00:00:00.000Z',
  ...over,
});

describeContract('survey team storage contract', ({ s }) => {
  it('stores, lists a disaster’s teams by date then name, replaces and deletes them', async () => {
    const d = disaster();
    const other = disaster();
    await s().disasters.create(d);
    await s().disasters.create(other);
    const second = team(d, { name: '第2班' });
    const first = team(d, { name: '第1班' });
    const earlier = team(d, { name: '第3班', date: '2026-12-03' });
    for (const t of [second, first, earlier, team(other)]) await s().surveyTeams.create(t);
    expect((await s().surveyTeams.list(d.id)).map((t) => t.name)).toEqual(['第3班', '第1班', '第2班']);
    expect(await s().surveyTeams.get(first.id)).toEqual(first);
    expect(await s().surveyTeams.get('missing')).toBeNull();

    const renamed = { ...first, name: '第4班', areas: ['八幡町'], memberIds: ['u-3'], updatedAt: '2026-12-04T00:00:00.000Z' };
    expect(await s().surveyTeams.update(renamed)).toBe(true);
    expect(await s().surveyTeams.get(first.id)).toEqual(renamed);
    // A team cannot be moved to another disaster by an update, and an unknown one is not created.
    expect(await s().surveyTeams.update({ ...renamed, disasterId: other.id })).toBe(false);
    expect(await s().surveyTeams.update(team(d))).toBe(false);
    expect(await s().surveyTeams.get(first.id)).toEqual(renamed);

    expect(await s().surveyTeams.delete(first.id)).toBe(true);
    expect(await s().surveyTeams.delete(first.id)).toBe(false);
    expect((await s().surveyTeams.list(d.id)).map((t) => t.name)).toEqual(['第3班', '第2班']);
  });
});
