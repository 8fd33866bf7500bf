/**
 * The guide being edited as residents will see it: the resident guide
 * component itself (GuideBody, with the shared evaluateGuide) in the
 * resident frame, at a phone's width or a PC's. Nothing is applied for.
 */
import { useState } from 'react';
import type { LifeEventGuide } from '@madoguchi/shared';
import guidesCss from '../../../resident/guides/guides.css?inline';
import { LanguageProvider } from '../../../common/i18n/LanguageContext';
import { GuideBody } from '../../../resident/guides/GuideBody';
import { useStaffText } from '../../i18n';
import { ResidentFrame } from '../builder/ResidentFrame';

export function GuidePreview({ guide, online }: { guide: LifeEventGuide; online: Record<string, string> }) {
  const t = useStaffText();
  const [wide, setWide] = useState(false);
  return (
    <section aria-labelledby="guide-preview-title" className="guide-editor__preview">
      <h2 id="guide-preview-title">{t('guides.preview')}</h2>
      <label className="builder-row">
        <input type="checkbox" checked={wide} onChange={(e) => setWide(e.target.checked)} /> {t('guides.previewWide')}
      </label>
      <ResidentFrame wide={wide} title={t('guides.preview')} extraCss={guidesCss}>
        {/* Previewed in Japanese, as its texts are written, whatever the console's language. */}
        <LanguageProvider fixed="ja">
          <main className="container main">
            <h1 className="page-title">{guide.title}</h1>
            <GuideBody
              guide={guide}
              online={online}
              applyOnline={(_id, label) => (
                <span className="button button--primary" aria-disabled="true" title={t('guides.previewOnline')}>
                  {label}
                </span>
              )}
            />
          </main>
        </LanguageProvider>
      </ResidentFrame>
    </section>
  );
}
