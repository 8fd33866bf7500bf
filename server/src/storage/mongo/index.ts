/**
 * The MongoDB adapter (mongoose), chosen when MONGODB_URI is set. Publishing
 * uses a transaction, so the deployment must be a replica set (or sharded cluster).
 */
import mongoose from 'mongoose';
import type { Storage } from '../types';
import { registerModels } from './models';
import { registerAuthModels } from './authModels';
import { MongoAuthPolicyRepository, MongoAuthTokenRepository } from './authRepositories';
import type { DataCipher } from '../../security/dataCipher';
import {
  MongoAuditRepository, MongoDraftRepository, MongoFileRepository, MongoProcedureRepository, MongoSessionRepository, MongoSubmissionRepository, MongoUserRepository,
} from './repositories';

export async function createMongoStorage(uri: string, cipher: DataCipher): Promise<Storage> {
  const connection = await mongoose.createConnection(uri, { serverSelectionTimeoutMS: 10_000, autoIndex: true }).asPromise();
  const models = registerModels(connection);
  const authModels = registerAuthModels(connection);
  await Promise.all([...Object.values(models), ...Object.values(authModels)].map((model) => model.init()));
  return {
    kind: 'mongo',
    procedures: new MongoProcedureRepository(models, connection),
    submissions: new MongoSubmissionRepository(models, connection, cipher),
    files: new MongoFileRepository(models, cipher),
    users: new MongoUserRepository(models),
    sessions: new MongoSessionRepository(models),
    audit: new MongoAuditRepository(models),
    authTokens: new MongoAuthTokenRepository(authModels),
    authPolicies: new MongoAuthPolicyRepository(authModels),
    drafts: new MongoDraftRepository(models, cipher),
    async ping() {
      await connection.db!.admin().ping();
    },
    async close() {
      await connection.close();
    },
  };
}
