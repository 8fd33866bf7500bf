/**
 * The municipality's choice of signature policy for a procedure: required,
 * optional or none (the preset's policy is a recommendation unless it cites a
 * provision), with what follows from the chosen policy.
 */
import type { UseFormRegisterReturn } from 'react-hook-form';
import { SIGNATURE_POLICY_LABELS, signatureChoices, signatureConsequence, type PresetSignature, type Procedure, type SignaturePolicy } from '@madoguchi/shared';

interface Props {
  procedure: Procedure;
  /** What the preset says, for adopted presets. */
  preset?: PresetSignature;
  /** The policy currently selected in the form (not yet applied). */
  selected: SignaturePolicy;
  field: UseFormRegisterReturn;
}

export function SignaturePolicyField({ procedure, preset, selected, field }: Props) {
  const choices = signatureChoices(preset);
  return (
    <div className="field">
      <label htmlFor="proc-signaturePolicy">マイナンバーカードによる電子署名</label>
      {preset && preset.signaturePolicy !== 'municipality-choice' && (
        <p className="field__hint">
          {preset.signatureLegalBasis
            ? `法令（${preset.signatureLegalBasis}）で「${SIGNATURE_POLICY_LABELS[preset.signaturePolicy]}」と定められているため、これより緩くはできません。`
            : `プリセットの推奨は「${SIGNATURE_POLICY_LABELS[preset.signaturePolicy]}」です。署名を求める法令の定めはないため、市区町村で選べます。`}
        </p>
      )}
      <select id="proc-signaturePolicy" aria-describedby="proc-signaturePolicy-effect" {...field}>
        {choices.map((q) => (
          <option key={q} value={q}>
            {SIGNATURE_POLICY_LABELS[q]}
          </option>
        ))}
        {procedure.signaturePolicy === 'municipality-choice' && <option value="municipality-choice">{SIGNATURE_POLICY_LABELS['municipality-choice']}（未選択）</option>}
      </select>
      <p id="proc-signaturePolicy-effect" className="field__hint" data-testid="signature-effect">
        {signatureConsequence(procedure, selected)}
      </p>
    </div>
  );
}
