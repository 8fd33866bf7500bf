/**
 * The composition root: every service of the server is constructed here and
 * nowhere else, once per app, from the dependencies main.ts (or a test) hands
 * in. Routes receive the finished services; they never build their own.
 */
import { DisasterService } from './modules/disasters/disasterService';
import { CertificateService } from './modules/disasters/certificateService';
import { CertificateCodes } from './modules/disasters/certificateNumbers';
import { DisasterIntake } from './modules/disasters/disasterIntake';
import { DisasterGrantService } from './modules/disasters/grantService';
import { PRESET_OWNER, FormValidator } from '@madoguchi/shared';
import type { AppDeps, DeskServices, Services } from './services';
import { SecretDeriver } from './security/keys';
import { CatalogService } from './modules/procedures/catalogService';
import { BundleIntakeService } from './modules/intake/bundleIntakeService';
import { IntakeService } from './modules/intake/intakeService';
import { UploadService } from './modules/uploads/uploadService';
import { AdmissionGate } from './modules/admission/admissionGate';
import { FileScanService } from './modules/uploads/fileScans';
import { MessageThreadService } from './modules/inbox/messageThread';
import { ClamdClient } from './modules/uploads/clamdClient';
import { DraftService } from './modules/drafts/draftService';
import { createSmtpTransport, type MailTransport } from './modules/mail/mailTransport';
import { createCatalogModule } from './modules/catalog';
import { ApiKeyService } from './modules/backoffice/apiKeys';
import { OutboxDispatcher } from './modules/backoffice/outboxDispatcher';
import { PullService } from './modules/backoffice/pullService';
import { WebhookService } from './modules/backoffice/webhookService';
import { WebhookAddressPolicy } from './modules/backoffice/webhookAddresses';
import { WebhookSender } from './modules/backoffice/webhookSender';
import { PushService } from './modules/backoffice/pushService';
import { PushChannel } from './modules/backoffice/pushDelivery';
import { CsvExportService } from './modules/exports/csvExport';
import { ApplicantNotifier } from './modules/inbox/applicantNotice';
import { CorrectionService } from './modules/inbox/correctionService';
import { InboxService } from './modules/inbox/inboxService';
import { InboxLookups } from './modules/inbox/lookups';
import { RetentionService } from './modules/inbox/retention';
import { SensitiveRevealService } from './modules/inbox/sensitiveReveal';
import { WorkflowService } from './modules/inbox/workflowService';
import { DecisionNoticeService } from './modules/notices/decisionNoticeService';
import { UsersService } from './modules/users/usersService';
import { AccountService } from './modules/users/accountService';
import { createMailer } from './modules/users/inviteMailer';
import { AuthAudit } from './auth/audit';
import { TotpService } from './auth/totp';
import { SignInService } from './auth/signIn';
import { DeskService } from './modules/settings/deskService';
import { BusinessPostalCodes } from './modules/postal/businessPostalCodes';
import { GuideService } from './modules/guides/guideService';
import { SharedAnswerMappings } from './modules/procedures/sharedAnswerMappings';
import { GuideEditor } from './modules/guides/guideEditor';
import { CounterService } from './modules/counter/counterService';
import { TabletService } from './modules/counter/tabletService';
import { loadGuides, loadSharedAnswerMappings, presetIds } from '@madoguchi/presets';
import { MyNumberCardService } from './modules/identity/myNumberCardService';
import { DigitalAuthApp } from './modules/identity/digitalAuthApp';
import { ResidentSessions } from './modules/identity/residentSessions';
import { SignatureVerifier } from './modules/identity/signing/signatureVerifier';
import { loadResultEncryptionKey } from './modules/identity/resultEncryptionKey';
import { DeadlineService } from './modules/deadlines/deadlineService';
import { CapacityService } from './modules/capacity/capacityService';
import { DeadlineDigest } from './modules/deadlines/deadlineDigest';
import { DigestMailer } from './modules/deadlines/digestMailer';

export function createServices(deps: AppDeps): Services {
  const { storage, config, municipalities } = deps;
  const now = deps.now ?? (() => new Date());
  const validator = new FormValidator();
  const secrets = new SecretDeriver(deps.secretKey);
  const catalog = new CatalogService(storage, municipalities);
  const mail = deps.mailTransport ?? (config.auth.smtpUrl ? createSmtpTransport(config.auth.smtpUrl) : undefined);

  const scanConfig = config.malwareScan;
  const scanner = deps.scanner ?? (scanConfig ? new ClamdClient(scanConfig.target, scanConfig.timeoutMs) : undefined);
  const fileScans = new FileScanService(storage, scanner, deps.now, deps.logger);

  const audit = new AuthAudit(storage, now);
  const totp = new TotpService(secrets);
  const card = createCardServices(deps, secrets, catalog, validator, now);
  const users = new UsersService(storage, municipalities, { ...config.auth, publicUrl: config.publicUrl }, audit, mail ? createMailer(mail, config.auth.mailFrom) : undefined, now);

  const disasters = new DisasterService(storage, now);
  const desk = createDeskServices(deps, validator, mail, now, card?.service);
  const certificates = new CertificateService(storage, disasters, desk.workflow, municipalities, new CertificateCodes(secrets), now);
  const intake = new IntakeService(storage, catalog, validator, secrets, now, card?.service, new DisasterIntake(disasters, certificates), desk.deadlines);
  const staffCatalog = createCatalogModule(storage, now);
  const nationalGuides = loadGuides(presetIds());
  const bundles = new BundleIntakeService(storage, intake, secrets, now);
  const drafts = new DraftService(storage, catalog, config.draftTtlDays, deps.now);
  const counterSessions = new CounterService(storage, bundles, catalog, drafts, municipalities, secrets, now);

  return {
    storage,
    municipalities,
    secrets,
    validator,
    catalog,
    staffCatalog,
    capacity: new CapacityService(storage, (code, id) => catalog.current(code, id), now),
    intake,
    bundles,
    uploads: new UploadService(storage, catalog, deps.now, fileScans),
    admission: {
      submissions: new AdmissionGate(config.admission.submissions),
      uploads: new AdmissionGate(config.admission.uploads),
      retryAfterSeconds: config.admission.retryAfterSeconds,
    },
    fileScans,
    messages: new MessageThreadService(storage, desk.lookups, now, fileScans),
    drafts,
    disasters,
    disasterGrants: new DisasterGrantService(storage, disasters, municipalities, now),
    counter: { sessions: counterSessions, tablet: new TabletService(storage, counterSessions, catalog, municipalities, now) },
    desk,
    certificates,
    desks: new DeskService(storage, now),
    postalCodes: new BusinessPostalCodes(),
    guides: new GuideService(nationalGuides, catalog, storage),
    guideEditor: new GuideEditor(storage, nationalGuides, staffCatalog.overview, catalog, now),
    sharedAnswers: new SharedAnswerMappings(loadSharedAnswerMappings()),
    ...(card ? { card } : {}),
    auth: { audit, totp, signIn: new SignInService(storage, config.auth, totp, audit, now), users, account: new AccountService(storage, totp, audit, now) },
    now,
    presetCount: deps.presetCount,
    version: process.env.npm_package_version ?? '0.1.0',
  };
}

/** My Number Card sign-in and signatures, when a provider is configured. */
function createCardServices(deps: AppDeps, secrets: SecretDeriver, catalog: CatalogService, validator: FormValidator, now: () => Date): Services['card'] {
  const settings = deps.config.identity;
  if (!settings) return undefined;
  const key = loadResultEncryptionKey(deps.config.dataDir, settings.encryptionKeyFile);
  const provider = new DigitalAuthApp(settings, `${deps.config.publicUrl}/api/v1/resident/card/callback`, key.privateKey);
  const sessions = new ResidentSessions(deps.storage, secrets, settings.sessionMinutes, now);
  const verifier = new SignatureVerifier(settings.trustAnchors, deps.revocation);
  const service = new MyNumberCardService(provider, sessions, verifier, settings.trustAnchors.length > 0, deps.storage, catalog, validator, deps.municipalities, now, settings.municipalities);
  return { service, jwks: key.jwks, sessionMinutes: settings.sessionMinutes, secureCookie: deps.config.publicUrl.startsWith('https:') };
}

/** The inbox and back-office services: one lookup cache shared by all of them. */
function createDeskServices(deps: AppDeps, validator: FormValidator, mail: MailTransport | undefined, now: () => Date, card?: MyNumberCardService): DeskServices {
  const { storage, config } = deps;
  const lookups = new InboxLookups(storage, now, (code) => deps.municipalities.get(code)?.name);
  const inbox = new InboxService(storage, lookups, now);
  const notifier =
    mail && config.backoffice.notifyApplicants
      ? new ApplicantNotifier(storage, lookups, mail, {
          from: config.auth.mailFrom,
          publicUrl: config.publicUrl,
          municipalityName: (code) => deps.municipalities.get(code)?.name.replace(' ', '') ?? code,
        })
      : undefined;
  const b = config.backoffice;
  const procedureExists = async (code: string, id: string) => !!((await storage.procedures.getLatest(code, id)) ?? (await storage.procedures.getLatest(PRESET_OWNER, id)));
  const deadlines = new DeadlineService(storage, procedureExists, now);
  const digests = mail
    ? new DigestMailer(storage, mail, {
        from: config.auth.mailFrom,
        publicUrl: config.publicUrl,
        municipalityName: (code) => deps.municipalities.get(code)?.name.replace(' ', '') ?? code,
      })
    : undefined;
  const addresses = new WebhookAddressPolicy({ allowedNetworks: b.webhookAllowedNetworks, allowLoopbackForTests: b.webhookTestAllowLoopback });
  const sender = new WebhookSender(addresses, b.webhookTimeoutSeconds * 1000, now, deps.logger);
  const notices = new DecisionNoticeService(
    storage,
    (code) => deps.municipalities.get(code)?.name ?? code,
    async (s) => (await lookups.version(s.procedureOwner, s.procedureId, s.formVersion))?.procedure.title ?? s.procedureId,
    now,
  );
  // Pushes carry whole applications: https only, plain http solely to a loopback receiver of the test suite.
  const pushOptions = { addresses, allowLoopbackHttp: b.webhookTestAllowLoopback };
  const municipalityName = (code: string) => deps.municipalities.get(code)?.name.replace(' ', '') ?? code;
  return {
    notices,
    lookups,
    inbox,
    workflow: new WorkflowService(storage, inbox, now, notices),
    corrections: new CorrectionService(storage, lookups, validator, now, card, deadlines),
    deadlines,
    digest: new DeadlineDigest(storage, lookups, now),
    reveal: new SensitiveRevealService(storage, inbox, now),
    csv: new CsvExportService(storage, lookups, now),
    retention: new RetentionService(storage, now),
    apiKeys: new ApiKeyService(storage, now),
    sender,
    webhooks: new WebhookService(
      storage,
      {
        allowHttp: b.webhookAllowHttp,
        addresses,
        procedureExists: async (code, id) => !!((await storage.procedures.getLatest(code, id)) ?? (await storage.procedures.getLatest(PRESET_OWNER, id))),
      },
      now,
    ),
    pull: new PullService(storage, lookups, now),
    push: new PushService(storage, pushOptions, now),
    dispatcher: new OutboxDispatcher(
      storage,
      notifier,
      sender,
      {
        pollMs: b.outboxPollMs,
        maxAttempts: b.webhookMaxAttempts,
        baseDelayMs: b.webhookRetryBaseSeconds * 1000,
        maxDelayMs: 6 * 3600_000,
        timeoutMs: b.webhookTimeoutSeconds * 1000,
        leaseMs: Math.max(60_000, b.webhookTimeoutSeconds * 2000),
        batch: 20,
      },
      now,
      deps.logger,
      digests,
      new PushChannel(storage, lookups, sender, { ...pushOptions, municipalityName }, now),
    ),
  };
}
