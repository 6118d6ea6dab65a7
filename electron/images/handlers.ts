import { AppError } from '../../shared/api/errors';
import type { Db } from '../db/client';
import { insertImage } from '../db/repos/images.repo';
import type { HandlersFor } from '../core/handler-types';
import { asBuffer } from '../isolation/protocol';
import type { WorkerHost } from '../isolation/worker-host';

const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

export function createImageHandlers(db: Db, worker: WorkerHost): HandlersFor<'images.import'> {
  return {
    'images.import': async ({ base64, fileName }, ctx) => {
      const compact = base64.replace(/\s+/g, '');
      if (!BASE64.test(compact) || compact.length % 4 === 1) {
        throw new AppError('invalid_input', 'image.notBase64', { field: 'base64' });
      }
      // decoding and checking run in the isolated worker (sharp, heic-decode, the SVG parser): a picture that
      // aborts a decoder or exhausts its memory fails this upload, not the app
      const image = await worker.run('image.clean', { bytes: Buffer.from(compact, 'base64'), ...(fileName ? { fileName } : {}) });
      insertImage(db, { ...image, bytes: asBuffer(image.bytes), createdAt: ctx.now() });
      return { id: image.id, mime: image.mime, width: image.width, height: image.height };
    },
  };
}
