/** Copies a text to the clipboard and says so (also to screen readers). */
import { useState } from 'react';
import { useLanguage } from './i18n/LanguageContext';

export function CopyButton({ text, label, className = 'button button--secondary' }: { text: string; label: string; className?: string }) {
  const { t } = useLanguage();
  const [copied, setCopied] = useState(false);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(text);
    } catch {
      // Older browsers or an insecure origin: select-and-copy fallback.
      const area = document.createElement('textarea');
      area.value = text;
      document.body.appendChild(area);
      area.select();
      document.execCommand('copy');
      area.remove();
    }
    setCopied(true);
    window.setTimeout(() => setCopied(false), 3000);
  };
  return (
    <>
      <button type="button" className={className} onClick={() => void copy()}>
        {label}
      </button>
      <span role="status" className="copy-status">
        {copied ? t('done.copied') : ''}
      </span>
    </>
  );
}
