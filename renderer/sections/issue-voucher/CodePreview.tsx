import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CodePreview as Preview } from '../../../shared/schemas/vouchers';
import { call } from '../../lib/api';
import { svgDataUrl } from '../../lib/file-base64';

/** The code as text, QR code and Code 128, as it will be printed (drawn by the barcode engine). */
export function CodePreview({ code, example }: { code: string; example: boolean }) {
  const { t } = useTranslation();
  const [preview, setPreview] = useState<Preview | null>(null);
  useEffect(() => {
    let live = true;
    if (!code) {
      setPreview(null);
      return;
    }
    call('vouchers.previewCode', { code }).then(
      (p) => live && setPreview(p),
      () => live && setPreview(null),
    );
    return () => {
      live = false;
    };
  }, [code]);
  if (!preview) return null;
  return (
    <figure className="code-preview" data-testid="code-preview">
      <img src={svgDataUrl(preview.qrSvg)} alt={t('issue.code.qr')} width={120} height={120} />
      <div>
        <div className="mono code-preview__text" dir="ltr">
          {preview.text}
        </div>
        <img src={svgDataUrl(preview.barcodeSvg)} alt={t('issue.code.barcode')} className="code-preview__bars" />
        {example && <figcaption className="muted small">{t('issue.code.example')}</figcaption>}
      </div>
    </figure>
  );
}
