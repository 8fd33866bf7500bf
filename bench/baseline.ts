/**
 * The bare stack, for comparison: Express parsing the same JSON body and
 * answering 201. Every product figure is a ratio to this, measured in the same run.
 */
import express from 'express';
import type { AddressInfo } from 'node:net';

const app = express();
app.use(express.json({ limit: '512kb' }));
app.post(/.*/, (req, res) => {
  res.status(201).json({ ok: true, keys: Object.keys(req.body?.data ?? {}).length });
});
const server = app.listen(0, '127.0.0.1', () => {
  console.log(`baseline listening on ${(server.address() as AddressInfo).port}`);
});
