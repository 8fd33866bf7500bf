/**
 * What a counter application (書かない窓口, issue #19) adds to a printed
 * application: the 「窓口で受付」 line (受付番号, desk, clerk) and the 署名欄
 * under 「上記の内容に相違ありません。」 with a date and a signature line. The
 * box holds the signature the visitor drew on the tablet, says the paper
 * original is kept at the desk, or stays empty for signing by hand (the
 * paper fallback). Shared by the resident's copy, the paper form and the
 * desk's sheet, so all three look alike.
 */
import type PDFDocument from 'pdfkit';
import { formatWareki, japanClock, type CounterOrigin } from '@madoguchi/shared';

type Doc = InstanceType<typeof PDFDocument>;

/** The counter's part of an application that exists before the visitor confirms (no confirmation yet). */
export type CounterPrintMeta = Pick<CounterOrigin, 'ticketNumber' | 'desk' | 'servedBy' | 'identitySource' | 'prefilled'>;

/** What the 署名欄 holds. */
export type SignatureBoxContent = { kind: 'blank' } | { kind: 'drawn'; png: Buffer; at: string } | { kind: 'paper'; at: string };

export const COUNTER_STATEMENT = '上記の内容に相違ありません。';

/** 「窓口で受付　受付番号 A-007　1番窓口　対応職員 窓口 花子」 */
export const counterLine = (c: Pick<CounterPrintMeta, 'ticketNumber' | 'desk'>, clerkName: string) => `窓口で受付　受付番号 ${c.ticketNumber}　${c.desk}　対応職員 ${clerkName}`;

/** How the visitor confirmed, in words: 「タブレットで確認（令和8年12月5日 10:05）」. */
export function confirmationText(c: CounterOrigin['confirmation']): string {
  const { date, time } = japanClock(c.at);
  return `${c.method === 'tablet' ? 'タブレットで確認' : '紙の申請書に署名'}（${formatWareki(date)} ${time}）`;
}

export const identitySourceText = (c: Pick<CounterPrintMeta, 'identitySource'>) => (c.identitySource === 'card' ? 'マイナンバーカードから読取' : '職員が入力');

/** The 署名欄 of a stored counter application: its drawn signature, or the paper original. */
export function signatureContentOf(counter: CounterOrigin, png: Buffer | null): SignatureBoxContent {
  return png ? { kind: 'drawn', png, at: counter.confirmation.at } : { kind: 'paper', at: counter.confirmation.at };
}

const BOX_HEIGHT = 100;

/**
 * Draws the statement and the 署名欄 at the current position, after `note`
 * (what to do) when given; all on a new page when it does not fit with a line below.
 */
export function drawSignatureBox(doc: Doc, left: number, width: number, content: SignatureBoxContent, note?: string): void {
  if (doc.y + BOX_HEIGHT + (note ? 110 : 80) > doc.page.height - doc.page.margins.bottom) doc.addPage();
  if (note) {
    doc.font('jp').fontSize(9).fillColor('#555').text(note, left, doc.y, { width });
    doc.moveDown(0.8);
  }
  doc.font('jp').fontSize(10.5).fillColor('#000').text(COUNTER_STATEMENT, left, doc.y);
  doc.moveDown(0.4);
  doc.font('jp-bold').fontSize(10).text('署名欄', left, doc.y);
  const y = doc.y + 3;
  doc.lineWidth(0.8).strokeColor('#000').rect(left, y, width, BOX_HEIGHT).stroke();
  const valueX = left + 56;
  doc.font('jp').fontSize(10);
  doc.text('日付', left + 12, y + 12);
  doc.text(content.kind === 'blank' ? '令和　　　年　　　月　　　日' : formatWareki(japanClock(content.at).date), valueX, y + 12);
  doc.text('署名', left + 12, y + 66);
  const lineY = y + BOX_HEIGHT - 14;
  doc
    .lineWidth(0.5)
    .moveTo(valueX, lineY)
    .lineTo(left + width - 16, lineY)
    .stroke();
  if (content.kind === 'drawn') {
    try {
      doc.image(content.png, valueX, y + 34, { fit: [Math.min(width - 80, 280), 50], valign: 'bottom' });
    } catch {
      // A PNG pdfkit cannot read: say so instead of failing the whole document.
      doc.fillColor('#555').text('（署名画像を表示できません）', valueX, y + 66);
    }
  } else if (content.kind === 'paper') {
    doc.fillColor('#555').text('紙の申請書に署名（原本は窓口で保管）', valueX, y + 66);
  }
  doc.fillColor('#000');
  doc.x = left;
  doc.y = y + BOX_HEIGHT + 8;
}
