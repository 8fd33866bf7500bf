/**
 * The MongoDB adapter (mongoose), chosen when MONGODB_URI is set. Publishing
 * uses a transaction, so the deployment must be a replica set (or sharded cluster).
 */
import mongoose from 'mongoose';
import type { Storage } from '../types';
import { registerModels } from './models';
import { registerAuthModels } from './authModels';
import { registerCatalogModels } from './catalogModels';
import { MongoEditLayerRepository, MongoPresetReleaseRepository } from './catalogRepositories';
import { MongoAuthPolicyRepository, MongoDeskRepository, MongoAuthTokenRepository } from './authRepositories';
import type { DataCipher } from '../../security/dataCipher';
import { MongoAuditRepository, MongoDraftRepository, MongoFileRepository, MongoProcedureRepository, MongoSessionRepository, MongoUserRepository } from './repositories';
import { MongoSubmissionRepository } from './submissionRepository';
import { registerInboxModels } from './inboxModels';
import { OUTBOX_SEQ, SUBMISSION_CHANGE } from './changeLog';
import { MongoInboxRepository } from './inboxRepository';
import { MongoApiKeyRepository, MongoDeliveryRepository, MongoOutboxRepository, MongoRetentionRepository, MongoWebhookRepository } from './backofficeRepositories';
import { MongoSealedDataRepository } from './sealedDataRepository';
import { registerGuideModels } from './guideModels';
import { MongoGuideRepository } from './guideRepository';
import { registerCounterModels } from './counterModels';
import { MongoCounterSessionRepository } from './counterSessionRepository';
import { registerDisasterModels } from './disasterModels';
import { MongoDisasterRepository } from './disasterRepository';
import { MongoDisasterGrantRepository, registerDisasterGrantModels } from './disasterGrantRepository';
import { MongoSurveyTeamRepository, registerSurveyTeamModels } from './surveyTeamRepository';
import { registerCertificateModels } from './certificateModels';
import { registerDeadlineModels } from './deadlineModels';
import { MongoDeadlineRepository } from './deadlineRepository';
import { MongoCertificateRepository } from './certificateRepository';
import { MongoDecisionNoticeRepository, decisionNoticeModels } from './decisionNoticeRepository';
import { MongoInboxViewRepository, registerInboxViewModels } from './inboxViewRepository';
import { MongoPushTargetRepository, registerPushModels } from './pushTargetRepository';
import { registerMessageReadModels } from './messageReadModels';
import { MongoAuthVersionRepository, MongoLeaseRepository, MongoRateCounterRepository, registerCoordinationModels } from './coordinationRepository';
import { MongoMessageReadRepository } from './messageReadRepository';
import { MongoCapacityRepository } from './capacityRepository';

/**
 * Replica-set behaviour (see README "Running on MongoDB"). On a step-down the
 * driver sees NotWritablePrimary, marks the server unknown, waits for the new
 * primary (up to serverSelectionTimeoutMS, longer than a typical election)
 * and retries the write once — retryable writes carry a transaction number,
 * so the retry is never applied twice. If no primary appears in time the
 * error maps to 503 (errors.ts). Every write, submissions included, waits for
 * a journaled majority: a 201 cannot be rolled back by a later failover.
 */
export const CONNECTION_OPTIONS = {
  retryWrites: true,
  retryReads: true,
  serverSelectionTimeoutMS: 15_000,
  writeConcern: { w: 'majority' as const, journal: true, wtimeoutMS: 15_000 },
  autoIndex: true,
};

export async function createMongoStorage(uri: string, cipher: DataCipher): Promise<Storage> {
  const connection = await mongoose.createConnection(uri, CONNECTION_OPTIONS).asPromise();
  const models = registerModels(connection);
  const authModels = registerAuthModels(connection);
  const inboxModels = registerInboxModels(connection);
  const catalogModels = registerCatalogModels(connection);
  const guideModels = registerGuideModels(connection);
  const counterModels = registerCounterModels(connection);
  const disasterModels = registerDisasterModels(connection);
  const grantModels = registerDisasterGrantModels(connection);
  const surveyTeamModels = registerSurveyTeamModels(connection);
  const certificateModels = registerCertificateModels(connection);
  const deadlineModels = registerDeadlineModels(connection);
  const inboxViewModels = registerInboxViewModels(connection);
  const pushModels = registerPushModels(connection);
  const messageReadModels = registerMessageReadModels(connection);
  const coordinationModels = registerCoordinationModels(connection);
  await Promise.all(
    [
      ...Object.values(models),
      ...Object.values(authModels),
      ...Object.values(inboxModels),
      ...Object.values(catalogModels),
      ...Object.values(guideModels),
      ...Object.values(counterModels),
      ...Object.values(disasterModels),
      ...Object.values(grantModels),
      ...Object.values(surveyTeamModels),
      ...Object.values(certificateModels),
      ...Object.values(decisionNoticeModels(connection)),
      ...Object.values(deadlineModels),
      ...Object.values(inboxViewModels),
      ...Object.values(pushModels),
      ...Object.values(messageReadModels),
      ...Object.values(coordinationModels),
    ].map((model) => model.init()),
  );
  // Counters exist before any transaction raises them: two first upserts inside transactions would collide.
  for (const name of [SUBMISSION_CHANGE, OUTBOX_SEQ]) await inboxModels.Counter.updateOne({ _id: name }, { $setOnInsert: { value: 0 } }, { upsert: true });
  const authVersion = new MongoAuthVersionRepository(coordinationModels);
  return {
    kind: 'mongo',
    procedures: new MongoProcedureRepository(models, connection),
    submissions: new MongoSubmissionRepository(models, connection, cipher, inboxModels, disasterModels),
    files: new MongoFileRepository(models, cipher),
    users: new MongoUserRepository(models, authVersion),
    sessions: new MongoSessionRepository(models),
    audit: new MongoAuditRepository(models),
    authTokens: new MongoAuthTokenRepository(authModels),
    authPolicies: new MongoAuthPolicyRepository(authModels, authVersion),
    desks: new MongoDeskRepository(authModels),
    drafts: new MongoDraftRepository(models, cipher),
    inbox: new MongoInboxRepository(models, inboxModels, connection, cipher),
    outbox: new MongoOutboxRepository(inboxModels, connection),
    deliveries: new MongoDeliveryRepository(inboxModels),
    apiKeys: new MongoApiKeyRepository(inboxModels),
    webhooks: new MongoWebhookRepository(inboxModels, cipher),
    pushTargets: new MongoPushTargetRepository(pushModels, cipher),
    retention: new MongoRetentionRepository(inboxModels),
    editLayers: new MongoEditLayerRepository(catalogModels),
    presetReleases: new MongoPresetReleaseRepository(catalogModels),
    guides: new MongoGuideRepository(guideModels, connection),
    counterSessions: new MongoCounterSessionRepository(counterModels, cipher),
    disasters: new MongoDisasterRepository(disasterModels, connection),
    disasterGrants: new MongoDisasterGrantRepository(grantModels),
    surveyTeams: new MongoSurveyTeamRepository(surveyTeamModels),
    certificates: new MongoCertificateRepository(certificateModels, connection, cipher),
    decisionNotices: new MongoDecisionNoticeRepository(connection, cipher),
    deadlines: new MongoDeadlineRepository(models, deadlineModels),
    sealed: new MongoSealedDataRepository(models, inboxModels, cipher, counterModels, certificateModels, decisionNoticeModels(connection), pushModels),
    inboxViews: new MongoInboxViewRepository(inboxViewModels),
    messageReads: new MongoMessageReadRepository(messageReadModels, inboxModels),
    rateCounters: new MongoRateCounterRepository(coordinationModels),
    leases: new MongoLeaseRepository(coordinationModels),
    authVersion,
    capacity: new MongoCapacityRepository(connection),
    async ping() {
      await connection.db!.admin().ping();
    },
    async close() {
      await connection.close();
    },
  };
}
