/** The municipality's messages to the applicant on an application (status page, bundle status), newest last. */
import type { StatusResponse } from '@madoguchi/shared';
import { useLanguage } from '../../common/i18n/LanguageContext';
import { formatDateTime } from '../../common/format';

export function MessageList({ messages }: { messages: StatusResponse['messages'] }) {
  const { language } = useLanguage();
  return (
    <ul className="messages">
      {messages.map((m, i) => (
        <li key={i}>
          <p className="messages__at">{formatDateTime(m.at, language)}</p>
          <p className="messages__text">{m.text}</p>
        </li>
      ))}
    </ul>
  );
}
