/**
 * `npm run setup-link`: issues a new one-time setup link for the first
 * platform admin and prints it (for an operator who lost the one printed at
 * start). Earlier unused links stop working. Same environment as `npm start`;
 * safe while the server runs. Once an account exists it issues nothing: new
 * admins are invited from the console.
 */
import { loadConfig } from '../config';
import { createStorage } from '../storage/createStorage';
import { dataCipherFromConfig } from '../security/dataKeys';
import { announceSetupLink } from '../auth/oneTimeTokens';

async function main(): Promise<number> {
  const config = loadConfig();
  const storage = await createStorage({ ...config, cipher: dataCipherFromConfig(config) });
  try {
    const url = await announceSetupLink(storage, config.publicUrl, (text) => console.log(text));
    if (url) return 0;
    console.error(
      [
        'アカウントが既にあるため、セットアップリンクは発行しません。管理者は管理画面の「職員」から招待してください。',
        'An account already exists, so no setup link was issued. Invite further administrators from the console (Users).',
      ].join('\n'),
    );
    return 2;
  } finally {
    await storage.close();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(`setup-link failed: ${(error as Error).message}`);
    process.exit(1);
  },
);
