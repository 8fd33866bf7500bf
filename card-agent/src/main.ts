/**
 * `npm start` in card-agent/: starts the agent on 127.0.0.1 and prints the
 * pairing code the clerk types into the console once per shift.
 */
import { ConfigProblem, loadConfig, startCardAgent } from './index';

async function main(): Promise<void> {
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
    '  職員画面の「カードリーダーとつなぐ」でこの6桁を入力してください。',
    '  Type these 6 digits in the staff console under "Connect the card reader".',
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
