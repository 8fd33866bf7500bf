/**
 * Everything the agent says to the console or the counter PC's console, in
 * Japanese first and English second. No message ever contains card data.
 */
import type { CardAgentErrorCode, CardAgentMessage } from '@madoguchi/shared';

export const APT_PACKAGES = 'pcscd libpcsclite-dev';

export const ERROR_MESSAGES: Record<CardAgentErrorCode, CardAgentMessage> = {
  origin_refused: { ja: 'このページからはカードリーダーを使えません（許可されていない発行元です）。', en: 'This page may not use the card reader (its origin is not allowed).' },
  not_paired: {
    ja: 'カードリーダーとペアリングしていないか、期限が切れました。ペアリングコードを入力してください。',
    en: 'Not paired with the card reader, or the pairing expired. Enter the pairing code.',
  },
  pairing_code_wrong: { ja: 'ペアリングコードが違います。カードリーダーの画面に表示された6桁を入力してください。', en: 'Wrong pairing code. Enter the 6 digits shown on the card reader’s screen.' },
  pairing_locked: {
    ja: 'ペアリングコードの誤りが続いたため、ペアリングを止めました。カードリーダーのエージェントを再起動してください。',
    en: 'Pairing is locked after too many wrong codes. Restart the card-reader agent.',
  },
  bad_request: { ja: '要求の形式が正しくありません。', en: 'The request is malformed.' },
  not_found: { ja: 'そのような操作はありません。', en: 'No such operation.' },
  pcsc_unavailable: {
    ja: `カードリーダーの仕組み（PC/SC）を使えません。管理者が ${APT_PACKAGES} を入れ、pcscd を起動し、card-agent で npm install をやり直してください。それまでは職員が入力してください。`,
    en: `PC/SC is not available. An administrator installs ${APT_PACKAGES}, starts pcscd and re-runs npm install for card-agent. Until then, staff type the data.`,
  },
  no_reader: { ja: 'カードリーダーが見つかりません。接続を確かめてください。', en: 'No card reader found. Check that it is connected.' },
  no_card: { ja: 'カードが置かれていません。マイナンバーカードをリーダーに置いてください。', en: 'No card in the reader. Place the My Number Card on the reader.' },
  card_busy: { ja: 'カードを別のプログラムが使っています。少し待ってからやり直してください。', en: 'Another program is using the card. Wait a moment and try again.' },
  not_my_number_card: {
    ja: 'マイナンバーカードの券面事項入力補助機能を読めませんでした。カードの向きと種類を確かめてください。',
    en: 'Could not open the card’s text-entry assistance application. Check that this is a My Number Card and how it lies on the reader.',
  },
  pin_format: { ja: '暗証番号は数字4桁です（券面事項入力補助用）。', en: 'The PIN is 4 digits (the one for text-entry assistance).' },
  pin_wrong: { ja: '暗証番号が違います。', en: 'Wrong PIN.' },
  pin_last_attempt: {
    ja: '暗証番号はあと1回しか試せません。間違えるとロックされ、市区町村の窓口で初期化が必要になります。ご本人に確認のうえ、「最後の1回として試す」を選んでください。',
    en: 'Only one PIN try is left. A wrong PIN locks it and the municipality must reset it. Confirm with the resident, then choose to use the last try.',
  },
  pin_blocked: {
    ja: '暗証番号がロックされています。窓口で暗証番号の初期化（再設定）をしてください。今回は職員が入力してください。',
    en: 'The PIN is locked. It must be reset at the counter. For now, staff type the data.',
  },
  consent_required: {
    ja: '個人番号は、手続に必要で、ご本人が同意した場合にだけ読み取ります（同意と手続の指定が必要です）。',
    en: 'The My Number is read only when the procedure needs it and the resident consents (consent and the procedure are required).',
  },
  card_error: { ja: 'カードを読み取れませんでした。カードを置き直してやり直すか、職員が入力してください。', en: 'Could not read the card. Place it again and retry, or staff type the data.' },
};

/** pin_wrong with the number of tries left. */
export function pinWrongMessage(attemptsLeft: number): CardAgentMessage {
  return {
    ja: `暗証番号が違います。あと${attemptsLeft}回間違えるとロックされます。`,
    en: `Wrong PIN. ${attemptsLeft} more wrong ${attemptsLeft === 1 ? 'try locks' : 'tries lock'} it.`,
  };
}

/** The text on the card could not be decoded (e.g. characters outside the card's character set). */
export const UNREADABLE_TEXT: CardAgentMessage = {
  ja: '券面の文字を読み取れませんでした（外字を含む可能性があります）。職員が入力してください。',
  en: 'Could not decode the text on the card (it may hold characters outside the standard set). Staff type the data.',
};

/** The binding is there but pcscd does not answer. */
export const PCSCD_NOT_RUNNING: CardAgentMessage = {
  ja: 'pcscd（カードリーダーのサービス）が動いていません。管理者が起動してください（例: sudo systemctl start pcscd）。それまでは職員が入力してください。',
  en: 'pcscd (the smart-card service) is not running. An administrator starts it (e.g. sudo systemctl start pcscd). Until then, staff type the data.',
};
