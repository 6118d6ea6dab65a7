import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import type { OperationProgress } from '../../../shared/schemas/operations';
import { IMPORT_COLUMNS, type ImportReport } from '../../../shared/schemas/cards';
import { Dialog } from '../../components/Dialog';
import { ErrorNotice } from '../../components/ErrorNotice';
import { call } from '../../lib/api';
import { readTextFile } from '../../lib/read-text-file';
import { formatNumber } from '../../lib/format';
import { useLocale } from '../../lib/use-locale';
import { Ltr } from '../../components/Ltr';
import { WorkProgress } from '../../components/WorkProgress';
import { newOperationId, useOperationProgress } from '../../lib/use-operation-progress';

interface Props {
  onClose(): void;
  onImported(): void;
}

type Step =
  | { kind: 'choose' }
  | { kind: 'checking'; fileName: string; operationId: string }
  | { kind: 'preview'; fileName: string; csv: string; report: ImportReport }
  | { kind: 'importing'; fileName: string; report: ImportReport; operationId: string }
  | { kind: 'done'; report: ImportReport };

/** Import cards from CSV: a dry run shows what would happen first; nothing changes until confirmed. */
export function ImportDialog({ onClose, onImported }: Props) {
  const { t } = useTranslation();
  const [step, setStep] = useState<Step>({ kind: 'choose' });
  const [error, setError] = useState<unknown>(null);
  // a large file is read and written in steps; the host tells how far it is
  const operationId = step.kind === 'checking' || step.kind === 'importing' ? step.operationId : null;
  const progress = useOperationProgress(operationId);

  const check = async (file: File) => {
    setError(null);
    const operationId = newOperationId();
    setStep({ kind: 'checking', fileName: file.name, operationId });
    try {
      const csv = await readTextFile(file);
      const report = await call('cards.importCsv', { csv, dryRun: true, operationId });
      setStep({ kind: 'preview', fileName: file.name, csv, report });
    } catch (e) {
      setError(e);
      setStep({ kind: 'choose' });
    }
  };

  const run = async (csv: string, fileName: string, preview: ImportReport) => {
    const operationId = newOperationId();
    setStep({ kind: 'importing', fileName, report: preview, operationId });
    try {
      const report = await call('cards.importCsv', { csv, dryRun: false, operationId });
      setStep({ kind: 'done', report });
      onImported();
    } catch (e) {
      setError(e);
      setStep({ kind: 'choose' });
    }
  };

  const report = step.kind === 'preview' || step.kind === 'importing' || step.kind === 'done' ? step.report : null;
  return (
    <Dialog
      title={t('cards.import.title')}
      onClose={onClose}
      wide
      actions={
        <>
          <button type="button" className="button" onClick={onClose}>
            {step.kind === 'done' ? t('cards.import.close') : t('cards.import.cancel')}
          </button>
          {step.kind === 'preview' && (
            <button
              type="button"
              className="button button--primary"
              disabled={step.report.imported + step.report.updated === 0}
              onClick={() => run(step.csv, step.fileName, step.report)}
            >
              {t('cards.import.confirm', { count: step.report.imported + step.report.updated })}
            </button>
          )}
        </>
      }
    >
      {step.kind === 'choose' && (
        <>
          <p>{t('cards.import.intro')}</p>
          <p className="small">
            <Ltr className="mono">{IMPORT_COLUMNS.join(',')}</Ltr>
          </p>
          <label className="file-drop">
            <span>{t('cards.import.choose')}</span>
            <input type="file" accept=".csv,text/csv" onChange={(e) => e.target.files?.[0] && check(e.target.files[0])} />
          </label>
        </>
      )}
      {(step.kind === 'checking' || step.kind === 'importing') && (
        <WorkProgress progress={progress} label={t('cards.import.progress.label')} text={progressText(step, progress, t)} />
      )}
      {error !== null && <ErrorNotice error={error} />}
      {report && <ImportSummary report={report} />}
    </Dialog>
  );
}

/** One sentence per stage of a running check or import; before the first answer, what was asked. */
function progressText(step: { kind: 'checking' | 'importing'; fileName: string }, progress: OperationProgress | null, t: TFunction): string {
  switch (progress?.stage) {
    case 'waiting':
      return t('cards.import.progress.waiting');
    case 'reading':
      return t('cards.import.progress.reading', { file: step.fileName });
    case 'writing':
      return t('cards.import.progress.writing', { done: progress.done, count: progress.total });
    case 'indexing':
    case 'done':
      return t('cards.import.progress.finishing');
    default:
      return step.kind === 'checking' ? t('cards.import.checking', { file: step.fileName }) : t('cards.import.importing', { file: step.fileName });
  }
}

function ImportSummary({ report }: { report: ImportReport }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const n = (value: number) => formatNumber(value, locale);
  return (
    <section aria-label={t('cards.import.summary')} data-testid="import-summary">
      <p className="import-headline">{report.dryRun ? t('cards.import.wouldDo') : t('cards.import.did')}</p>
      <dl className="facts">
        <dt>{t('cards.import.rows')}</dt>
        <dd data-testid="import-rows">{n(report.rows)}</dd>
        <dt>{report.dryRun ? t('cards.import.toImport') : t('cards.import.imported')}</dt>
        <dd data-testid="import-imported">{n(report.imported)}</dd>
        <dt>{report.dryRun ? t('cards.import.toUpdate') : t('cards.import.updated')}</dt>
        <dd data-testid="import-updated">{n(report.updated)}</dd>
        <dt>{t('cards.import.skipped')}</dt>
        <dd data-testid="import-skipped">{n(report.skipped)}</dd>
        <dt>{t('cards.import.rejected')}</dt>
        <dd data-testid="import-rejected">{n(report.rejected.length)}</dd>
        {report.templateVersionsCreated > 0 && (
          <>
            <dt>{t('cards.import.newTemplates')}</dt>
            <dd>{n(report.templateVersionsCreated)}</dd>
          </>
        )}
      </dl>
      {report.rejected.length > 0 && (
        <div className="rejected">
          <h3>{t('cards.import.rejectedTitle')}</h3>
          <ul className="rejected__list">
            {report.rejected.map((r) => (
              <li key={r.line}>
                {t('cards.import.rejectedLine', { line: r.line, reason: t(`cards.importReasons.${r.key}`, r.params) })}
              </li>
            ))}
          </ul>
        </div>
      )}
    </section>
  );
}
