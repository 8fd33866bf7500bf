/** RJSF's built-in interface strings in Japanese (and English, RJSF's own). */
import { TranslatableString, englishStringTranslator, replaceStringParameters } from '@rjsf/utils';
import type { Language } from '@madoguchi/shared';

const JA: Partial<Record<TranslatableString, string>> = {
  [TranslatableString.ArrayItemTitle]: '項目',
  [TranslatableString.MissingItems]: '項目の定義がありません',
  [TranslatableString.EmptyArray]: 'まだ入力がありません。下のボタンで追加してください。',
  [TranslatableString.YesLabel]: 'はい',
  [TranslatableString.NoLabel]: 'いいえ',
  [TranslatableString.CloseLabel]: '閉じる',
  [TranslatableString.ErrorsLabel]: '入力内容の誤り',
  [TranslatableString.NewStringDefault]: '',
  [TranslatableString.AddButton]: '追加する',
  [TranslatableString.AddItemButton]: '追加する',
  [TranslatableString.CopyButton]: 'コピーする',
  [TranslatableString.ExpandButton]: '展開する',
  [TranslatableString.MoveDownButton]: '下へ移動',
  [TranslatableString.MoveUpButton]: '上へ移動',
  [TranslatableString.RemoveButton]: '削除する',
  [TranslatableString.NowLabel]: '今日',
  [TranslatableString.ClearLabel]: '消去',
  [TranslatableString.AriaDateLabel]: '日付を選ぶ',
  [TranslatableString.PreviewLabel]: 'プレビュー',
  [TranslatableString.DecrementAriaLabel]: '1減らす',
  [TranslatableString.IncrementAriaLabel]: '1増やす',
  [TranslatableString.OptionalObjectAdd]: '入力欄を追加する',
  [TranslatableString.OptionalObjectRemove]: '入力欄を削除する',
  [TranslatableString.OptionalObjectEmptyMsg]: '入力はありません',
  [TranslatableString.Type]: '種類',
  [TranslatableString.Value]: '値',
  [TranslatableString.ClearButton]: '入力を消す',
  [TranslatableString.UnknownFieldType]: '表示できない項目です（%1）',
  [TranslatableString.OptionPrefix]: '選択肢 %1',
  [TranslatableString.TitleOptionPrefix]: '%1 の選択肢 %2',
  [TranslatableString.KeyLabel]: '%1 の名前',
  [TranslatableString.DeprecatedLabel]: '%1（廃止）',
  [TranslatableString.UnsupportedField]: 'この項目は表示できません。',
  [TranslatableString.UnsupportedFieldWithId]: 'この項目（%1）は表示できません。',
  [TranslatableString.UnsupportedFieldWithReason]: 'この項目は表示できません：%1',
  [TranslatableString.UnsupportedFieldWithIdAndReason]: 'この項目（%1）は表示できません：%2',
  [TranslatableString.FilesInfo]: '**%1**（%2、%3バイト）',
};

/** RJSF's `translateString` for the resident's language. */
export function rjsfTranslator(language: Language) {
  return (key: TranslatableString, params?: string[]): string => {
    if (language === 'en') return englishStringTranslator(key, params);
    const template = JA[key];
    return template === undefined ? englishStringTranslator(key, params) : replaceStringParameters(template, params);
  };
}
