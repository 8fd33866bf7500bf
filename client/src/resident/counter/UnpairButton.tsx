/** 「接続を解除」 for staff, small at the bottom; it asks once more so a visitor's stray tap does not cut the tablet off. */
import { useState } from 'react';
import { useCounterText } from './counterMessages';

export function UnpairButton({ onUnpair }: { onUnpair: () => void }) {
  const text = useCounterText();
  const [asking, setAsking] = useState(false);
  return (
    <div className="counter-unpair">
      {asking ? (
        <div role="group" aria-label={text('unpair')}>
          <p>{text('unpairAsk')}</p>
          <button type="button" className="button button--danger" onClick={onUnpair}>
            {text('unpairYes')}
          </button>{' '}
          <button type="button" className="button button--secondary" onClick={() => setAsking(false)}>
            {text('unpairNo')}
          </button>
        </div>
      ) : (
        <button type="button" className="button button--tertiary counter-unpair__open" onClick={() => setAsking(true)}>
          {text('unpair')}
        </button>
      )}
    </div>
  );
}
