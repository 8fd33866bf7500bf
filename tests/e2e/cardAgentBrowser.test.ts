/**
 * The card-reader agent from a real browser (headless Chromium): a page served
 * from the allowed loopback origin pairs and reads the virtual card through
 * the console's cardAgentClient; the same page from another loopback origin
 * (another port) gets nothing — the agent refuses it and sends no CORS header.
 * Real pcscd + vpcd behind the agent; no physical card or reader.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { build } from 'esbuild';
import { screenshotPath } from '../helpers/browser';
import { useBrowser } from '../helpers/e2eSetup';
import { ensurePcscd, startCardAgentHarness, stopOurPcscd, TEST_CARDS, type CardAgentHarness } from '../helpers/cardAgentHarness';

const ROOT = join(__dirname, '..', '..');
const chrome = useBrowser();

/** The console's client, bundled for the page as window.CardAgentClient. */
async function bundleClient(): Promise<string> {
  const result = await build({
    entryPoints: [join(ROOT, 'client/src/staff/counter/cardAgentClient.ts')],
    bundle: true,
    write: false,
    format: 'iife',
    globalName: 'CardAgentClient',
    alias: { '@madoguchi/shared': join(ROOT, 'shared/src/counter/cardAgentProtocol.ts') },
    logLevel: 'silent',
  });
  return result.outputFiles[0]!.text;
}

function pageHtml(agentUrl: string, clientScript: string): string {
  return `<!doctype html><html lang="ja"><head><meta charset="utf-8"><title>カード読み取り</title>
<style>body{font-family:'Noto Sans CJK JP',sans-serif;margin:16px}label{display:block;margin:8px 0}output{display:block;white-space:pre-wrap;margin-top:12px;border:1px solid #888;padding:8px}</style></head>
<body><h1>マイナンバーカードから読み取る</h1>
<label>ペアリングコード <input id="code" inputmode="numeric"></label>
<label>暗証番号（4桁） <input id="pin" type="password" inputmode="numeric"></label>
<button id="read">読み取る</button><output id="result"></output>
<script>${clientScript}</script>
<script>
const client = CardAgentClient.createCardAgentClient({ baseUrl: ${JSON.stringify(agentUrl)} });
document.getElementById('read').addEventListener('click', async () => {
  const out = document.getElementById('result');
  try {
    if (!client.isPaired()) await client.pair(document.getElementById('code').value);
    const info = await client.readBasicInfo(document.getElementById('pin').value);
    out.dataset.state = 'ok';
    out.textContent = ['氏名: ' + info.name, '住所: ' + info.address, '生年月日: ' + info.birthdate, '性別: ' + (info.sex ?? '—')].join('\\n');
  } catch (error) {
    out.dataset.state = 'error';
    out.dataset.code = error.code;
    out.textContent = error.agentMessage.ja + '\\n' + error.agentMessage.en;
  }
});
</script></body></html>`;
}

/** `html` is asked per request: the page needs the agent's URL, and the agent needs the page's origin first. */
async function servePage(html: () => string): Promise<{ url: string; server: Server }> {
  const server = createServer((_req, res) => {
    res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
    res.end(html());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, server };
}

let harness: CardAgentHarness;
let allowed: { url: string; server: Server };
let other: { url: string; server: Server };

beforeAll(async () => {
  await ensurePcscd();
  const script = await bundleClient();
  let html = '';
  allowed = await servePage(() => html);
  other = await servePage(() => html);
  harness = await startCardAgentHarness(TEST_CARDS.standard, { origins: [allowed.url] });
  html = pageHtml(harness.agentUrl, script);
});

afterAll(async () => {
  await harness?.close();
  for (const page of [allowed, other]) {
    page?.server.closeAllConnections();
    await new Promise((resolve) => page?.server.close(resolve));
  }
  await stopOurPcscd();
});

async function readFrom(origin: string, name: string) {
  const page = await (await chrome().newContext({ locale: 'ja-JP', viewport: { width: 360, height: 640 } })).newPage();
  page.setDefaultTimeout(10_000);
  await page.goto(`${origin}/`);
  await page.getByLabel('ペアリングコード').fill(harness.pairingCode);
  await page.getByLabel('暗証番号（4桁）').fill(TEST_CARDS.standard.pin);
  await page.getByRole('button', { name: '読み取る' }).click();
  const result = page.locator('output#result[data-state]');
  await result.waitFor();
  await page.screenshot({ path: screenshotPath(name), fullPage: true });
  return { state: await result.getAttribute('data-state'), code: await result.getAttribute('data-code'), text: await result.textContent() };
}

test('a page from the allowed origin pairs and reads the 基本4情報', async () => {
  const result = await readFrom(allowed.url, 'card-agent-allowed');
  expect(result.state).toBe('ok');
  expect(result.text).toContain('氏名: 窓口 花子');
  expect(result.text).toContain('住所: 茨城県水戸市笠原町978番6');
  expect(result.text).toContain('生年月日: 1985-04-07');
});

test('the same page from another loopback origin is refused by the agent and reads nothing', async () => {
  const before = (await harness.card.state()).commands.length;
  const result = await readFrom(other.url, 'card-agent-other-origin');
  expect(result.state).toBe('error');
  // The browser sees no CORS header, so the client reports the agent as unreachable; the agent itself answered 403.
  expect(result.code).toBe('agent_unreachable');
  expect(harness.logs.some((line) => /\/pair 403$/.test(line))).toBe(true);
  expect((await harness.card.state()).commands.length).toBe(before);
});
