import { AppError } from '../../shared/api/errors';
import type { Db } from '../db/client';
import { insertImage } from '../db/repos/images.repo';
import type { HandlersFor } from '../core/handler-types';

const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

export function createImageHandlers(db: Db): HandlersFor<'images.import'> {
  return {
    'images.import': async ({ base64, fileName }, ctx) => {
      const compact = base64.replace(/\s+/g, '');
      if (!BASE64.test(compact) || compact.length % 4 === 1) {
        throw new AppError('invalid_input', 'image.notBase64', { field: 'base64' });
      }
      // sharp, heic-decode and the SVG parser load on the first upload, not at start (~60 MB, ~0.4 s)
      const { processImage } = await import('./process-image');
      const image = await processImage(Buffer.from(compact, 'base64'), fileName);
      insertImage(db, { ...image, createdAt: ctx.now() });
      return { id: image.id, mime: image.mime, width: image.width, height: image.height };
    },
  };
}
