/**
 * The MongoDB adapter (mongoose), chosen when MONGODB_URI is set. Publishing
 * uses a transaction, so the deployment must be a replica set (or sharded cluster).
 */
import mongoose from 'mongoose';
import type { Storage } from '../types';
import { registerModels } from './models';
import {
  MongoAuditRepository, MongoFileRepository, MongoProcedureRepository, MongoSessionRepository, MongoSubmissionRepository, MongoUserRepository,
} from './repositories';

export async function createMongoStorage(uri: string): Promise<Storage> {
  const connection = await mongoose.createConnection(uri, { serverSelectionTimeoutMS: 10_000, autoIndex: true }).asPromise();
  const models = registerModels(connection);
  await Promise.all(Object.values(models).map((model) => model.init()));
  return {
    kind: 'mongo',
    procedures: new MongoProcedureRepository(models, connection),
    submissions: new MongoSubmissionRepository(models, connection),
    files: new MongoFileRepository(models),
    users: new MongoUserRepository(models),
    sessions: new MongoSessionRepository(models),
    audit: new MongoAuditRepository(models),
    async ping() {
      await connection.db!.admin().ping();
    },
    async close() {
      await connection.close();
    },
  };
}
