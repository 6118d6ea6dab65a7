import { useEffect, useMemo, useRef, useState, type ClipboardEvent, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { formatRedeemCode, generatedCodeFromBytes } from '../../../shared/domain/redeem-code';
import { expiryOf, localDate, type Validity } from '../../../shared/domain/validity';
import { MAX_QUANTITY, VOUCHER_DESCRIPTION_MAX, VOUCHER_TITLE_MAX, type IssueResult } from '../../../shared/schemas/vouchers';
import { useSettings } from '../../app/SettingsContext';
import { ErrorNotice } from '../../components/ErrorNotice';
import { FormField } from '../../components/FormField';
import { PageHeader } from '../../components/PageHeader';
import { call } from '../../lib/api';
import { ApiCallError } from '../../lib/api-error';
import { fieldErrorText } from '../../lib/error-text';
import { NumberField } from '../../components/NumberField';
import { hashParam } from '../../lib/hash-params';
import { ActionBar } from './ActionBar';
import { CodeFieldset, type CodeKind } from './CodeFieldset';
import { CustomerPicker, type PickedCard } from './CustomerPicker';
import { ImagePicker, uploadImage, type PickedImage } from './ImagePicker';
import { IssueResultView } from './IssueResultView';
import { BatchProgress } from './BatchProgress';
import { newOperationId } from '../../lib/use-operation-progress';
import { missingFields } from './missing-fields';
import { ValidityFieldset, type ValidityKind } from './ValidityFieldset';

const FIELDS = ['title', 'description', 'imageId', 'redeemCode', 'validity', 'quantity'];

/** Issue Voucher: a one-time voucher for a customer's wallet, or free printable ones with a redeem code. */
export function IssueVoucherPage() {
  const { t } = useTranslation();
  const { settings } = useSettings();
  const [card, setCard] = useState<PickedCard | null>(null);
  const [title, setTitle] = useState('');
  const [description, setDescription] = useState('');
  const [image, setImage] = useState<PickedImage | null>(null);
  const [withCode, setWithCode] = useState(true);
  const [codeKind, setCodeKind] = useState<CodeKind>('generated');
  const [staticCode, setStaticCode] = useState('');
  const [validityKind, setValidityKind] = useState<ValidityKind>('unlimited');
  const [amount, setAmount] = useState<number | null>(30);
  const [date, setDate] = useState('');
  const [quantity, setQuantity] = useState<number | null>(1);
  const [busy, setBusy] = useState(false);
  // a batch names its call, so its progress can be shown while it is made
  const [operationId, setOperationId] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [result, setResult] = useState<{ issued: IssueResult; card: PickedCard | null } | null>(null);
  const titleField = useRef<HTMLInputElement>(null);
  const example = useMemo(() => formatRedeemCode(generatedCodeFromBytes(crypto.getRandomValues(new Uint8Array(8)))), []);

  // ISSUE COUPON on a card opens this section with the card chosen
  useEffect(() => {
    const id = Number(hashParam('card'));
    if (!Number.isInteger(id) || id <= 0) return;
    call('cards.get', { id }).then(
      (c) => setCard({ id: c.id, name: c.name }),
      () => {},
    );
  }, []);

  const free = card === null;
  const codeOn = free || withCode;
  const zone = settings?.timeZone ?? 'UTC';
  const today = localDate(Date.now(), zone);
  const validity: Validity | null =
    validityKind === 'unlimited'
      ? { kind: 'unlimited' }
      : validityKind === 'fixed'
        ? date
          ? { kind: 'fixed', date }
          : null
        : amount !== null && amount > 0
          ? validityKind === 'days'
            ? { kind: 'days', days: amount }
            : { kind: 'months', months: amount }
          : null;
  const expiry = validity ? expiryOf(validity, Date.now(), zone) : undefined;
  const missing = missingFields({ title, validityKind, amount, date, today, codeOn, codeKind, staticCode, free, quantity });
  // a POS code is the same string on every voucher of the batch
  const sharedCode = codeOn && codeKind === 'static';
  const fieldError = (field: string) => fieldErrorText(error, field, t);

  const onPaste = async (event: ClipboardEvent) => {
    const file = [...event.clipboardData.files].find((f) => f.type.startsWith('image/'));
    if (!file) return;
    event.preventDefault();
    try {
      setImage(await uploadImage(file));
    } catch (e) {
      setError(e);
    }
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy || !validity || missing.length > 0) return;
    setBusy(true);
    setError(null);
    const batchOperation = free && (quantity ?? 0) > 1 ? newOperationId() : undefined;
    setOperationId(batchOperation ?? null);
    try {
      const issued = await call('vouchers.issue', {
        cardId: card?.id,
        title,
        description: description.trim() || undefined,
        imageId: image?.id,
        redeemCode: codeOn ? (codeKind === 'generated' ? { kind: 'generated' } : { kind: 'static', code: staticCode }) : null,
        validity,
        quantity: free ? (quantity ?? 0) : undefined,
        operationId: batchOperation,
      });
      setResult({ issued, card });
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
      setOperationId(null);
    }
  };

  // another voucher starts from an empty title (and description), so the same one is not issued twice by accident
  const another = () => {
    setResult(null);
    setTitle('');
    setDescription('');
    setError(null);
    requestAnimationFrame(() => titleField.current?.focus());
  };

  if (result) {
    return (
      <>
        <PageHeader title={t('issue.title')} />
        <IssueResultView issued={result.issued} title={title} card={result.card} onAnother={another} />
      </>
    );
  }

  return (
    <>
      <PageHeader title={t('issue.title')} subtitle={t('issue.subtitle')} />
      <form className="card form form--wide issue-form" onSubmit={submit} onPaste={onPaste} noValidate aria-label={t('issue.title')}>
        <FormField label={t('issue.customer.label')} hint={free ? t('issue.customer.freeHint') : t('issue.customer.cardHint')}>
          <div>
            <CustomerPicker value={card} onChange={setCard} />
          </div>
        </FormField>
        <FormField
          label={t('issue.titleField')}
          hint={<span className="counter">{t('settings.characters', { count: title.length, max: VOUCHER_TITLE_MAX })}</span>}
          error={fieldError('title')}
        >
          <input ref={titleField} className="input" data-testid="voucher-title" value={title} maxLength={VOUCHER_TITLE_MAX} onChange={(e) => setTitle(e.target.value)} required />
        </FormField>
        <FormField
          label={t('issue.description')}
          hint={<span className="counter">{t('settings.characters', { count: description.length, max: VOUCHER_DESCRIPTION_MAX })}</span>}
          error={fieldError('description')}
        >
          <textarea className="input" rows={3} value={description} maxLength={VOUCHER_DESCRIPTION_MAX} onChange={(e) => setDescription(e.target.value)} />
        </FormField>
        <FormField label={t('issue.image.label')} hint={t('issue.image.hint')} error={fieldError('imageId')}>
          <div>
            <ImagePicker value={image} onChange={setImage} />
          </div>
        </FormField>
        <CodeFieldset
          free={free}
          codeOn={codeOn}
          onCodeOn={setWithCode}
          kind={codeKind}
          onKind={setCodeKind}
          posCode={staticCode}
          onPosCode={setStaticCode}
          serverError={fieldError('redeemCode')}
          example={example}
        />
        <ValidityFieldset
          kind={validityKind}
          onKind={setValidityKind}
          amount={amount}
          onAmount={setAmount}
          date={date}
          onDate={setDate}
          today={today}
          expiry={expiry}
          settings={settings}
          serverError={fieldError('validity')}
        />
        {free && (
          <FormField
            label={t('issue.quantity')}
            hint={sharedCode ? t('issue.quantityHintShared', { max: MAX_QUANTITY }) : t('issue.quantityHint', { max: MAX_QUANTITY })}
            error={fieldError('quantity')}
          >
            <NumberField value={quantity} onValueChange={setQuantity} />
          </FormField>
        )}
        {operationId && <BatchProgress operationId={operationId} />}
        {error !== null && !(error instanceof ApiCallError && error.field) && <ErrorNotice error={error} />}
        {error instanceof ApiCallError && error.field && !FIELDS.some((f) => error.field!.startsWith(f)) && <ErrorNotice error={error} />}
        <ActionBar missing={missing} busy={busy} />
      </form>
    </>
  );
}
