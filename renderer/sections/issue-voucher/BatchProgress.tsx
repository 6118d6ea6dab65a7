import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import type { OperationProgress } from '../../../shared/schemas/operations';
import { WorkProgress } from '../../components/WorkProgress';
import { useOperationProgress } from '../../lib/use-operation-progress';

/** While GENERATE VOUCHER makes a batch: how many vouchers are made so far (a large batch takes seconds). */
export function BatchProgress({ operationId }: { operationId: string }) {
  const { t } = useTranslation();
  const progress = useOperationProgress(operationId);
  return <WorkProgress progress={progress} label={t('issue.progress.label')} text={progressText(progress, t)} reveal />;
}

function progressText(progress: OperationProgress | null, t: TFunction): string {
  switch (progress?.stage) {
    case 'waiting':
      return t('issue.progress.waiting');
    case 'writing':
      return progress.done < progress.total ? t('issue.progress.writing', { done: progress.done, count: progress.total }) : t('issue.progress.finishing');
    case 'indexing':
    case 'done':
      return t('issue.progress.finishing');
    default:
      return t('issue.generating');
  }
}
