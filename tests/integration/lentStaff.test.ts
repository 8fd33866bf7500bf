/**
 * 応援職員 (issue #20): 水戸's admin lends one disaster to staff of 札幌. The
 * lent account reads that disaster (audited with its home municipality) and
 * nothing else of 水戸; after revocation or the end of the period not even
 * that; and its own town looks exactly as before. The grant's refusals.
 */
import { randomUUID } from 'node:crypto';
import type { Disaster } from '@madoguchi/shared';
import { LENT_ACTIONS } from '../../server/src/auth/disasterAccess';
import type { StaffRoutes, StaffRouteSpec } from '../../server/src/auth/staffRouter';
import type { User } from '../../server/src/storage/types';
import { buildAuthApp, makeUser, MITO, SAPPORO, StaffClient, type AuthApp } from '../helpers/staffAuth';

const START = new Date('2026-12-10T03:00:00.000Z'); // 2026-12-10 12:00 in Japan
const key = (s: StaffRouteSpec) => `${s.method.toUpperCase()} ${s.path}`;
const DISASTER = '/municipalities/:code/disasters/:disasterId';

describe('応援職員: staff of another municipality lent one disaster', () => {
  let ctx: AuthApp;
  let clock: Date;
  let mitoAdmin: StaffClient;
  let disaster: Disaster;
  let otherDisaster: Disaster;
  const users = {} as Record<'mitoAdmin' | 'mitoStaff' | 'sapporoStaff' | 'sapporoAdmin' | 'platform' | 'disabled', User>;

  const declare = async (name: string): Promise<Disaster> => {
    const res = await mitoAdmin.post(`/municipalities/${MITO}/disasters`, {
      name,
      occurredOn: '2026-12-08',
      kind: '地震',
      area: { towns: ['笠原町'], postalCodes: [] },
      reliefAct: { applied: true, appliedOn: '2026-12-08' },
    });
    expect(res.status).toBe(201);
    return res.body;
  };
  const grantsPath = (d: Disaster) => `/municipalities/${MITO}/disasters/${d.id}/grants`;
  const grant = (d: Disaster, email: string, fromDate = '2026-12-10', untilDate = '2026-12-20', lang = 'ja') => mitoAdmin.post(`${grantsPath(d)}?lang=${lang}`, { email, fromDate, untilDate });
  const signIn = async (user: User) => {
    const client = new StaffClient(ctx.app);
    expect((await client.login(user.email)).status).toBe(200);
    return client;
  };

  beforeAll(async () => {
    clock = START;
    ctx = await buildAuthApp({ LOGIN_RATE_LIMIT: '1000' }, () => clock);
    users.mitoAdmin = await makeUser(ctx.storage, 'municipal-admin', MITO);
    users.mitoStaff = await makeUser(ctx.storage, 'staff', MITO);
    users.sapporoStaff = await makeUser(ctx.storage, 'staff', SAPPORO);
    users.sapporoAdmin = await makeUser(ctx.storage, 'municipal-admin', SAPPORO);
    users.platform = await makeUser(ctx.storage, 'platform-admin', null);
    users.disabled = await makeUser(ctx.storage, 'staff', SAPPORO, { disabled: true });
    mitoAdmin = await signIn(users.mitoAdmin);
    disaster = await declare('令和8年12月茨城県北部の地震');
    otherDisaster = await declare('令和8年12月那珂川の洪水');
  });
  afterAll(() => ctx.close());
  // Each test starts without live grants (a failing one must not leave its grant to the next).
  afterEach(async () => {
    clock = START;
    for (const d of [disaster, otherDisaster]) for (const g of await ctx.storage.disasterGrants.listByDisaster(d.id)) await ctx.storage.disasterGrants.revoke(g.id, 'test', START.toISOString());
  });

  /** Every 水戸 route with the lent disaster in its path where it has one; other ids random. */
  const mitoPath = (spec: StaffRouteSpec) =>
    spec.path.replace(/:(\w+)/g, (_m, name: string) => {
      if (name === 'code') return MITO;
      if (name === 'disasterId') return disaster.id;
      if (name === 'id') return users.mitoStaff.id; // /users/:id: an account of 水戸
      if (name === 'revision') return '1';
      if (name === 'presetId') return 'risai-shomeisho';
      return randomUUID();
    });

  it.each(['sapporoStaff', 'sapporoAdmin'] as const)('%s with a live grant reads the disaster and gets 403 on every other 水戸 route', async (who) => {
    const created = await grant(disaster, users[who].email);
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ userId: users[who].id, homeMunicipalityCode: SAPPORO, homeMunicipalityName: '札幌市', live: true, revokedAt: null });
    const lent = await signIn(users[who]);

    const read = await lent.get(`/municipalities/${MITO}/disasters/${disaster.id}`);
    expect(read.status).toBe(200);
    expect(read.body.name).toBe(disaster.name);
    expect((await lent.get(`/municipalities/${MITO}/disasters/${otherDisaster.id}`)).status).toBe(403);

    const specs = (ctx.app.locals.staffRoutes as StaffRoutes).specs.filter((s) => s.access === 'permission' && (s.path.startsWith('/municipalities/:code') || s.path.startsWith('/users/:id')));
    expect(specs.map(key)).toEqual(
      expect.arrayContaining([
        `GET ${DISASTER}`,
        'GET /municipalities/:code/inbox',
        `GET ${DISASTER}/grants`,
        'GET /municipalities/:code/auth-policy',
        'GET /users/:id',
        'GET /municipalities/:code/users',
        'GET /municipalities/:code/catalog',
        'GET /municipalities/:code/disasters',
      ]),
    );
    const outcomes: string[] = [];
    const expected: string[] = [];
    for (const spec of specs) {
      const path = mitoPath(spec);
      const res = spec.method === 'get' ? await lent.get(path) : await lent.send(spec.method, path, {});
      // Only routes switched to canInDisaster let lent accounts in, and only for the lent actions.
      const allowed = spec.lent === true && LENT_ACTIONS.includes(spec.action!);
      // Allowed: past the guard (a team or application id the path names may still be unknown: 404).
      outcomes.push(`${key(spec)} → ${res.status === 403 ? 'denied' : res.status < 500 ? 'allowed' : res.status}`);
      expected.push(`${key(spec)} → ${allowed ? 'allowed' : 'denied'}`);
    }
    expect(outcomes).toEqual(expected);
    expect(outcomes).toContain(`GET ${DISASTER} → allowed`);
    expect(outcomes).toContain(`PUT ${DISASTER} → denied`);

    // Revoked at once.
    expect((await mitoAdmin.post(`${grantsPath(disaster)}/${created.body.id}/revoke`)).status).toBe(200);
    expect((await lent.get(`/municipalities/${MITO}/disasters/${disaster.id}`)).status).toBe(403);
  });

  it('audits the lent read in the trail of 水戸 with the home municipality and the grant', async () => {
    const created = await grant(disaster, users.sapporoStaff.email);
    expect(created.status).toBe(201);
    const lent = await signIn(users.sapporoStaff);
    expect((await lent.get(`/municipalities/${MITO}/disasters/${disaster.id}`)).status).toBe(200);
    const events = await ctx.storage.audit.list({ municipalityCode: MITO, limit: 50 });
    const read = events.find((e) => e.action === 'disaster.read' && e.details.viaGrant === created.body.id);
    expect(read).toMatchObject({ actor: users.sapporoStaff.id, targetType: 'disaster', targetId: disaster.id, details: { homeMunicipality: SAPPORO, viaGrant: created.body.id } });
    expect(events.find((e) => e.action === 'disaster.grant.created' && e.targetId === created.body.id)).toMatchObject({
      actor: users.mitoAdmin.id,
      details: { disasterId: disaster.id, userId: users.sapporoStaff.id, homeMunicipality: SAPPORO, fromDate: '2026-12-10', untilDate: '2026-12-20' },
    });
    // 水戸's own staff read without a lent audit entry.
    const own = await signIn(users.mitoStaff);
    expect((await own.get(`/municipalities/${MITO}/disasters/${disaster.id}`)).status).toBe(200);
    const after = await ctx.storage.audit.list({ municipalityCode: MITO, limit: 50 });
    expect(after.filter((e) => e.action === 'disaster.read' && e.actor === users.mitoStaff.id)).toEqual([]);

    // The lent account sees where it helps; the grant does not change its own town.
    const mine = await lent.get('/me/disaster-grants');
    expect(mine.status).toBe(200);
    expect(mine.body.items).toEqual([
      {
        grantId: created.body.id,
        municipalityCode: MITO,
        municipalityName: '水戸市',
        disasterId: disaster.id,
        disasterName: disaster.name,
        disasterStatus: 'open',
        fromDate: '2026-12-10',
        untilDate: '2026-12-20',
      },
    ]);
    expect((await own.get('/me/disaster-grants')).body.items).toEqual([]);
    const inbox = await lent.get(`/municipalities/${SAPPORO}/inbox`);
    expect(inbox.status).toBe(200);
    expect(JSON.stringify(inbox.body)).not.toContain(MITO);
    const ownDisasters = await lent.get(`/municipalities/${SAPPORO}/disasters`);
    expect(ownDisasters.status).toBe(200);
    expect(ownDisasters.body.items).toEqual([]);
    const session = await lent.get('/session');
    expect(session.body.user.municipalityCode).toBe(SAPPORO);
    expect((await mitoAdmin.post(`${grantsPath(disaster)}/${created.body.id}/revoke`)).status).toBe(200);
    expect((await lent.get('/me/disaster-grants')).body.items).toEqual([]);
    expect((await ctx.storage.audit.list({ municipalityCode: MITO, limit: 50 })).find((e) => e.action === 'disaster.grant.revoked' && e.targetId === created.body.id)).toMatchObject({
      actor: users.mitoAdmin.id,
    });
  });

  it('lets in only within the period (Japan days, both included)', async () => {
    const created = await grant(disaster, users.sapporoStaff.email, '2026-12-11', '2026-12-12');
    expect(created.status).toBe(201);
    expect(created.body.live).toBe(false);
    const path = `/municipalities/${MITO}/disasters/${disaster.id}`;
    try {
      let lent = await signIn(users.sapporoStaff);
      expect((await lent.get(path)).status).toBe(403); // 12-10: not yet
      clock = new Date('2026-12-11T00:00:00.000Z'); // 12-11 09:00 JST
      lent = await signIn(users.sapporoStaff);
      expect((await lent.get(path)).status).toBe(200);
      clock = new Date('2026-12-12T14:59:00.000Z'); // 12-12 23:59 JST
      lent = await signIn(users.sapporoStaff);
      expect((await lent.get(path)).status).toBe(200);
      clock = new Date('2026-12-12T15:00:00.000Z'); // 12-13 00:00 JST: over
      lent = await signIn(users.sapporoStaff);
      expect((await lent.get(path)).status).toBe(403);
      expect((await lent.get('/me/disaster-grants')).body.items).toEqual([]);
    } finally {
      clock = START;
      mitoAdmin = await signIn(users.mitoAdmin); // the admin's session idled out while the clock ran ahead
    }
    expect((await mitoAdmin.post(`${grantsPath(disaster)}/${created.body.id}/revoke`)).status).toBe(200);
  });

  it('refuses grants to own, platform, disabled and unknown accounts, bad periods, twice, and on a closed disaster', async () => {
    const refused = async (res: Awaited<ReturnType<typeof grant>>, status: number, keyword: string | null, text: string) => {
      expect([res.status, res.body.error?.fields?.[0]?.keyword ?? null]).toEqual([status, keyword]);
      expect(res.body.error.message + JSON.stringify(res.body.error.fields ?? [])).toContain(text);
    };
    await refused(await grant(disaster, users.mitoStaff.email), 422, 'grant_same_municipality', '自団体の職員');
    await refused(await grant(disaster, users.mitoStaff.email, undefined, undefined, 'en'), 422, 'grant_same_municipality', 'your own municipality');
    await refused(await grant(disaster, users.platform.email), 422, 'grant_platform_admin', 'プラットフォーム管理者');
    await refused(await grant(disaster, users.disabled.email, undefined, undefined, 'en'), 422, 'grant_user_disabled', 'disabled');
    await refused(await grant(disaster, 'nobody@example.jp'), 422, 'grant_user_unknown', '職員アカウントはありません');
    await refused(await grant(disaster, users.sapporoStaff.email, '2026-12-10', '2027-03-11'), 422, 'grant', '90日後（2027-03-10）まで');
    await refused(await grant(disaster, users.sapporoStaff.email, '2026-12-12', '2026-12-11', 'en'), 422, 'grant', 'must not be before');
    await refused(await grant(disaster, users.sapporoStaff.email, '2026-12-01', '2026-12-09'), 422, 'grant', '今日以降');

    expect((await grant(disaster, users.sapporoStaff.email, '2026-12-10', '2027-03-10')).status).toBe(201); // exactly 90 days
    await refused(await grant(disaster, users.sapporoStaff.email), 409, null, 'すでにあります');

    const before = (await mitoAdmin.get(grantsPath(otherDisaster))).body.items.length;
    expect((await mitoAdmin.post(`/municipalities/${MITO}/disasters/${otherDisaster.id}/close`)).status).toBe(200);
    await refused(await grant(otherDisaster, users.sapporoAdmin.email, undefined, undefined, 'en'), 409, null, 'closed disaster');
    expect((await mitoAdmin.get(grantsPath(otherDisaster))).body.items).toHaveLength(before);

    // 水戸's own staff (no disaster.manage) and 札幌's admin cannot grant on 水戸's disaster.
    const own = await signIn(users.mitoStaff);
    expect((await own.post(grantsPath(disaster), { email: users.sapporoAdmin.email, fromDate: '2026-12-10', untilDate: '2026-12-11' })).status).toBe(403);
    const sapporoAdmin = await signIn(users.sapporoAdmin);
    expect((await sapporoAdmin.post(grantsPath(disaster), { email: users.sapporoAdmin.email, fromDate: '2026-12-10', untilDate: '2026-12-11' })).status).toBe(403);
  });
});
