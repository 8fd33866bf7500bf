/**
 * What the server is made of: the dependencies the composition root takes
 * (AppDeps) and the services it builds once per app (Services). Types only,
 * so every layer above the modules can name them without importing the
 * code that wires them.
 */
import type { Logger } from 'pino';
import type { DisasterService } from './modules/disasters/disasterService';
import type { DisasterGrantService } from './modules/disasters/grantService';
import type { CertificateService } from './modules/disasters/certificateService';
import type { FormValidator } from '@madoguchi/shared';
import type { Config } from './config';
import type { Storage } from './storage/types';
import type { SecretDeriver } from './security/keys';
import type { MunicipalityRegistry } from './modules/municipalities/registry';
import type { CatalogService } from './modules/procedures/catalogService';
import type { IntakeService } from './modules/intake/intakeService';
import type { BundleIntakeService } from './modules/intake/bundleIntakeService';
import type { SharedAnswerMappings } from './modules/procedures/sharedAnswerMappings';
import type { UploadService } from './modules/uploads/uploadService';
import type { FileScanService } from './modules/uploads/fileScans';
import type { MalwareScanner } from './modules/uploads/clamdClient';
import type { DraftService } from './modules/drafts/draftService';
import type { MessageThreadService } from './modules/inbox/messageThread';
import type { MailTransport } from './modules/mail/mailTransport';
import type { CatalogModule } from './modules/catalog';
import type { InboxLookups } from './modules/inbox/lookups';
import type { InboxService } from './modules/inbox/inboxService';
import type { WorkflowService } from './modules/inbox/workflowService';
import type { DecisionNoticeService } from './modules/notices/decisionNoticeService';
import type { CorrectionService } from './modules/inbox/correctionService';
import type { SensitiveRevealService } from './modules/inbox/sensitiveReveal';
import type { RetentionService } from './modules/inbox/retention';
import type { CsvExportService } from './modules/exports/csvExport';
import type { ApiKeyService } from './modules/backoffice/apiKeys';
import type { WebhookService } from './modules/backoffice/webhookService';
import type { PushService } from './modules/backoffice/pushService';
import type { WebhookSender } from './modules/backoffice/webhookSender';
import type { PullService } from './modules/backoffice/pullService';
import type { OutboxDispatcher } from './modules/backoffice/outboxDispatcher';
import type { DeadlineService } from './modules/deadlines/deadlineService';
import type { CapacityService } from './modules/capacity/capacityService';
import type { DeadlineDigest } from './modules/deadlines/deadlineDigest';
import type { UsersService } from './modules/users/usersService';
import type { AccountService } from './modules/users/accountService';
import type { AuthAudit } from './auth/audit';
import type { TotpService } from './auth/totp';
import type { SignInService } from './auth/signIn';
import type { DeskService } from './modules/settings/deskService';
import type { BusinessPostalCodes } from './modules/postal/businessPostalCodes';
import type { MyNumberCardService } from './modules/identity/myNumberCardService';
import type { GuideService } from './modules/guides/guideService';
import type { GuideEditor } from './modules/guides/guideEditor';
import type { CounterService } from './modules/counter/counterService';
import type { TabletService } from './modules/counter/tabletService';
import type { AdmissionGate } from './modules/admission/admissionGate';
import type { RevocationChecker } from './modules/identity/signing/signatureVerifier';

export interface AppDeps {
  config: Config;
  storage: Storage;
  municipalities: MunicipalityRegistry;
  /** 32-byte server key (see security/keys.ts). */
  secretKey: Buffer;
  presetCount: number;
  logger?: Logger;
  now?: () => Date;
  /** Directory of the built resident/staff app; served when present. */
  clientDist?: string;
  /** Replaces the SMTP transport built from SMTP_URL (invitations and applicant notices). */
  mailTransport?: MailTransport;
  /** Replaces the clamd client built from CLAMD_* (malware scanning of uploads). */
  scanner?: MalwareScanner;
  /** Revocation of 署名用電子証明書 (a 署名検証者 connection); without one, signatures say 「失効確認なし」. */
  revocation?: RevocationChecker;
}

/** The inbox and back-office services of a municipal desk (issue #7). */
export interface DeskServices {
  lookups: InboxLookups;
  inbox: InboxService;
  workflow: WorkflowService;
  /** 決定通知書 / 却下通知書 and their templates (issue #21). */
  notices: DecisionNoticeService;
  corrections: CorrectionService;
  reveal: SensitiveRevealService;
  csv: CsvExportService;
  retention: RetentionService;
  apiKeys: ApiKeyService;
  webhooks: WebhookService;
  /** Sends webhooks, only to addresses the SSRF policy allows (the dispatcher and the ping button). */
  sender: WebhookSender;
  pull: PullService;
  /** Push targets: whole submissions POSTed to back-office systems (issue #21). */
  push: PushService;
  /** Started by main.ts (and by tests that want deliveries); never by createApp. */
  dispatcher: OutboxDispatcher;
  /** 標準処理期間 per procedure and submissions' deadlines (issue #21). */
  deadlines: DeadlineService;
  /** The daily 期限 digest to staff (main.ts runs it hourly; it writes once a day). */
  digest: DeadlineDigest;
}

/** Staff accounts and sign-in. */
export interface AuthServices {
  audit: AuthAudit;
  totp: TotpService;
  signIn: SignInService;
  users: UsersService;
  account: AccountService;
}

export interface Services {
  storage: Storage;
  municipalities: MunicipalityRegistry;
  /** The one key deriver of the app (status secrets, TOTP secrets, session ids). */
  secrets: SecretDeriver;
  validator: FormValidator;
  catalog: CatalogService;
  /** A municipality's catalog as staff edit it: adoptions, own procedures, the preset library. */
  staffCatalog: CatalogModule;
  intake: IntakeService;
  /** 定員: places left per option, bookings, capacity changes (issue #22). */
  capacity: CapacityService;
  /** One-stop bundles: several applications sent and stored together (issue #18). */
  bundles: BundleIntakeService;
  /** Which fields of a procedure take the answers a one-stop bundle shares. */
  sharedAnswers: SharedAnswerMappings;
  uploads: UploadService;
  /** Admission control of intake work under a surge: submissions (and bundles) and uploads, each its own gate. */
  admission: { submissions: AdmissionGate; uploads: AdmissionGate; retryAfterSeconds: number };
  /** Malware scanning of uploads and the rescan of pending files (main.ts runs it on a timer; issue #8). */
  fileScans: FileScanService;
  drafts: DraftService;
  /** Inbox, corrections, exports, API keys, pull API, webhooks, outbox dispatcher, retention (issue #7). */
  desk: DeskServices;
  /** The desk ⇄ applicant message thread of a submission (issue #21). */
  messages: MessageThreadService;
  auth: AuthServices;
  /** The municipality's contact desks, named by its procedures. */
  desks: DeskService;
  /** 事業所個別番号 → address, for codes the resident app's own postal data lacks. */
  postalCodes: BusinessPostalCodes;
  /** Life-event guides (ライフイベントから探す). */
  guides: GuideService;
  /** Adopting, editing, adding, hiding and publishing a municipality's guides (staff console). */
  guideEditor: GuideEditor;
  /** 書かない窓口: counter visits served by a clerk, and the tablet on which the visitor confirms (issue #19). */
  counter: { sessions: CounterService; tablet: TabletService };
  /** 被災者支援: the disasters a municipality declares (issue #20). */
  disasters: DisasterService;
  /** 応援職員: other municipalities' accounts lent one disaster's queue (issue #20). */
  disasterGrants: DisasterGrantService;
  /** 罹災証明書: issuing, withdrawing, the resident's copy and verification (issue #20). */
  certificates: CertificateService;
  /** My Number Card sign-in and signatures (デジタル認証アプリ), when MYNA_* is configured. */
  card?: { service: MyNumberCardService; jwks: { keys: Record<string, unknown>[] }; sessionMinutes: number; secureCookie: boolean };
  now: () => Date;
  presetCount: number;
  version: string;
}
