/**
 * 「手続の情報」 (react-hook-form): what residents read before applying —
 * name, summary, who may apply, deadline, what to prepare — and the contact
 * desk, the 受付期間 and the signature policy. For adopted presets the signature policy can
 * only be chosen where the preset allows it.
 */
import { useEffect, useState } from 'react';
import { useForm } from 'react-hook-form';
import { staffApi } from '../../api';
import { useSession } from '../../session';
import { APPLICANT_ROLES, LIFE_EVENTS, PROCEDURE_CATEGORIES, type PresetSignature, type Procedure, type SignaturePolicy } from '@madoguchi/shared';
import { SignaturePolicyField } from './SignaturePolicyField';
import type { NewOp } from './useBuilder';
import { lines } from './AddFieldForm';
import { ReceptionFields, receptionFromValues, receptionValues, type ReceptionValues } from './ReceptionFields';

/** One of the municipality's contact desks (its settings). */
interface Desk {
  id: string;
  name: string;
  phone?: string;
  email?: string;
  address?: string;
  hours?: string;
}

const CATEGORY_LABELS: Record<string, string> = { childcare: '子育て', care: '介護', disaster: '防災・災害', health: '健康・医療', residence: '住まい・引越し', tax: '税', other: 'その他' };
const LIFE_EVENT_LABELS: Record<string, string> = {
  'pregnancy-birth': '妊娠・出産',
  childrearing: '子育て',
  nursery: '保育',
  care: '介護',
  disaster: '災害',
  moving: '引越し',
  bereavement: 'おくやみ',
  other: 'その他',
};
const ROLE_LABELS: Record<string, string> = { 'self-only': '本人のみ', 'self-or-proxy': '本人または代理人', guardian: '保護者', relative: '親族', any: 'どなたでも' };

interface Values extends ReceptionValues {
  title: string;
  description: string;
  eligibility: string;
  deadline: string;
  prepare: string;
  category: string;
  lifeEvents: string[];
  applicantRole: string;
  /** One of the municipality's desks, or '' to type the contact here. */
  deskId: string;
  deskName: string;
  deskPhone: string;
  deskEmail: string;
  deskHours: string;
  deskAddress: string;
  signaturePolicy: SignaturePolicy;
}

interface Props {
  procedure: Procedure;
  /** What the preset says about signatures, for adopted presets (what may be chosen depends on it). */
  presetSignature?: PresetSignature;
  apply: (...ops: NewOp[]) => string | null;
  onMessage: (message: string) => void;
}

export function ProcedurePanel({ procedure: p, presetSignature, apply, onMessage }: Props) {
  const before: Values = {
    title: p.title,
    description: p.description,
    eligibility: p.eligibility,
    deadline: p.deadline ?? '',
    prepare: p.prepare.join('\n'),
    category: p.category,
    lifeEvents: p.lifeEvents,
    applicantRole: p.applicantRole,
    deskId: p.contactDesk.deskId ?? '',
    deskName: p.contactDesk.name,
    deskPhone: p.contactDesk.phone ?? '',
    deskEmail: p.contactDesk.email ?? '',
    deskHours: p.contactDesk.hours ?? '',
    deskAddress: p.contactDesk.address ?? '',
    signaturePolicy: p.signaturePolicy,
    ...receptionValues(p.reception),
  };
  const { register, handleSubmit, watch } = useForm<Values>({ values: before });
  // The signed-in municipality's desks (its settings); platform admins editing the preset library have none.
  const code = useSession().session?.user?.municipalityCode;
  const [desks, setDesks] = useState<Desk[]>([]);
  useEffect(() => {
    if (!code) return;
    staffApi<{ items: Desk[] }>('GET', `/municipalities/${code}/desks`).then(
      (r) => setDesks(r.items),
      () => setDesks([]),
    );
  }, [code]);
  const chosenDesk = desks.find((d) => d.id === watch('deskId'));

  const onSubmit = handleSubmit((v) => {
    const ops: NewOp[] = [];
    for (const key of ['title', 'description', 'eligibility', 'deadline', 'category', 'applicantRole'] as const) {
      if (v[key] !== before[key]) ops.push({ type: 'setProcedureText', key, value: v[key] });
    }
    if (v.prepare !== before.prepare) ops.push({ type: 'setProcedureText', key: 'prepare', value: lines(v.prepare) });
    if (JSON.stringify(v.lifeEvents) !== JSON.stringify(before.lifeEvents)) ops.push({ type: 'setProcedureText', key: 'lifeEvents', value: v.lifeEvents });
    const picked = desks.find((d) => d.id === v.deskId);
    const desk = picked
      ? { deskId: picked.id, name: picked.name }
      : {
          name: v.deskName.trim(),
          ...(v.deskPhone.trim() ? { phone: v.deskPhone.trim() } : {}),
          ...(v.deskEmail.trim() ? { email: v.deskEmail.trim() } : {}),
          ...(v.deskHours.trim() ? { hours: v.deskHours.trim() } : {}),
          ...(v.deskAddress.trim() ? { address: v.deskAddress.trim() } : {}),
        };
    const current = p.contactDesk.deskId ? { deskId: p.contactDesk.deskId, name: p.contactDesk.name } : p.contactDesk;
    if (JSON.stringify(desk) !== JSON.stringify(current)) ops.push({ type: 'setContactDesk', contactDesk: desk });
    if (v.signaturePolicy !== before.signaturePolicy) ops.push({ type: 'setSignaturePolicy', policy: v.signaturePolicy });
    const reception = receptionFromValues(v, p.reception);
    if (JSON.stringify(reception) !== JSON.stringify(p.reception ?? null)) ops.push({ type: 'setReception', reception });
    if (!ops.length) return onMessage('変更はありません。');
    onMessage(apply(...ops) ?? '手続の情報を反映しました。');
  });

  const text = (id: keyof Values, label: string, rows = 0, hint?: string) => (
    <div className="field">
      <label htmlFor={`proc-${id}`}>{label}</label>
      {hint && <p className="field__hint">{hint}</p>}
      {rows ? <textarea id={`proc-${id}`} rows={rows} {...register(id)} /> : <input id={`proc-${id}`} {...register(id)} />}
    </div>
  );

  return (
    <form className="builder-form" onSubmit={onSubmit} aria-labelledby="procedure-panel-title" noValidate>
      <h2 id="procedure-panel-title" className="builder-panel__title">
        手続の情報
      </h2>
      {text('title', '手続の名称')}
      {text('description', '概要（住民向けの説明）', 4)}
      {text('eligibility', '対象となる方', 3)}
      {text('deadline', '手続の期限')}
      {text('prepare', '用意するもの（1行に1つ）', 3)}
      <div className="builder-row">
        <div className="field">
          <label htmlFor="proc-category">分類</label>
          <select id="proc-category" {...register('category')}>
            {PROCEDURE_CATEGORIES.map((c) => (
              <option key={c} value={c}>
                {CATEGORY_LABELS[c]}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="proc-applicantRole">手続を行う人</label>
          <select id="proc-applicantRole" {...register('applicantRole')}>
            {APPLICANT_ROLES.map((r) => (
              <option key={r} value={r}>
                {ROLE_LABELS[r]}
              </option>
            ))}
          </select>
        </div>
      </div>
      <fieldset className="builder-fieldset">
        <legend>ライフイベント（住民が探すときの入口）</legend>
        <div className="builder-checks">
          {LIFE_EVENTS.map((e) => (
            <span className="checkbox" key={e}>
              <input id={`proc-life-${e}`} type="checkbox" value={e} {...register('lifeEvents')} />
              <label htmlFor={`proc-life-${e}`}>{LIFE_EVENT_LABELS[e]}</label>
            </span>
          ))}
        </div>
      </fieldset>
      <fieldset className="builder-fieldset">
        <legend>問い合わせ先（担当窓口）</legend>
        {p.contactDesk.placeholder && !p.contactDesk.deskId && <p className="notice">いまは仮の記載（ひな形の一般的な名称）です。この自治体の窓口を選ぶか、入力してください。</p>}
        {desks.length > 0 && (
          <div className="field">
            <label htmlFor="proc-deskId">自治体の窓口から選ぶ</label>
            <p className="field__hint">設定の「窓口」で登録した窓口です。選ぶと、窓口の電話番号などを変えたときにこの手続の表示も変わります。</p>
            <select id="proc-deskId" {...register('deskId')}>
              <option value="">（ここで直接入力する）</option>
              {desks.map((d) => (
                <option key={d.id} value={d.id}>
                  {d.name}
                </option>
              ))}
            </select>
          </div>
        )}
        {chosenDesk ? (
          <p className="field__hint">{[chosenDesk.phone, chosenDesk.address, chosenDesk.hours].filter(Boolean).join('　')}</p>
        ) : (
          <>
            {text('deskName', '担当課の名前')}
            {text('deskPhone', '電話番号')}
            {text('deskEmail', 'メールアドレス')}
            {text('deskHours', '受付時間')}
            {text('deskAddress', '窓口の場所')}
          </>
        )}
      </fieldset>
      <ReceptionFields register={register as never} watch={watch as never} before={p.reception} />
      <SignaturePolicyField procedure={p} {...(presetSignature ? { preset: presetSignature } : {})} selected={watch('signaturePolicy')} field={register('signaturePolicy')} />
      <button type="submit" className="button button--primary">
        手続の情報を反映
      </button>
    </form>
  );
}
