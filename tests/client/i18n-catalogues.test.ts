/**
 * Interface text lives in catalogues only (resident: common/i18n/messages.ts,
 * staff: staff/messages.ts): every entry has both languages, the same
 * placeholders in each, and no staff source file keeps inline { ja, en } text.
 */
import ts from 'typescript';
import { readFileSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { loadClient } from './clientModules';

type Catalogue = Record<string, readonly [string, string]>;
const catalogues: Record<string, Catalogue> = {
  resident: loadClient<{ MESSAGES: Catalogue }>('common/i18n/messages').MESSAGES,
  staff: loadClient<{ STAFF_MESSAGES: Catalogue }>('staff/messages').STAFF_MESSAGES,
  card: loadClient<{ CARD_MESSAGES: Catalogue }>('resident/card/cardMessages').CARD_MESSAGES,
  guides: loadClient<{ GUIDE_MESSAGES: Catalogue }>('resident/guides/guideMessages').GUIDE_MESSAGES,
  tasks: loadClient<{ TASK_MESSAGES: Catalogue }>('resident/tasks/taskMessages').TASK_MESSAGES,
  bundle: loadClient<{ BUNDLE_MESSAGES: Catalogue }>('resident/bundle/bundleMessages').BUNDLE_MESSAGES,
  counterAnalysis: loadClient<{ ANALYSIS_MESSAGES: Catalogue }>('staff/pages/counterAnalysis/analysisMessages').ANALYSIS_MESSAGES,
  counterTablet: loadClient<{ COUNTER_MESSAGES: Catalogue }>('resident/counter/counterMessages').COUNTER_MESSAGES,
  cardAgentClient: loadClient<{ CARD_AGENT_CLIENT_MESSAGES: Catalogue }>('staff/counter/cardAgentMessages').CARD_AGENT_CLIENT_MESSAGES,
  busy: loadClient<{ BUSY_MESSAGES: Catalogue }>('resident/apply/busyMessages').BUSY_MESSAGES,
  resumeQr: loadClient<{ QR_MESSAGES: Catalogue }>('resident/resume/ResumeQrCode').QR_MESSAGES,
  counterDesk: loadClient<{ COUNTER_MESSAGES: Catalogue }>('staff/pages/counter/counterMessages').COUNTER_MESSAGES,
  push: loadClient<{ PUSH_MESSAGES: Catalogue }>('staff/pages/inbox/pushText').PUSH_MESSAGES,
  pushMeta: loadClient<{ META_LABELS: Catalogue }>('staff/pages/inbox/pushText').META_LABELS,
};
const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe.each(Object.entries(catalogues))('the %s catalogue', (_name, catalogue) => {
  it('has Japanese and English for every key', () => {
    const empty = Object.entries(catalogue).filter(([, [ja, en]]) => !ja.trim() || !en.trim());
    expect(empty.map(([key]) => key)).toEqual([]);
  });

  it('uses the same placeholders in both languages', () => {
    const differ = Object.entries(catalogue).filter(([, [ja, en]]) => placeholders(ja).join() !== placeholders(en).join());
    expect(differ.map(([key, pair]) => `${key}: ${pair.join(' / ')}`)).toEqual([]);
  });
});

describe('staff console sources', () => {
  const root = join(__dirname, '../../client/src/staff');
  const sources = (dir: string): string[] =>
    readdirSync(dir, { withFileTypes: true }).flatMap((entry) => (entry.isDirectory() ? sources(join(dir, entry.name)) : /\.tsx?$/.test(entry.name) ? [join(dir, entry.name)] : []));

  /** Object literals and types shaped { ja, en }: text that bypasses the catalogue. */
  function inlineTexts(file: string): string[] {
    const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true, file.endsWith('.tsx') ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
    const found: string[] = [];
    const visit = (node: ts.Node) => {
      if (ts.isObjectLiteralExpression(node) || ts.isTypeLiteralNode(node)) {
        const names = new Set((ts.isObjectLiteralExpression(node) ? node.properties : node.members).map((p) => p.name?.getText(source)));
        if (names.has('ja') && names.has('en')) found.push(`${relative(root, file)}:${source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1}`);
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
    return found;
  }

  it('keep no inline { ja, en } text', () => {
    expect(sources(root).flatMap(inlineTexts)).toEqual([]);
  });
});
