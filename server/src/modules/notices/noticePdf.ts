/**
 * A decision notice as a PDF (A4, the shape of a municipal 通知書): number and
 * date top right, the addressee, the head of the municipality (and the issuing
 * section), the title, the text and, on a 却下通知書, the 教示文 in a box.
 * Drawn from what the notice stored, so it prints the same every time.
 */
import PDFDocument from 'pdfkit';
import type { DecisionNoticeRecord } from '../../storage/decisionNoticeTypes';
import { warekiDay } from './decisionNoticeService';

const FONT = require.resolve('@expo-google-fonts/noto-sans-jp/400Regular/NotoSansJP_400Regular.ttf');
const FONT_BOLD = require.resolve('@expo-google-fonts/noto-sans-jp/700Bold/NotoSansJP_700Bold.ttf');

export function renderNoticePdf(n: DecisionNoticeRecord): Promise<Buffer> {
  const t = n.texts;
  return new Promise((resolve, reject) => {
    const doc = new PDFDocument({ size: 'A4', margin: 64, info: { Title: `${t.title} ${n.number}`, Producer: 'Madoguchi' } });
    const chunks: Buffer[] = [];
    doc.on('data', (b: Buffer) => chunks.push(b));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
    doc.registerFont('jp', FONT);
    doc.registerFont('jp-bold', FONT_BOLD);
    const left = doc.page.margins.left;
    const width = doc.page.width - left - doc.page.margins.right;

    doc.font('jp').fontSize(11).fillColor('#000').text(n.number, left, 64, { width, align: 'right' });
    doc.text(warekiDay(n.decidedOn), { width, align: 'right' });
    doc.moveDown(1.5);
    doc.fontSize(12).text(`${t.applicantName || '申請者'}　様`, left, doc.y, { width });
    doc.moveDown(1);
    doc.font('jp-bold').fontSize(12).text(t.head, { width, align: 'right' });
    if (t.section) doc.font('jp').fontSize(10).text(`（担当：${t.section}）`, { width, align: 'right' });
    doc.moveDown(2);
    doc.font('jp-bold').fontSize(18).text(t.title, { width, align: 'center', characterSpacing: 2 });
    doc.moveDown(1.5);
    doc.font('jp').fontSize(11).text(t.body, { width, lineGap: 4 });

    if (t.appeal) {
      doc.moveDown(2);
      const top = doc.y;
      doc
        .font('jp')
        .fontSize(9.5)
        .text(t.appeal, left + 10, top + 10, { width: width - 20, lineGap: 3 });
      doc
        .rect(left, top, width, doc.y - top + 10)
        .lineWidth(0.6)
        .strokeColor('#444')
        .stroke();
    }
    doc.end();
  });
}
