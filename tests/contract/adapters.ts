/**
 * The storage adapters the contract suite runs against: always the embedded
 * SQLite adapter on a real file; MongoDB too whenever MONGODB_URI is set
 * (each run in a fresh database that is dropped afterwards).
 */
import { randomBytes } from 'node:crypto';
import mongoose from 'mongoose';
import { createSqliteStorage } from '../../server/src/storage/sqlite';
import { createMongoStorage } from '../../server/src/storage/mongo';
import type { Storage } from '../../server/src/storage/types';
import { makeTempDir } from '../helpers/tempDir';
import { DataCipher } from '../../server/src/security/dataCipher';

const cipher = () => new DataCipher([randomBytes(32)]);

export interface AdapterUnderTest {
  storage: Storage;
  dispose: () => Promise<void>;
  /** Opens the same store again with another cipher (key rotation); closed by `dispose`. */
  reopen: (cipher: DataCipher) => Promise<Storage>;
}

export type AdapterFactory = (options?: { cipher?: DataCipher }) => Promise<AdapterUnderTest>;

const sqlite: AdapterFactory = async (options = {}) => {
  const dir = makeTempDir();
  const storage = createSqliteStorage(dir.path, options.cipher ?? cipher());
  const reopened: Storage[] = [];
  return {
    storage,
    reopen: async (c) => (reopened.push(createSqliteStorage(dir.path, c)), reopened.at(-1)!),
    dispose: async () => {
      for (const other of reopened) await other.close();
      await storage.close();
      dir.remove();
    },
  };
};

const mongo: AdapterFactory = async (options = {}) => {
  const url = new URL(process.env.MONGODB_URI!);
  url.pathname = `/madoguchi_contract_${randomBytes(6).toString('hex')}`;
  const storage = await createMongoStorage(url.toString(), options.cipher ?? cipher());
  const reopened: Storage[] = [];
  return {
    storage,
    reopen: async (c) => (reopened.push(await createMongoStorage(url.toString(), c)), reopened.at(-1)!),
    dispose: async () => {
      for (const other of reopened) await other.close();
      await storage.close();
      const connection = await mongoose.createConnection(url.toString()).asPromise();
      await connection.dropDatabase();
      await connection.close();
    },
  };
};

export const ADAPTERS: Array<[string, AdapterFactory]> = [['sqlite', sqlite], ...(process.env.MONGODB_URI ? ([['mongo', mongo]] as Array<[string, AdapterFactory]>) : [])];

/**
 * The shared set-up of every contract file: runs `body` once per adapter, each
 * test on a fresh store that is disposed afterwards.
 */
export function describeContract(title: string, body: (store: { s: () => Storage; adapter: () => AdapterUnderTest }) => void, options?: Parameters<AdapterFactory>[0]): void {
  describe.each(ADAPTERS)(`${title}: %s`, (_name, create) => {
    let current: AdapterUnderTest;
    beforeEach(async () => {
      current = await create(options);
    });
    afterEach(async () => {
      await current.dispose();
    });
    body({ s: () => current.storage, adapter: () => current });
  });
}
