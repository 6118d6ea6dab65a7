import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { DEFAULT_DOTS, DEFAULT_PRINTER_PORT, PRINTER_LANGUAGES, type PaperWidth, type PrinterDots, type PrinterKind, type PrinterLanguage } from '../../../shared/schemas/printing';
import { Dialog } from '../../components/Dialog';
import { ErrorNotice } from '../../components/ErrorNotice';
import { FormField } from '../../components/FormField';
import { NumberField } from '../../components/NumberField';
import { call } from '../../lib/api';
import { fieldErrorText } from '../../lib/error-text';
import { LANGUAGE_KEYS } from './printer-labels';

interface Props {
  onClose(): void;
  onAdded(): void;
}

/** The dots each paper offers, with the catalogue key that says which printers print them. */
const DOTS_CHOICES: Record<PaperWidth, Array<{ dots: PrinterDots; key: string }>> = {
  58: [
    { dots: 384, key: 'printers.dots.d384' },
    { dots: 420, key: 'printers.dots.d420' },
  ],
  80: [
    { dots: 576, key: 'printers.dots.d576' },
    { dots: 512, key: 'printers.dots.d512' },
  ],
};
const FIELDS = ['kind', 'name', 'host', 'port', 'paperWidth', 'dots', 'language', 'systemName'];

/** Add printer: a network receipt printer (host, port, paper, dots, command language) or one installed in this computer. */
export function AddPrinterDialog({ onClose, onAdded }: Props) {
  const { t } = useTranslation();
  const [kind, setKind] = useState<PrinterKind>('network');
  const [name, setName] = useState('');
  const [host, setHost] = useState('');
  const [port, setPort] = useState<number | null>(DEFAULT_PRINTER_PORT);
  const [paperWidth, setPaperWidth] = useState<PaperWidth>(80);
  const [dots, setDots] = useState<PrinterDots>(DEFAULT_DOTS[80]);
  const [language, setLanguage] = useState<PrinterLanguage>('esc-pos');
  const [systemName, setSystemName] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const fieldError = (field: string) => fieldErrorText(error, field, t);

  const pickPaper = (width: PaperWidth) => {
    setPaperWidth(width);
    setDots(DEFAULT_DOTS[width]);
  };
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const common = { name, paperWidth, dots };
      await call(
        'printers.add',
        kind === 'network'
          ? { kind, ...common, host, port: port ?? Number.NaN, language }
          : { kind, ...common, ...(systemName.trim() ? { systemName } : {}) },
      );
      onAdded();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  const otherError = error !== null && !FIELDS.some((f) => fieldError(f));

  return (
    <Dialog
      title={t('printers.addDialog.title')}
      onClose={onClose}
      actions={
        <>
          <button type="button" className="button" onClick={onClose}>
            {t('printers.addDialog.cancel')}
          </button>
          <button type="submit" form="add-printer-form" className="button button--primary" data-testid="add-printer-submit" disabled={busy}>
            {busy ? t('printers.addDialog.adding') : t('printers.addDialog.submit')}
          </button>
        </>
      }
    >
      <form id="add-printer-form" className="form add-printer" onSubmit={submit} noValidate>
        <fieldset className="fieldset">
          <legend>{t('printers.fields.kind')}</legend>
          {(['network', 'system'] as const).map((k) => (
            <label key={k} className="check-row">
              <input type="radio" name="kind" value={k} checked={kind === k} onChange={() => setKind(k)} />
              {t(`printers.kind.${k}`)}
            </label>
          ))}
        </fieldset>
        <FormField label={t('printers.fields.name')} hint={t('printers.addDialog.nameHint')} error={fieldError('name')}>
          <input className="input" name="name" value={name} maxLength={80} onChange={(e) => setName(e.target.value)} autoFocus />
        </FormField>
        {kind === 'network' ? (
          <div className="add-printer__address">
            <FormField label={t('printers.fields.host')} hint={t('printers.addDialog.hostHint')} error={fieldError('host')}>
              <input className="input" name="host" dir="ltr" value={host} onChange={(e) => setHost(e.target.value)} autoComplete="off" spellCheck={false} />
            </FormField>
            <FormField label={t('printers.fields.port')} error={fieldError('port')}>
              <NumberField name="port" value={port} onValueChange={setPort} />
            </FormField>
          </div>
        ) : (
          <FormField label={t('printers.fields.systemName')} hint={t('printers.addDialog.systemHint')} error={fieldError('systemName')}>
            <input className="input" name="systemName" value={systemName} onChange={(e) => setSystemName(e.target.value)} />
          </FormField>
        )}
        <fieldset className="fieldset">
          <legend>{t('printers.fields.paper')}</legend>
          {([58, 80] as const).map((w) => (
            <label key={w} className="check-row">
              <input type="radio" name="paperWidth" value={w} checked={paperWidth === w} onChange={() => pickPaper(w)} />
              {t('printers.paperWidth', { width: w })}
            </label>
          ))}
        </fieldset>
        <FormField label={t('printers.fields.dots')} error={fieldError('dots')}>
          <select className="input" name="dots" value={dots} onChange={(e) => setDots(Number(e.target.value) as PrinterDots)}>
            {DOTS_CHOICES[paperWidth].map((choice) => (
              <option key={choice.dots} value={choice.dots}>
                {t(choice.key, { dots: choice.dots })}
              </option>
            ))}
          </select>
        </FormField>
        {kind === 'network' && (
          <FormField label={t('printers.fields.language')} error={fieldError('language')}>
            <select className="input" name="language" value={language} onChange={(e) => setLanguage(e.target.value as PrinterLanguage)}>
              {PRINTER_LANGUAGES.map((l) => (
                <option key={l} value={l}>
                  {t(LANGUAGE_KEYS[l])}
                </option>
              ))}
            </select>
          </FormField>
        )}
        {otherError && <ErrorNotice error={error} />}
      </form>
    </Dialog>
  );
}
