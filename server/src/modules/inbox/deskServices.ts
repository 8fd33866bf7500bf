/**
 * Builds the inbox and back-office services (issue #7) from the app's
 * dependencies: one place that knows how they fit together.
 */
import type { Logger } from 'pino';
import { PRESET_OWNER, type FormValidator } from '@madoguchi/shared';
import type { Config } from '../../config';
import type { Storage } from '../../storage/types';
import type { CatalogService } from '../procedures/catalogService';
import type { MunicipalityRegistry } from '../municipalities/registry';
import { ApiKeyService } from '../backoffice/apiKeys';
import { OutboxDispatcher } from '../backoffice/outboxDispatcher';
import { PullService } from '../backoffice/pullService';
import { WebhookService } from '../backoffice/webhookService';
import { CsvExportService } from '../exports/csvExport';
import { ApplicantNotifier, createSmtpTransport, type MailTransport } from './applicantNotice';
import { CorrectionService } from './correctionService';
import { InboxService } from './inboxService';
import { InboxLookups } from './lookups';
import { RetentionService } from './retention';
import { SensitiveRevealService } from './sensitiveReveal';
import { WorkflowService } from './workflowService';

export interface DeskServices {
  lookups: InboxLookups;
  inbox: InboxService;
  workflow: WorkflowService;
  corrections: CorrectionService;
  reveal: SensitiveRevealService;
  csv: CsvExportService;
  retention: RetentionService;
  apiKeys: ApiKeyService;
  webhooks: WebhookService;
  pull: PullService;
  /** Started by main.ts (and by tests that want deliveries); never by createApp. */
  dispatcher: OutboxDispatcher;
}

export interface DeskDeps {
  storage: Storage;
  config: Config;
  catalog: CatalogService;
  municipalities: MunicipalityRegistry;
  validator: FormValidator;
  now?: () => Date;
  /** Overrides the SMTP transport made from SMTP_URL. */
  mailTransport?: MailTransport;
  logger?: Logger;
}

export function createDeskServices(d: DeskDeps): DeskServices {
  const now = d.now ?? (() => new Date());
  const { storage, config } = d;
  const lookups = new InboxLookups(storage, now);
  const inbox = new InboxService(storage, lookups, now);
  const transport = d.mailTransport ?? (config.auth.smtpUrl ? createSmtpTransport(config.auth.smtpUrl) : undefined);
  const notifier = transport && config.backoffice.notifyApplicants
    ? new ApplicantNotifier(storage, lookups, transport, {
        from: config.auth.mailFrom,
        publicUrl: config.publicUrl,
        municipalityName: (code) => d.municipalities.get(code)?.name.replace(' ', '') ?? code,
      })
    : undefined;
  const b = config.backoffice;
  return {
    lookups,
    inbox,
    workflow: new WorkflowService(storage, inbox, now),
    corrections: new CorrectionService(storage, lookups, d.validator, now),
    reveal: new SensitiveRevealService(storage, inbox, now),
    csv: new CsvExportService(storage, lookups, now),
    retention: new RetentionService(storage, now),
    apiKeys: new ApiKeyService(storage, now),
    webhooks: new WebhookService(storage, {
      allowHttp: b.webhookAllowHttp,
      procedureExists: async (code, id) => !!((await storage.procedures.getLatest(code, id)) ?? (await storage.procedures.getLatest(PRESET_OWNER, id))),
    }, now),
    pull: new PullService(storage, lookups, now),
    dispatcher: new OutboxDispatcher(storage, notifier, {
      pollMs: b.outboxPollMs, maxAttempts: b.webhookMaxAttempts, baseDelayMs: b.webhookRetryBaseSeconds * 1000, maxDelayMs: 6 * 3600_000,
      timeoutMs: b.webhookTimeoutSeconds * 1000, leaseMs: Math.max(60_000, b.webhookTimeoutSeconds * 2000), batch: 20,
    }, now, d.logger),
  };
}
