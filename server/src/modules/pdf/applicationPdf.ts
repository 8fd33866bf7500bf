/**
 * The resident's copy of an application as a PDF (A4, Japanese): procedure,
 * municipality, 到達番号, date of arrival, and every answer with its label.
 * Noto Sans JP is bundled (OFL) and subset into each file, so nothing is downloaded.
 */
import PDFDocument from 'pdfkit';
import { answerList, formatWareki, japanClock, signatureSummaryJa, type FormVersion, type Submission } from '@madoguchi/shared';

const FONT = require.resolve('@expo-google-fonts/noto-sans-jp/400Regular/NotoSansJP_400Regular.ttf');
const FONT_BOLD = require.resolve('@expo-google-fonts/noto-sans-jp/700Bold/NotoSansJP_700Bold.ttf');

/** Date and time of arrival in Japan time, e.g. 令和8年11月23日 14:05. */
function arrivalText(iso: string): string {
  const { date, time } = japanClock(iso);
  return `${formatWareki(date)} ${time}（日本時間）`;
}

export function renderApplicationPdf(submission: Submission, version: FormVersion, municipalityName: string): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const doc = new PDFDocument({ size: 'A4', margin: 48, info: { Title: `${version.procedure.title}（申請控え）`, Author: municipalityName, Producer: 'Madoguchi' } });
    const chunks: Buffer[] = [];
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
    doc.registerFont('jp', FONT);
    doc.registerFont('jp-bold', FONT_BOLD);

    doc.font('jp').fontSize(10).fillColor('#555').text(`${municipalityName} 宛て　オンライン申請の控え`, { align: 'right' });
    doc.moveDown(0.5);
    doc.font('jp-bold').fontSize(18).fillColor('#000').text(version.procedure.title);
    doc.moveDown(0.5);
    doc.font('jp').fontSize(11);
    doc.text(`到達番号：${submission.receiptNumber}`);
    doc.text(`到達日時：${arrivalText(submission.createdAt)}`);
    doc.text(`様式の版：第${submission.formVersion}版`);
    if (submission.evidence?.identity) doc.text(`本人確認：マイナンバーカード（利用者証明用電子証明書）${arrivalText(submission.evidence.identity.verifiedAt)}`);
    const [signatureStatus, ...signatureDetails] = signatureSummaryJa(submission.evidence?.signature, arrivalText);
    doc.text(`電子署名：${signatureStatus}`);
    for (const detail of signatureDetails) doc.text(`　${detail}`);
    doc.moveDown();
    doc
      .moveTo(doc.page.margins.left, doc.y)
      .lineTo(doc.page.width - doc.page.margins.right, doc.y)
      .strokeColor('#999')
      .stroke();
    doc.moveDown(0.5);

    const width = doc.page.width - doc.page.margins.left - doc.page.margins.right;
    for (const line of answerList(version.schema, submission.data)) {
      const indent = line.depth * 14;
      if (doc.y > doc.page.height - doc.page.margins.bottom - 40) doc.addPage();
      if (line.isGroup) {
        doc
          .moveDown(0.3)
          .font('jp-bold')
          .fontSize(11)
          .text(line.label, doc.page.margins.left + indent, doc.y, { width: width - indent });
        continue;
      }
      const y = doc.y;
      doc
        .font('jp')
        .fontSize(9)
        .fillColor('#444')
        .text(line.label, doc.page.margins.left + indent, y, { width: 170 - indent });
      const labelBottom = doc.y;
      doc
        .fontSize(10.5)
        .fillColor('#000')
        .text(line.value, doc.page.margins.left + 180, y, { width: width - 180 });
      doc.y = Math.max(doc.y, labelBottom) + 3;
    }
    const attachmentCount = Object.values(submission.attachments).flat().length;
    doc.moveDown();
    doc.font('jp').fontSize(10).text(`添付ファイル：${attachmentCount}件`, doc.page.margins.left);
    doc.moveDown();
    doc.fontSize(9).fillColor('#555').text('この控えは申請内容の確認用です。審査の結果は、到達番号と確認キーで状況確認ページからご確認ください。', { width });
    doc.end();
  });
}
