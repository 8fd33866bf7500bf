/**
 * The resident's copy of an application as a PDF (A4, Japanese): procedure,
 * municipality, 到達番号, date of arrival, and every answer with its label.
 * An application made at the counter (書かない窓口) also says 「窓口で受付」
 * with desk and clerk and ends with the 署名欄 holding the visitor's drawn
 * signature. The same layout prints a counter application before it is
 * submitted, with an empty 署名欄 for residents who prefer to sign on paper.
 * Noto Sans JP is bundled (OFL) and subset into each file, so nothing is downloaded.
 */
import PDFDocument from 'pdfkit';
import { answerList, formatWareki, japanClock, signatureSummaryJa, type AnswerLine, type FormVersion, type Submission } from '@madoguchi/shared';
import { drawnSignaturePng } from '../inbox/counterOrigin';
import { confirmationText, counterLine, drawSignatureBox, signatureContentOf, type CounterPrintMeta, type SignatureBoxContent } from './counterSection';

const FONT = require.resolve('@expo-google-fonts/noto-sans-jp/400Regular/NotoSansJP_400Regular.ttf');
const FONT_BOLD = require.resolve('@expo-google-fonts/noto-sans-jp/700Bold/NotoSansJP_700Bold.ttf');

type Doc = InstanceType<typeof PDFDocument>;

/** Date and time of arrival in Japan time, e.g. 令和8年11月23日 14:05. */
function arrivalText(iso: string): string {
  const { date, time } = japanClock(iso);
  return `${formatWareki(date)} ${time}（日本時間）`;
}

interface Layout {
  documentTitle: string;
  municipalityName: string;
  /** The small line top right: addressee and what this paper is. */
  heading: string;
  procedureTitle: string;
  /** Lines under the title (到達番号, dates, 窓口で受付 …). */
  facts: string[];
  answers: AnswerLine[];
  /** Below the answers: attachments count, the 署名欄 … */
  after: (doc: Doc, left: number, width: number) => void;
  footnote?: string;
}

function render(layout: Layout): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const doc = new PDFDocument({ size: 'A4', margin: 48, info: { Title: layout.documentTitle, Author: layout.municipalityName, Producer: 'Madoguchi' } });
    const chunks: Buffer[] = [];
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
    doc.registerFont('jp', FONT);
    doc.registerFont('jp-bold', FONT_BOLD);

    doc.font('jp').fontSize(10).fillColor('#555').text(layout.heading, { align: 'right' });
    doc.moveDown(0.5);
    doc.font('jp-bold').fontSize(18).fillColor('#000').text(layout.procedureTitle);
    doc.moveDown(0.5);
    doc.font('jp').fontSize(11);
    for (const fact of layout.facts) doc.text(fact);
    doc.moveDown();
    doc
      .moveTo(doc.page.margins.left, doc.y)
      .lineTo(doc.page.width - doc.page.margins.right, doc.y)
      .strokeColor('#999')
      .stroke();
    doc.moveDown(0.5);

    const left = doc.page.margins.left;
    const width = doc.page.width - left - doc.page.margins.right;
    for (const line of layout.answers) {
      const indent = line.depth * 14;
      if (doc.y > doc.page.height - doc.page.margins.bottom - 40) doc.addPage();
      if (line.isGroup) {
        doc
          .moveDown(0.3)
          .font('jp-bold')
          .fontSize(11)
          .text(line.label, left + indent, doc.y, { width: width - indent });
        continue;
      }
      const y = doc.y;
      doc
        .font('jp')
        .fontSize(9)
        .fillColor('#444')
        .text(line.label, left + indent, y, { width: 170 - indent });
      const labelBottom = doc.y;
      doc
        .fontSize(10.5)
        .fillColor('#000')
        .text(line.value, left + 180, y, { width: width - 180 });
      doc.y = Math.max(doc.y, labelBottom) + 3;
    }
    doc.moveDown();
    layout.after(doc, left, width);
    if (layout.footnote) {
      doc.moveDown();
      doc.font('jp').fontSize(9).fillColor('#555').text(layout.footnote, left, doc.y, { width });
    }
    doc.end();
  });
}

export interface CopyOptions {
  /** Display name of the clerk who served a counter application. */
  clerkName?: string;
}

export function renderApplicationPdf(submission: Submission, version: FormVersion, municipalityName: string, options: CopyOptions = {}): Promise<Buffer> {
  const counter = submission.counter;
  const [signatureStatus, ...signatureDetails] = signatureSummaryJa(submission.evidence?.signature, arrivalText);
  const facts = [
    `到達番号：${submission.receiptNumber}`,
    `到達日時：${arrivalText(submission.createdAt)}`,
    ...(counter ? [counterLine(counter, options.clerkName ?? counter.servedBy), `確認：${confirmationText(counter.confirmation)}`] : []),
    `様式の版：第${submission.formVersion}版`,
    ...(submission.evidence?.identity ? [`本人確認：マイナンバーカード（利用者証明用電子証明書）${arrivalText(submission.evidence.identity.verifiedAt)}`] : []),
    `電子署名：${signatureStatus}`,
    ...signatureDetails.map((detail) => `　${detail}`),
  ];
  const attachmentCount = Object.values(submission.attachments).flat().length;
  return render({
    documentTitle: `${version.procedure.title}（申請控え）`,
    municipalityName,
    heading: `${municipalityName} 宛て　${counter ? '窓口で受付した申請の控え' : 'オンライン申請の控え'}`,
    procedureTitle: version.procedure.title,
    facts,
    answers: answerList(version.schema, submission.data),
    after: (doc, left, width) => {
      doc.font('jp').fontSize(10).fillColor('#000').text(`添付ファイル：${attachmentCount}件`, left);
      if (counter) {
        doc.moveDown();
        drawSignatureBox(doc, left, width, signatureContentOf(counter, drawnSignaturePng(counter)));
      }
    },
    footnote: 'この控えは申請内容の確認用です。審査の結果は、到達番号と確認キーで状況確認ページからご確認ください。',
  });
}

export interface PaperFormInput {
  version: FormVersion;
  /** The answers as filled in at the counter (validated or not: printed as they are). */
  data: Record<string, unknown>;
  /** The visit: 受付番号, desk, the clerk's user id (no confirmation yet). */
  counter: CounterPrintMeta;
  municipalityName: string;
  /** Display name of the clerk who serves. */
  clerkName: string;
  /** Print sensitive answers (個人番号 …) in clear; masked otherwise. */
  revealSensitive?: boolean;
}

/**
 * The paper fallback of 書かない窓口: a counter application not yet submitted,
 * printed for the visitor to check and sign by hand. Same layout as the copy,
 * with an empty 署名欄 (日付 and 署名 lines) under 「上記の内容に相違ありません。」.
 */
export function renderCounterPaperForm(input: PaperFormInput): Promise<Buffer> {
  const { version, counter } = input;
  const blank: SignatureBoxContent = { kind: 'blank' };
  return render({
    documentTitle: `${version.procedure.title}（申請書）`,
    municipalityName: input.municipalityName,
    heading: `${input.municipalityName}長　様　申請書（窓口で作成）`,
    procedureTitle: version.procedure.title,
    facts: [counterLine(counter, input.clerkName), `様式の版：第${version.version}版`],
    answers: answerList(version.schema, input.data, { revealSensitive: input.revealSensitive === true }),
    // What to do comes right above the box, where the visitor reads it while signing.
    after: (doc, left, width) => drawSignatureBox(doc, left, width, blank, '内容をご確認のうえ、署名欄に日付と署名をご記入いただき、窓口の職員にお渡しください。'),
  });
}
