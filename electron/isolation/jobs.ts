import { asBuffer, type JobKind, type Jobs } from './protocol';

/** The worker's side of each job. The libraries load on the first job of their kind, after the memory cap is set. */
export async function runJob(kind: JobKind, input: unknown): Promise<Jobs[JobKind]['output']> {
  switch (kind) {
    case 'image.clean': {
      const { processImage } = await import('../images/process-image');
      const { bytes, fileName } = input as Jobs['image.clean']['input'];
      return processImage(asBuffer(bytes), fileName);
    }
    case 'coupons.draw': {
      const { drawCoupons } = await import('./draw-coupons');
      return drawCoupons(input as Jobs['coupons.draw']['input']);
    }
    case 'receipt.draw': {
      const { drawReceipts } = await import('./draw-receipts');
      return drawReceipts(input as Jobs['receipt.draw']['input']);
    }
  }
}
