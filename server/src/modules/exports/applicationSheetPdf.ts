/**
 * One application as a PDF laid out like the paper form a desk would file:
 * title, addressee, a receipt box, every answer in a ruled two-column table
 * (labels of the version it was submitted on, groups as shaded rows), the
 * attachments, and an office-use box. A counter application (書かない窓口)
 * adds its 「窓口で受付」 rows (受付番号, desk, clerk, how it was entered and
 * confirmed) and the 署名欄 with the signature the visitor drew. Japanese
 * throughout (bundled Noto Sans JP).
 */
import PDFDocument from 'pdfkit';
import { STATUS_LABELS, answerList, formatWareki, japanClock, versionWording, type FormVersion, type Submission } from '@madoguchi/shared';
import { drawnSignaturePng } from '../inbox/counterOrigin';
import { confirmationText, drawSignatureBox, identitySourceText, signatureContentOf } from '../pdf/counterSection';

const FONT = require.resolve('@expo-google-fonts/noto-sans-jp/400Regular/NotoSansJP_400Regular.ttf');
const FONT_BOLD = require.resolve('@expo-google-fonts/noto-sans-jp/700Bold/NotoSansJP_700Bold.ttf');

export interface SheetContext {
  municipalityName: string;
  revision: number;
  assigneeName?: string;
  /** Display name of the clerk who served a counter application. */
  clerkName?: string;
  attachments: Array<{ label: string; fileName: string; size: number }>;
  /** Print sensitive answers in clear (asked for, permitted and audited by the route); masked otherwise. */
  revealSensitive?: boolean;
}

function jst(iso: string): string {
  const { date, time } = japanClock(iso);
  return `${formatWareki(date)} ${time}`;
}

export function renderApplicationSheet(s: Submission, version: FormVersion, ctx: SheetContext): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const doc = new PDFDocument({
      size: 'A4',
      margin: 40,
      bufferPages: true,
      info: { Title: `${version.procedure.title}（${s.receiptNumber}）`, Author: ctx.municipalityName, Producer: 'Madoguchi' },
    });
    const chunks: Buffer[] = [];
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
    doc.registerFont('jp', FONT).registerFont('jp-bold', FONT_BOLD);
    const left = doc.page.margins.left;
    const width = doc.page.width - left - doc.page.margins.right;
    const labelWidth = Math.round(width * 0.36);
    const bottom = () => doc.page.height - doc.page.margins.bottom - 24;

    // Receipt box, top right, as on paper forms' 「受付番号」欄.
    const boxW = 210;
    doc
      .rect(left + width - boxW, 40, boxW, 68)
      .lineWidth(0.8)
      .strokeColor('#000')
      .stroke();
    doc.font('jp').fontSize(8.5).fillColor('#000');
    doc.text(`到達番号　${s.receiptNumber}`, left + width - boxW + 8, 46);
    doc.text(`到達日時　${jst(s.createdAt)}`, left + width - boxW + 8, 60);
    // The version in words that cannot collide (shared versionWording), shrunk to fit the box rather than cut.
    const basedOn = version.procedure.basedOn;
    const versionLine = `様式　${versionWording({ owner: version.owner, version: version.version, ...(basedOn ? { basedOn } : {}) }, 'ja', ctx.municipalityName)}`;
    let size = 8.5;
    while (size > 5.5 && doc.fontSize(size).widthOfString(versionLine) > boxW - 16) size -= 0.5;
    doc.fontSize(size).text(versionLine, left + width - boxW + 8, 74, { width: boxW - 16, lineBreak: false });
    doc.fontSize(8.5).text(`補正 ${ctx.revision - 1} 回`, left + width - boxW + 8, 88);
    doc.font('jp').fontSize(11).text(`${ctx.municipalityName}長　様`, left, 50);
    doc.font('jp-bold').fontSize(17).text(version.procedure.title, left, 110, { width, align: 'center' });
    doc.moveDown(0.8);

    const row = (label: string, value: string, shaded: boolean, indent: number) => {
      doc.font(shaded ? 'jp-bold' : 'jp').fontSize(9);
      const lh = doc.heightOfString(label, { width: (shaded ? width : labelWidth) - 10 - indent });
      doc.font('jp').fontSize(10);
      const vh = shaded ? 0 : doc.heightOfString(value || ' ', { width: width - labelWidth - 10 });
      const h = Math.max(lh, vh) + 8;
      if (doc.y + h > bottom()) doc.addPage();
      const y = doc.y;
      if (shaded) doc.rect(left, y, width, h).fillAndStroke('#e8e8e8', '#000');
      else {
        doc.rect(left, y, labelWidth, h).fillAndStroke('#f6f6f6', '#000');
        doc.rect(left + labelWidth, y, width - labelWidth, h).stroke();
      }
      doc
        .fillColor('#000')
        .font(shaded ? 'jp-bold' : 'jp')
        .fontSize(9)
        .text(label, left + 5 + indent, y + 4, { width: (shaded ? width : labelWidth) - 10 - indent });
      if (!shaded)
        doc
          .font('jp')
          .fontSize(10)
          .text(value, left + labelWidth + 5, y + 4, { width: width - labelWidth - 10 });
      doc.x = left;
      doc.y = y + h;
    };

    doc.lineWidth(0.5);
    const counter = s.counter;
    if (counter) {
      row('窓口で受付', '', true, 0);
      row('受付番号・窓口', `${counter.ticketNumber}　${counter.desk}`, false, 8);
      row('対応職員', ctx.clerkName ?? counter.servedBy, false, 8);
      row('基本4情報', identitySourceText(counter), false, 8);
      row('事前入力', counter.prefilled ? 'あり' : 'なし', false, 8);
      row('確認', confirmationText(counter.confirmation), false, 8);
      doc.moveDown(0.6);
    }
    for (const line of answerList(version.schema, s.data, { revealSensitive: ctx.revealSensitive === true })) row(line.label, line.value, line.isGroup, Math.min(line.depth, 3) * 8);

    doc.moveDown(1);
    if (doc.y + 60 > bottom()) doc.addPage();
    doc.font('jp-bold').fontSize(11).text('添付書類', left);
    doc.moveDown(0.3);
    if (ctx.attachments.length === 0) row('添付書類', 'なし', false, 0);
    for (const a of ctx.attachments) row(a.label, `${a.fileName}（${Math.max(1, Math.round(a.size / 1024))} KB）`, false, 0);

    if (counter) {
      doc.moveDown(1);
      drawSignatureBox(doc, left, width, signatureContentOf(counter, drawnSignaturePng(counter)));
      doc.lineWidth(0.5);
    }

    doc.moveDown(1);
    if (doc.y + 70 > bottom()) doc.addPage();
    doc.font('jp').fontSize(8.5).text('※以下は市区町村の記入欄です。', left);
    const y = doc.y + 2;
    doc.rect(left, y, width, 48).stroke();
    doc.fontSize(9).text(`処理状況：${STATUS_LABELS[s.status].ja}`, left + 8, y + 8);
    doc.text(`担当者：${ctx.assigneeName ?? '（未割当）'}`, left + 8, y + 26);
    doc.text('確認印', left + width - 70, y + 8);
    doc.rect(left + width - 80, y + 4, 72, 40).stroke();

    // Page numbers and provenance on every page, once the length is known.
    const range = doc.bufferedPageRange();
    for (let i = range.start; i < range.start + range.count; i++) {
      doc.switchToPage(i);
      // Writing inside the bottom margin would make pdfkit start a new page: lift the margin while the footer is drawn.
      const margin = doc.page.margins.bottom;
      doc.page.margins.bottom = 0;
      doc.font('jp').fontSize(8).fillColor('#555');
      doc.text(`${counter ? '窓口で受付（窓口 Madoguchi）' : 'オンライン申請（窓口 Madoguchi）により提出'}　${s.receiptNumber}　${i + 1} / ${range.count}`, left, doc.page.height - margin + 10, {
        width,
        align: 'center',
        lineBreak: false,
      });
      doc.page.margins.bottom = margin;
    }
    doc.end();
  });
}
