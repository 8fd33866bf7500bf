/**
 * A browser at an identity provider started in the test process: follows the
 * provider's redirects with its own cookies until the provider sends it back
 * to the app under `publicUrl`, and answers that path.
 */
export async function throughProvider(url: string, publicUrl: string): Promise<string> {
  const jar = new Map<string, string>();
  for (let hops = 0; hops < 20; hops++) {
    if (url.startsWith(publicUrl)) return url.slice(publicUrl.length);
    const res = await fetch(url, { redirect: 'manual', headers: { cookie: [...jar].map(([k, v]) => `${k}=${v}`).join('; ') } });
    for (const c of res.headers.getSetCookie()) {
      const [name, value] = c.split(';')[0]!.split('=') as [string, string];
      jar.set(name, value);
    }
    const location = res.headers.get('location');
    if (!location) throw new Error(`provider answered ${res.status} without a redirect: ${await res.text()}`);
    url = new URL(location, url).href;
  }
  throw new Error('too many redirects');
}
