/**
 * A survey team's list (調査票一覧) as a PDF to take out on the day: A4
 * landscape, a ruled table with the application's facts on the left and empty
 * boxes on the right for the result the team writes in (被害の程度, 調査日,
 * 調査員), the header repeated on every page, page numbers at the foot.
 * Japanese throughout (bundled Noto Sans JP, as the application sheets).
 */
import PDFDocument from 'pdfkit';
import type { SurveyTeam } from '../../storage/surveyTeamTypes';
import type { SurveyListRow } from './surveyList';

const FONT = require.resolve('@expo-google-fonts/noto-sans-jp/400Regular/NotoSansJP_400Regular.ttf');
const FONT_BOLD = require.resolve('@expo-google-fonts/noto-sans-jp/700Bold/NotoSansJP_700Bold.ttf');

export interface SurveyListSheet {
  disasterName: string;
  team: SurveyTeam;
  members: string[];
  printedAt: string;
  rows: SurveyListRow[];
}

/** Column titles and widths (points, summing to the printable width of A4 landscape at 30 pt margins). */
const COLUMNS: [string, number][] = [
  ['No.', 24],
  ['到達番号', 80],
  ['住所', 150],
  ['世帯主氏名', 80],
  ['電話番号', 70],
  ['申告された被害', 100],
  ['写真', 30],
  ['自己判定', 58],
  ['被害の程度', 80],
  ['調査日', 56],
  ['調査員', 54],
];

export function renderSurveyListPdf(sheet: SurveyListSheet): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const title = `被害認定調査 調査票一覧（${sheet.team.name}）`;
    const doc = new PDFDocument({ size: 'A4', layout: 'landscape', margin: 30, bufferPages: true, info: { Title: title, Producer: 'Madoguchi' } });
    const chunks: Buffer[] = [];
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
    doc.registerFont('jp', FONT).registerFont('jp-bold', FONT_BOLD);
    const left = doc.page.margins.left;
    const bottom = doc.page.height - doc.page.margins.bottom - 20;
    const resultFrom = COLUMNS.findIndex(([t]) => t === '被害の程度');

    const header = () => {
      doc.font('jp-bold').fontSize(14).fillColor('#000').text(title, left, 30);
      doc
        .font('jp')
        .fontSize(9)
        .text(`${sheet.disasterName}　調査日：${sheet.team.date}　担当：${sheet.team.areas.join('・')}`, left, doc.y + 2)
        .text(`班員：${sheet.members.join('・')}　　出力：${sheet.printedAt}　　${sheet.rows.length}件`, left, doc.y + 1);
      const y = doc.y + 6;
      let x = left;
      doc.font('jp-bold').fontSize(8);
      for (const [i, [t, w]] of COLUMNS.entries()) {
        doc.rect(x, y, w, 18).fillAndStroke(i >= resultFrom ? '#fff3c4' : '#e8e8e8', '#000');
        doc.fillColor('#000').text(t, x + 3, y + 5, { width: w - 6, lineBreak: false });
        x += w;
      }
      doc.y = y + 18;
    };

    header();
    doc.lineWidth(0.5);
    sheet.rows.forEach((r, n) => {
      const cells = [
        String(n + 1),
        r.receiptNumber,
        r.address,
        r.householder,
        r.phone,
        r.reportedDamage || '（申告なし）',
        r.photoCount ? `${r.photoCount}枚` : 'なし',
        r.noSiteSurvey ? '現地調査不要（自己判定）' : r.selfAssessment ? '希望' : '',
        '',
        '',
        '',
      ];
      doc.font('jp').fontSize(8);
      const height = Math.max(30, ...cells.map((c, i) => doc.heightOfString(c, { width: COLUMNS[i]![1] - 6 }) + 8));
      if (doc.y + height > bottom) {
        doc.addPage();
        header();
      }
      doc.font('jp').fontSize(8);
      const y = doc.y;
      let x = left;
      for (const [i, c] of cells.entries()) {
        const w = COLUMNS[i]![1];
        doc.rect(x, y, w, height).stroke('#000');
        doc.fillColor('#000').text(c, x + 3, y + 4, { width: w - 6 });
        x += w;
      }
      doc.y = y + height;
    });
    if (!sheet.rows.length)
      doc
        .font('jp')
        .fontSize(10)
        .text('担当する町字の申請はありません。', left, doc.y + 10);

    const range = doc.bufferedPageRange();
    for (let i = 0; i < range.count; i++) {
      doc.switchToPage(range.start + i);
      doc.page.margins.bottom = 0; // the footer sits below the table's bottom margin: no new page for it
      doc
        .font('jp')
        .fontSize(8)
        .fillColor('#555')
        .text(`${i + 1} / ${range.count}　個人情報を含みます。調査後は所定の方法で返却・廃棄してください。`, left, doc.page.height - 26, {
          width: doc.page.width - 60,
          align: 'center',
          lineBreak: false,
        });
    }
    doc.end();
  });
}
