/** Rows per page of the inbox, remembered on the server for each clerk. */
import { useEffect, useId, useState } from 'react';
import { useStaffText } from '../../i18n';
import { getPreferences, savePageSize } from './bulkApi';

export function usePageSize(code: string): [number | null, number[], (n: number) => Promise<void>] {
  const [size, setSize] = useState<number | null>(null);
  const [sizes, setSizes] = useState<number[]>([20, 50, 100]);
  useEffect(() => {
    void getPreferences(code).then(
      (p) => {
        setSize(p.pageSize);
        setSizes(p.pageSizes);
      },
      () => setSize(50),
    );
  }, [code]);
  const choose = async (n: number) => setSize((await savePageSize(code, n)).pageSize);
  return [size, sizes, choose];
}

export function PageSizePicker({ size, sizes, onChoose }: { size: number; sizes: number[]; onChoose: (n: number) => void }) {
  const t = useStaffText();
  const id = useId();
  return (
    <span className="field-stack page-size">
      <label htmlFor={id}>{t('inbox.pageSize')}</label>
      <select id={id} value={size} onChange={(e) => onChoose(Number(e.target.value))}>
        {sizes.map((n) => (
          <option key={n} value={n}>
            {t('inbox.pageSizeOption', { n })}
          </option>
        ))}
      </select>
    </span>
  );
}
