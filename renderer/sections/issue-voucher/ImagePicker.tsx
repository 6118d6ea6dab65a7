import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ImportedImage } from '../../../shared/schemas/vouchers';
import { call } from '../../lib/api';
import { errorText } from '../../lib/error-text';
import { fileToBase64 } from '../../lib/file-base64';

export const IMAGE_ACCEPT = '.png,.jpg,.jpeg,.webp,.svg,.heic,.heif,.avif,image/png,image/jpeg,image/webp,image/svg+xml,image/heic,image/heif,image/avif';

export interface PickedImage extends ImportedImage {
  preview: string;
}

interface Props {
  value: PickedImage | null;
  onChange(image: PickedImage | null): void;
}

/** Upload one file (chooser, drop, or Ctrl+V handled by the form) and show what the server kept. */
export async function uploadImage(file: File): Promise<PickedImage> {
  const imported = await call('images.import', { base64: await fileToBase64(file), fileName: file.name || undefined });
  return { ...imported, preview: URL.createObjectURL(file) };
}

/** Image: a chooser and a drop zone with a preview and a remove button. */
export function ImagePicker({ value, onChange }: Props) {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const take = async (file: File | undefined) => {
    if (!file) return;
    setBusy(true);
    setError(null);
    try {
      onChange(await uploadImage(file));
    } catch (e) {
      setError(errorText(e, t));
    } finally {
      setBusy(false);
    }
  };
  return (
    <div>
      {value ? (
        <div className="image-preview">
          <img src={value.preview} alt={t('issue.image.preview')} data-testid="image-preview" />
          <span className="muted">
            {t('issue.image.size', { width: value.width, height: value.height, type: value.mime.replace('image/', '').replace('svg+xml', 'svg').toUpperCase() })}
          </span>
          <button type="button" className="button button--small" onClick={() => onChange(null)}>
            {t('issue.image.remove')}
          </button>
        </div>
      ) : (
        <label
          className="file-drop"
          onDragOver={(e) => e.preventDefault()}
          onDrop={(e) => {
            e.preventDefault();
            void take(e.dataTransfer.files[0]);
          }}
        >
          <span>{busy ? t('app.loading') : t('issue.image.choose')}</span>
          <span className="muted small">{t('issue.image.formats')}</span>
          <input type="file" accept={IMAGE_ACCEPT} aria-label={t('issue.image.label')} onChange={(e) => void take(e.target.files?.[0])} />
        </label>
      )}
      {error && (
        <div className="field__error" role="alert">
          {error}
        </div>
      )}
    </div>
  );
}
