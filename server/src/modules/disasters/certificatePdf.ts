/**
 * The 罹災証明書 as a PDF (A4), laid out like the Cabinet Office's unified
 * form (内閣府 罹災証明書 統一様式): 証明書番号 and 証明日 top right, the
 * householder's address and name, the cause (disaster and date), the damage
 * level as a row 「住家」 across the six levels with the one certified
 * marked, the damaged home's address, the certifying sentence and the head
 * of the municipality. Below the form: the verification code, the address
 * of the verification page and its QR code — a changed level on paper is
 * caught there, because the page shows the level the municipality issued.
 */
import PDFDocument from 'pdfkit';
import QRCode from 'qrcode';
import { DAMAGE_LEVELS } from '@madoguchi/shared';
import type { CertificateRecord } from '../../storage/certificateTypes';
import { certificateDate } from './certificateService';

const FONT = require.resolve('@expo-google-fonts/noto-sans-jp/400Regular/NotoSansJP_400Regular.ttf');
const FONT_BOLD = require.resolve('@expo-google-fonts/noto-sans-jp/700Bold/NotoSansJP_700Bold.ttf');

type Doc = InstanceType<typeof PDFDocument>;

export interface CertificatePrint {
  certificate: CertificateRecord;
  verificationCode: string;
  /** The verification page with the number filled in. */
  verifyUrl: string;
}

/** 「2026-09-20」 → 「令和8年9月20日」. */
const wareki = (isoDate: string) => certificateDate(`${isoDate}T00:00:00+09:00`);

/** One row of the form: a label cell and a value cell. */
function row(doc: Doc, x: number, y: number, labelWidth: number, width: number, height: number, label: string, value: string): number {
  doc
    .rect(x, y, labelWidth, height)
    .rect(x + labelWidth, y, width - labelWidth, height)
    .lineWidth(0.8)
    .strokeColor('#000')
    .stroke();
  doc
    .font('jp')
    .fontSize(10.5)
    .fillColor('#000')
    .text(label, x + 6, y + height / 2 - 7, { width: labelWidth - 12 });
  doc
    .font('jp')
    .fontSize(11)
    .text(value, x + labelWidth + 8, y + height / 2 - 8, { width: width - labelWidth - 16, height: height - 4, ellipsis: true });
  return y + height;
}

/** 被害の程度: 「住家」 then the six levels, the certified one circled and bold. */
function damageTable(doc: Doc, x: number, y: number, width: number, level: string): number {
  const labelWidth = 90;
  const cell = (width - labelWidth) / DAMAGE_LEVELS.length;
  const head = 34;
  const body = 34;
  doc.lineWidth(0.8).strokeColor('#000');
  doc.rect(x, y, labelWidth, head + body).stroke();
  doc
    .font('jp')
    .fontSize(10.5)
    .fillColor('#000')
    .text('被害の程度', x + 6, y + 8, { width: labelWidth - 12 });
  doc.text('住家', x + 6, y + head + 10, { width: labelWidth - 12 });
  DAMAGE_LEVELS.forEach((l, i) => {
    const cx = x + labelWidth + i * cell;
    doc
      .rect(cx, y, cell, head)
      .rect(cx, y + head, cell, body)
      .stroke();
    doc
      .font(l === level ? 'jp-bold' : 'jp')
      .fontSize(l.length > 6 ? 7.5 : 9.5)
      .text(l, cx + 2, y + (l.length > 6 ? 4 : 11), { width: cell - 4, align: 'center' });
    if (l === level) {
      doc
        .circle(cx + cell / 2, y + head + body / 2, 11)
        .lineWidth(1.4)
        .stroke()
        .lineWidth(0.8);
    }
  });
  doc
    .font('jp-bold')
    .fontSize(10)
    .text(`認定した被害の程度：${level}`, x, y + head + body + 6, { width, align: 'right' });
  return y + head + body + 22;
}

export async function renderCertificatePdf(p: CertificatePrint): Promise<Buffer> {
  const c = p.certificate;
  const f = c.facts;
  const qr = await QRCode.toBuffer(p.verifyUrl, { errorCorrectionLevel: 'M', margin: 1, scale: 4, type: 'png' });
  return new Promise((resolve, reject) => {
    const doc = new PDFDocument({ size: 'A4', margin: 56, info: { Title: `罹災証明書 ${c.number}`, Author: f.municipalityName, Producer: 'Madoguchi' } });
    const chunks: Buffer[] = [];
    doc.on('data', (b: Buffer) => chunks.push(b));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
    doc.registerFont('jp', FONT);
    doc.registerFont('jp-bold', FONT_BOLD);
    const left = doc.page.margins.left;
    const width = doc.page.width - left - doc.page.margins.right;

    doc.font('jp').fontSize(11).fillColor('#000').text(`証明書番号　${c.number}`, left, 56, { width, align: 'right' });
    doc.text(`証明日　${certificateDate(c.issuedAt)}`, { width, align: 'right' });
    doc.font('jp-bold').fontSize(22).text('罹 災 証 明 書', left, 110, { width, align: 'center', characterSpacing: 2 });

    let y = 170;
    y = row(doc, left, y, 110, width, 40, '世帯主住所', f.householderAddress);
    y = row(doc, left, y, 110, width, 40, '世帯主氏名', f.householderName);
    const cause = `${wareki(f.disasterDate)}の${f.disasterName}による被害${f.cause ? `（${f.cause}）` : ''}`;
    y = row(doc, left, y, 110, width, 48, '罹災原因', cause);
    y = row(doc, left, y, 110, width, 40, '被災住家の所在地', f.propertyAddress);
    y = damageTable(doc, left, y + 14, width, c.damageLevel);

    doc
      .font('jp')
      .fontSize(11)
      .text('上記のとおり、相違ないことを証明します。', left, y + 16, { width });
    doc.text(certificateDate(c.issuedAt), left, y + 44, { width: width - 20, align: 'right' });
    doc
      .font('jp-bold')
      .fontSize(13)
      .text(`${f.headTitle}`, left, y + 70, { width: width - 20, align: 'right' });

    // The check against the municipality's record.
    const boxY = doc.page.height - doc.page.margins.bottom - 130;
    doc.rect(left, boxY, width, 120).lineWidth(0.6).strokeColor('#666').stroke();
    doc.image(qr, left + width - 112, boxY + 8, { width: 104, height: 104 });
    const textWidth = width - 130;
    doc
      .font('jp-bold')
      .fontSize(10)
      .fillColor('#000')
      .text('この証明書の確認（Verification）', left + 10, boxY + 10, { width: textWidth });
    doc.font('jp').fontSize(10).text(`照合番号：${p.verificationCode}`, { width: textWidth });
    // The address people type has no query; the QR code carries the number as well.
    doc.text(`確認ページ：${p.verifyUrl.split('?')[0]}`, { width: textWidth });
    doc
      .fontSize(8)
      .fillColor('#333')
      .text('証明書番号と照合番号を確認ページに入力すると、市区町村が発行した内容（被害の程度・証明日など）が表示されます。記載が表示と異なる場合、この証明書は書き換えられています。', {
        width: textWidth,
      });
    doc.end();
  });
}
