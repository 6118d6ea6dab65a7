import { useTranslation } from 'react-i18next';
import { FormField } from '../../components/FormField';
import { CodePreview } from './CodePreview';
import { posCodeProblem, typedPosCode } from './missing-fields';

export type CodeKind = 'generated' | 'static';

interface Props {
  /** A free voucher always carries a code. */
  free: boolean;
  codeOn: boolean;
  onCodeOn(on: boolean): void;
  kind: CodeKind;
  onKind(kind: CodeKind): void;
  posCode: string;
  onPosCode(code: string): void;
  /** The core's refusal of the code, translated. */
  serverError: string | null;
  /** A generated code to show as an example. */
  example: string;
}

/**
 * Redeem Code: none, a unique generated code, or the shop's POS promo code. A POS code is checked as it is
 * typed, by the core's own rule, and only a valid one is drawn as a preview.
 */
export function CodeFieldset({ free, codeOn, onCodeOn, kind, onKind, posCode, onPosCode, serverError, example }: Props) {
  const { t } = useTranslation();
  const problem = posCodeProblem(posCode);
  const typed = typedPosCode(posCode);
  const previewCode = kind === 'generated' ? example : problem === null && typed !== null ? typed : '';
  return (
    <fieldset className="fieldset">
      <legend>{t('issue.code.label')}</legend>
      <label className="check">
        <input type="checkbox" checked={codeOn} disabled={free} onChange={(e) => onCodeOn(e.target.checked)} />
        {t('issue.code.switch')}
      </label>
      {free && <p className="muted small">{t('issue.code.freeAlways')}</p>}
      {codeOn && (
        <>
          <div className="segmented" role="radiogroup" aria-label={t('issue.code.kind')}>
            {(['generated', 'static'] as const).map((option) => (
              <label key={option} className={`segmented__option${kind === option ? ' segmented__option--on' : ''}`}>
                <input type="radio" name="codeKind" checked={kind === option} onChange={() => onKind(option)} />
                {t(`issue.code.${option}`)}
              </label>
            ))}
          </div>
          {kind === 'static' && (
            <FormField label={t('issue.code.posCode')} hint={t('issue.code.posHint')} error={problem ? t(`validation.${problem}`) : serverError}>
              <input className="input mono" dir="ltr" value={posCode} maxLength={32} autoComplete="off" onChange={(e) => onPosCode(e.target.value.toUpperCase())} />
            </FormField>
          )}
          <CodePreview code={previewCode} example={kind === 'generated'} />
        </>
      )}
    </fieldset>
  );
}
