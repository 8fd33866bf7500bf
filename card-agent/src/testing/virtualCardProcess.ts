/**
 * Runs a virtual card in its own process (forked by the test harness). It
 * must not share a process with the agent: some PC/SC calls (disconnect with
 * reset) block the caller until the card answers, as a real card in real
 * hardware would, so a card on the same event loop could never answer.
 *
 * argv[2]: the card's data as JSON; env VPCD_PORT: vpcd's port (35963).
 * Messages from the parent: { type: 'state' } → { type: 'state', commands, triesLeft };
 * { type: 'remove' } → the card leaves the reader and the process exits.
 */
import { insertVirtualCard, VPCD_PORT, type VirtualCardData } from './virtualCard';

export type CardProcessMessage = { type: 'ready' } | { type: 'state'; commands: string[]; triesLeft: number } | { type: 'error'; message: string };

async function main(): Promise<void> {
  const data = JSON.parse(process.argv[2] ?? '{}') as VirtualCardData;
  const card = await insertVirtualCard(data, { port: Number(process.env.VPCD_PORT ?? VPCD_PORT) });
  const reply = (message: CardProcessMessage): void => void process.send?.(message);
  process.on('message', (message: { type: string }) => {
    if (message.type === 'state') reply({ type: 'state', commands: [...card.commands], triesLeft: card.triesLeft });
    if (message.type === 'remove') void card.remove().then(() => process.exit(0));
  });
  process.on('disconnect', () => void card.remove().then(() => process.exit(0)));
  reply({ type: 'ready' });
}

main().catch((error: unknown) => {
  process.send?.({ type: 'error', message: (error as Error).message });
  process.exit(1);
});
