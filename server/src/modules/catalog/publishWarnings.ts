/**
 * What is published but worth fixing soon: today, a contact that is still the
 * preset's generic wording (「罹災証明担当課（税務課・防災担当課など）」) rather
 * than one of the municipality's own desks. Publishing goes ahead; the builder
 * shows the warning. It names no source: the wording may come from a preset, a
 * template or an imported file.
 */
import type { Language, Procedure } from '@madoguchi/shared';

export function publishWarnings(procedure: Procedure, language: Language): string[] {
  const desk = procedure.contactDesk;
  if (!desk?.placeholder || desk.deskId) return [];
  return [
    language === 'en'
      ? `The contact is still a general placeholder ("${desk.name}"). Choose one of your desks (Settings → Desks) in the procedure's information so residents know whom to ask.`
      : `問い合わせ先が仮の記載（「${desk.name}」）のままです。住民が問い合わせ先を分かるよう、「手続の情報」で自治体の窓口（設定の「窓口」で登録）を選んでください。`,
  ];
}
