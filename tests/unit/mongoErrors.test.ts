/**
 * MongoDB errors that mean "no usable primary now" (a step-down, an election,
 * a network split, server selection giving up) become 503 + Retry-After, not
 * 500. No MongoDB server runs here, so the errors are the driver's own classes
 * (or objects shaped like what it throws), fed through the mapping and the
 * HTTP error handler.
 */
import express from 'express';
import request from 'supertest';
import { MongoNetworkError, MongoNetworkTimeoutError, MongoNotConnectedError, MongoServerError, MongoServerSelectionError, MongoWriteConcernError } from 'mongodb';
import { isMongoUnavailable, mapMongoError } from '../../server/src/storage/mongo/errors';
import { CONNECTION_OPTIONS } from '../../server/src/storage/mongo/index';
import { ConflictError, StorageUnavailableError } from '../../server/src/errors';
import { errorHandler } from '../../server/src/http/errorHandler';

const unavailable = {
  // What the driver throws when no primary was elected within serverSelectionTimeoutMS (reason: the topology it saw).
  'server selection timed out': new MongoServerSelectionError('Server selection timed out after 15000 ms', { type: 'ReplicaSetNoPrimary', servers: new Map() } as never),
  'network error': new MongoNetworkError('connection 3 to db1:27017 closed'),
  'network timeout': new MongoNetworkTimeoutError('connection timed out'),
  'client not connected': new MongoNotConnectedError('Client must be connected before running operations'),
  'NotWritablePrimary (10107)': new MongoServerError({ message: 'not primary', code: 10107, codeName: 'NotWritablePrimary' }),
  'PrimarySteppedDown (189)': new MongoServerError({ message: 'primary stepped down', code: 189, codeName: 'PrimarySteppedDown' }),
  'InterruptedDueToReplStateChange (11602)': new MongoServerError({ message: 'operation was interrupted', code: 11602 }),
  'RetryableWriteError label': new MongoServerError({ message: 'something transient', code: 999999, errorLabels: ['RetryableWriteError'] }),
  'TransientTransactionError label': new MongoServerError({ message: 'transaction aborted', code: 251, errorLabels: ['TransientTransactionError'] }),
  'majority not reached': new MongoWriteConcernError({ writeConcernError: { code: 64, errmsg: 'waiting for replication timed out' } } as never),
  'mongoose buffering timeout': Object.assign(new Error('Operation `submissions.findOne()` buffering timed out after 10000ms'), { name: 'MongooseError' }),
  'mongoose server selection': Object.assign(new Error('Could not connect to any servers'), { name: 'MongooseServerSelectionError' }),
};

describe('MongoDB errors while the primary is unavailable', () => {
  it.each(Object.entries(unavailable))('maps %s to StorageUnavailableError', (_name, error) => {
    expect(isMongoUnavailable(error)).toBe(true);
    expect(() => mapMongoError(error)).toThrow(StorageUnavailableError);
  });

  it('keeps duplicates as conflicts and lets other errors through', () => {
    const duplicate = new MongoServerError({ message: 'E11000 duplicate key', code: 11000, keyPattern: { municipalityCode: 1, idempotencyKey: 1 } });
    expect(() => mapMongoError(duplicate)).toThrow(ConflictError);
    const invalid = new MongoServerError({ message: 'Document failed validation', code: 121 });
    expect(isMongoUnavailable(invalid)).toBe(false);
    expect(() => mapMongoError(invalid)).toThrow(invalid);
    expect(isMongoUnavailable(new TypeError('x is undefined'))).toBe(false);
  });

  it('answers 503 with Retry-After in the caller language even when a driver error escapes unmapped', async () => {
    const app = express();
    app.get('/step-down', () => {
      throw new MongoServerError({ message: 'not primary', code: 10107, codeName: 'NotWritablePrimary' });
    });
    app.get('/bug', () => {
      throw new TypeError('a bug');
    });
    app.use(errorHandler);
    const ja = await request(app).get('/step-down').expect(503);
    expect(ja.headers['retry-after']).toBe('30');
    expect(ja.body.error).toMatchObject({ code: 'storage_unavailable' });
    expect(ja.body.error.message).toContain('入力内容は送信されていません');
    const en = await request(app).get('/step-down?lang=en').expect(503);
    expect(en.body.error.message).toContain('Nothing was submitted');
    await request(app).get('/bug').expect(500);
  });

  it('connects for a replica set: retryable reads and writes, journaled majority writes', () => {
    expect(CONNECTION_OPTIONS).toMatchObject({ retryWrites: true, retryReads: true, writeConcern: { w: 'majority', journal: true } });
    expect(CONNECTION_OPTIONS.serverSelectionTimeoutMS).toBeGreaterThanOrEqual(10_000); // longer than an election
  });
});
