/**
 * Reading the My Number Card at the desk: the card-reader agent on this
 * computer (card-agent/) reads the 券面事項入力補助 data after the visitor
 * enters their 4-digit PIN. The PIN goes to the agent only, never to the
 * server. Without an agent the clerk types the data, and the visit records that.
 */
import { useEffect, useMemo, useState } from 'react';
import type { CardAgentStatus, CardIdentity } from '@madoguchi/shared';
import { useLanguage } from '../../../common/i18n/LanguageContext';
import { readStored, writeStored } from '../../../common/storage';
import { CardAgentClientError, DEFAULT_CARD_AGENT_URL, createCardAgentClient } from '../../counter/cardAgentClient';
import type { CardData } from './counterApi';
import { useCounterText } from './counterMessages';

const AGENT_URL_KEY = 'madoguchi.cardAgent.url';

export function CardReaderPanel({ disabled, onRead }: { disabled: boolean; onRead: (data: CardData) => Promise<CardIdentity | undefined> }) {
  const t = useCounterText();
  const { language } = useLanguage();
  const [url, setUrl] = useState(() => readStored<string>(AGENT_URL_KEY) ?? DEFAULT_CARD_AGENT_URL);
  const client = useMemo(() => createCardAgentClient({ baseUrl: url, tokenStorage: window.sessionStorage }), [url]);
  const [status, setStatus] = useState<CardAgentStatus | null>(null);
  const [paired, setPaired] = useState(client.isPaired());
  const [message, setMessage] = useState<string | null>(null);
  const [pairingCode, setPairingCode] = useState('');
  const [pin, setPin] = useState('');
  const [busy, setBusy] = useState(false);
  const [allowLast, setAllowLast] = useState(false);

  const say = (e: unknown) => {
    if (e instanceof CardAgentClientError) {
      setMessage(e.agentMessage[language]);
      if (e.code === 'not_paired') setPaired(false);
      if (e.code === 'pin_last_attempt') setAllowLast(false);
    } else setMessage(String(e));
  };
  const check = () => {
    setMessage(null);
    client.status().then(setStatus, (e: unknown) => {
      setStatus(null);
      // No agent on this computer is an ordinary state (the status line says so), not an error to alert about.
      if (!(e instanceof CardAgentClientError && e.code === 'agent_unreachable')) say(e);
    });
  };
  useEffect(check, [client]); // eslint-disable-line react-hooks/exhaustive-deps
  // A card laid on the reader (or an agent started) shows up without a click; once ready, look less often.
  const ready = !!status?.cardPresent;
  useEffect(() => {
    const timer = window.setInterval(
      () =>
        void client.status().then(
          (s) => setStatus(s),
          () => setStatus(null),
        ),
      ready ? 10_000 : 3_000,
    );
    return () => window.clearInterval(timer);
  }, [client, ready]);

  const pair = async () => {
    setBusy(true);
    try {
      await client.pair(pairingCode);
      setPaired(true);
      setPairingCode('');
      setMessage(null);
      check();
    } catch (e) {
      say(e);
    } finally {
      setBusy(false);
    }
  };
  const read = async () => {
    setBusy(true);
    setMessage(null);
    try {
      const info = await client.readBasicInfo(pin, allowLast ? { allowLastAttempt: true } : {});
      setPin(''); // the PIN is not kept a moment longer than the read
      await onRead({ name: info.name, address: info.address, birthdate: info.birthdate, sex: info.sexCode });
    } catch (e) {
      setPin('');
      say(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="counter-card">
      <h3>{t('cardTitle')}</h3>
      <p className="field__hint" role="status">
        {!status
          ? t('cardNoAgent')
          : !status.pcscAvailable
            ? (status.problem?.[language] ?? t('cardNoAgent'))
            : !status.cardPresent
              ? t('cardInsert')
              : t('cardReady', { reader: status.readerName ?? '' })}
      </p>
      {message && (
        <p className="form-error" role="alert">
          {message}
        </p>
      )}
      {status && !paired && (
        <form
          className="counter-picker__add"
          onSubmit={(e) => {
            e.preventDefault();
            void pair();
          }}
        >
          <div className="field">
            <label htmlFor="card-agent-code">{t('cardPairCode')}</label>
            <input id="card-agent-code" value={pairingCode} inputMode="numeric" autoComplete="off" maxLength={6} onChange={(e) => setPairingCode(e.target.value)} />
          </div>
          <button type="submit" className="button" disabled={busy || pairingCode.length !== 6}>
            {t('cardPair')}
          </button>
        </form>
      )}
      {status && paired && (
        <form
          className="counter-picker__add"
          onSubmit={(e) => {
            e.preventDefault();
            void read();
          }}
        >
          <div className="field">
            <label htmlFor="card-pin">{t('cardPin')}</label>
            <p className="field__hint" id="card-pin-hint">
              {t('cardPinHint')}
            </p>
            <input
              id="card-pin"
              type="password"
              inputMode="numeric"
              autoComplete="off"
              maxLength={4}
              value={pin}
              disabled={disabled}
              aria-describedby="card-pin-hint"
              onChange={(e) => setPin(e.target.value.replace(/\D/g, ''))}
            />
          </div>
          <button type="submit" className="button button--primary" disabled={disabled || busy || pin.length !== 4}>
            {t('cardRead')}
          </button>
        </form>
      )}
      <details className="counter-card__settings">
        <summary>{t('cardSettings')}</summary>
        <div className="field">
          <label htmlFor="card-agent-url">{t('cardAgentUrl')}</label>
          <input
            id="card-agent-url"
            defaultValue={url}
            onBlur={(e) => {
              const next = e.target.value.trim() || DEFAULT_CARD_AGENT_URL;
              writeStored(AGENT_URL_KEY, next);
              setUrl(next);
              setPaired(false);
            }}
          />
        </div>
        <button type="button" className="button button--small" onClick={check}>
          {t('cardRecheck')}
        </button>
      </details>
    </div>
  );
}
