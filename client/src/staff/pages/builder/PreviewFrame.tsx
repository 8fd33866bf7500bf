/** The builder's live preview: the form being built, as residents get it, in the resident frame. */
import type { FormDocument } from '@madoguchi/shared';
import { ResidentFrame } from './ResidentFrame';
import { ResidentPreview } from './ResidentPreview';

/** The preview frame; `wide` switches from a phone's width to the full column. */
export function PreviewFrame({ doc, step, focusPath, wide }: { doc: FormDocument; step?: number; focusPath?: string; wide: boolean }) {
  return (
    <ResidentFrame wide={wide} title="プレビュー（住民が見る画面）">
      <ResidentPreview doc={doc} {...(step !== undefined ? { step } : {})} {...(focusPath ? { focusPath } : {})} />
    </ResidentFrame>
  );
}
