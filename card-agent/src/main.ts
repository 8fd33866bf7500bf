/**
 * `npm start` in card-agent/: starts the agent on 127.0.0.1 and prints the
 * pairing code the clerk types into the console once per shift. `--help`
 * prints the settings.
 */
import { CARD_AGENT_DEFAULT_PORT } from '@madoguchi/shared';
import { ConfigProblem, loadConfig, startCardAgent } from './index';
import { DEFAULT_ORIGINS, DEFAULT_TOKEN_TTL_MINUTES } from './config';
import { APT_PACKAGES } from './messages';

const USAGE = `窓口カードリーダー エージェント / Madoguchi card-reader agent

  npm start            (in card-agent/, or: npm run start -w card-agent)

起動すると 127.0.0.1 だけで待ち受け、6桁のペアリングコードを表示します。
On start it listens on 127.0.0.1 only and prints a 6-digit pairing code.

環境変数 / environment:
  CARD_AGENT_PORT               待ち受けポート / port (default ${CARD_AGENT_DEFAULT_PORT})
  CARD_AGENT_ORIGINS            職員画面のオリジン（カンマ区切り）/ console origins, comma list (default ${DEFAULT_ORIGINS.join(',')})
  CARD_AGENT_READER             使うリーダー名の一部 / part of the reader's name (default: the first with a card)
  CARD_AGENT_TOKEN_TTL_MINUTES  ペアリングの有効時間（分）/ pairing lifetime in minutes (default ${DEFAULT_TOKEN_TTL_MINUTES})

必要なもの / needs: ${APT_PACKAGES} (apt-get install -y ${APT_PACKAGES}), then npm install.
`;

async function main(): Promise<void> {
  if (process.argv.includes('--help') || process.argv.includes('-h')) {
    console.log(USAGE);
    return;
  }
  const config = loadConfig();
  const agent = await startCardAgent({ port: config.port, origins: config.origins, ...(config.reader ? { reader: config.reader } : {}), tokenTtlMs: config.tokenTtlMs });
  const status = agent.status();
  const lines = [
    '',
    '  窓口カードリーダー エージェント / Madoguchi card-reader agent',
    `  待ち受け / listening:  ${agent.url} (127.0.0.1 only)`,
    `  許可する画面 / allowed origins:  ${config.origins.join(', ')}`,
    '',
    `  ペアリングコード / pairing code:  ${agent.pairingCode}`,
    '  職員画面がカードリーダーとのペアリングを求めたら、この6桁を入力してください。',
    '  Type these 6 digits when the staff console asks to pair with the card reader.',
    '',
    status.pcscAvailable
      ? `  リーダー / reader:  ${status.readerName ?? 'なし / none'}${status.cardPresent ? '（カードあり / card present）' : ''}`
      : `  ⚠ ${status.problem?.ja ?? ''}\n  ⚠ ${status.problem?.en ?? ''}`,
    '  個人データは保存も記録もしません。 / No personal data is stored or logged.',
    '',
  ];
  console.log(lines.join('\n'));
  const stop = (): void => void agent.close().then(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((error: unknown) => {
  if (error instanceof ConfigProblem) console.error(`card-agent: ${error.message}`);
  else if ((error as NodeJS.ErrnoException).code === 'EADDRINUSE')
    console.error('card-agent: ポートが使用中です（別のエージェントが動いていませんか）/ the port is in use (is another agent running?)');
  else console.error(error);
  process.exit(1);
});
