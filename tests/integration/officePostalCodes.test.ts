/**
 * 事業所個別番号 (field fix 13): a large office's own postal code, which the
 * resident app's bundled area data lacks, is answered by the server from the
 * office list installed with the app (japan-postal-code; read from disk, no
 * network). The resident's lookup asks the server only after its own data.
 */
import request from 'supertest';
import { BusinessPostalCodes } from '../../server/src/modules/postal/businessPostalCodes';
import { buildApp, type TestApp } from '../helpers/buildApp';

describe('office postal codes', () => {
  let ctx: TestApp;
  beforeAll(async () => {
    ctx = await buildApp({ presets: false });
  });
  afterAll(() => ctx.close());

  it('finds 水戸市役所 (310-8610), the code the presets use as an example', async () => {
    const res = await request(ctx.app).get('/api/v1/postal-codes/3108610').expect(200);
    expect(res.body).toEqual({ prefecture: '茨城県', city: '水戸市', town: '中央', street: '１丁目４－１' });
    expect(res.headers['cache-control']).toContain('max-age=86400');
  });

  it('finds offices in other prefectures (JIS numbering of the data)', async () => {
    const sapporo = await request(ctx.app).get('/api/v1/postal-codes/0018501').expect(200);
    expect(sapporo.body).toMatchObject({ prefecture: '北海道', city: '札幌市北区' });
    const codes = new BusinessPostalCodes();
    // 沖縄県 is the 47th: the last entry of the table must line up.
    expect((await codes.lookup('9008570'))?.prefecture).toBe('沖縄県');
  });

  it('answers 404 in the resident’s language for an area code or an unknown code', async () => {
    // 310-0805 is an area code (水戸市中央): the app's own data has it, the office list must not answer it.
    const area = await request(ctx.app).get('/api/v1/postal-codes/3100805').expect(404);
    expect(area.body.error.code).toBe('postal_code_not_found');
    expect(area.body.error.message).toContain('住所を入力してください');
    const none = await request(ctx.app).get('/api/v1/postal-codes/0000000?lang=en').expect(404);
    expect(none.body.error.message).toBe('No office has this postal code. Please enter the address.');
  });

  it('refuses anything but 7 digits before reading any file', async () => {
    for (const bad of ['310861', '31086100', 'abcdefg', '..%2F..%2Fx', '３１０８６１０']) {
      const res = await request(ctx.app).get(`/api/v1/postal-codes/${bad}`).expect(400);
      expect(res.body.error.message).toContain('7桁');
    }
    expect(await new BusinessPostalCodes().lookup('../../x')).toBeNull();
  });
});
