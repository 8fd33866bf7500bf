/**
 * The signature policy a municipality chooses for a procedure it adopted.
 * A preset recommends a policy; the municipality may choose required,
 * optional or none, unless the preset cites a provision that requires a
 * signature (`signatureLegalBasis`). The builder shows what follows from each
 * choice. The choice is an ordinary edit of the adoption (`setSignaturePolicy`
 * in its layer), so it is stored wherever the layer is.
 */
import type { Procedure, SignaturePolicy } from '../form/types';

export type ChosenSignaturePolicy = Exclude<SignaturePolicy, 'municipality-choice'>;
const RANK: Record<ChosenSignaturePolicy, number> = { none: 0, optional: 1, required: 2 };

/** What the preset says about signatures: its recommendation and, if any, the provision that requires one. */
export type PresetSignature = Pick<Procedure, 'signaturePolicy' | 'signatureLegalBasis'>;

/** The policies a municipality may choose (all three unless a provision sets a floor). */
export function signatureChoices(preset: PresetSignature | undefined): ChosenSignaturePolicy[] {
  const all: ChosenSignaturePolicy[] = ['required', 'optional', 'none'];
  if (!preset?.signatureLegalBasis || preset.signaturePolicy === 'municipality-choice') return all;
  const floor = RANK[preset.signaturePolicy];
  return all.filter((p) => RANK[p] >= floor);
}

/** The attachments a policy makes required (an identity document when nobody signs). */
export function attachmentsRequiredBy(procedure: Pick<Procedure, 'attachments'>, policy: SignaturePolicy): string[] {
  return procedure.attachments.filter((a) => a.required !== 'always' && (a.requiredWhenSignature ?? []).includes(policy)).map((a) => a.label);
}

/** What follows from a policy, in Japanese, for the builder. */
export function signatureConsequence(procedure: Pick<Procedure, 'attachments'>, policy: SignaturePolicy): string {
  const extra = attachmentsRequiredBy(procedure, policy);
  const proof =
    extra.length > 0 ? `本人確認のため「${extra.join('」「')}」の添付が必須になります。` : '本人確認は、窓口での確認や添付書類（必要なら添付書類で「本人確認書類」を必須にしてください）で行います。';
  switch (policy) {
    case 'required':
      return '申請者はマイナンバーカードで電子署名してから申請します。署名が本人確認になります。';
    case 'optional':
      return `電子署名は任意です。署名しない申請もあるため、${proof}`;
    case 'none':
      return `電子署名を求めません。${proof}`;
    default:
      return 'まだ選ばれていません。公開する前に「必要」「任意」「なし」から選んでください。';
  }
}
