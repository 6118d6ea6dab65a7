import { formatRedeemCode, normalizeStaticInput } from '../../shared/domain/redeem-code';
import type { Db } from '../db/client';
import type { HandlersFor } from '../core/handler-types';
import type { WorkerHost } from '../isolation/worker-host';
import { code128Svg, qrSvg } from '../barcodes/svg';
import { addScanStamp, submitScan } from '../scan/scan-service';
import { issueVouchersPaced } from './issue-vouchers';
import { redeemVoucher } from './redeem-voucher';
import { exportCodesCsv } from './voucher-files';
import { getVoucherDetails, listVoucherPage, voidVoucher } from './voucher-service';
import { listVoucherRows } from './voucher-rows';
import type { RedeemAskingCloud } from '../sync/online-redeem';

type VoucherMethods =
  | 'vouchers.issue'
  | 'vouchers.redeem'
  | 'vouchers.get'
  | 'vouchers.list'
  | 'vouchers.listGrouped'
  | 'vouchers.void'
  | 'vouchers.exportCsv'
  | 'vouchers.render'
  | 'vouchers.previewCode'
  | 'scan.submit'
  | 'cards.addStamp';

/**
 * `askCloud` (the sync engine's online redemption, electron/sync/online-redeem.ts) lets the cloud decide a
 * redemption when it can be reached; without it the local decision is final.
 */
export function createVoucherHandlers(db: Db, resourcesDir: string, worker: WorkerHost, askCloud?: RedeemAskingCloud): HandlersFor<VoucherMethods> {
  return {
    'vouchers.issue': (input, ctx) => issueVouchersPaced(db, input, ctx),
    'vouchers.redeem': ({ input, voucherId }, ctx) =>
      askCloud ? askCloud(() => redeemVoucher(db, input, voucherId, ctx), ctx.now) : redeemVoucher(db, input, voucherId, ctx),
    'vouchers.get': ({ id }, ctx) => getVoucherDetails(db, id, ctx.now()),
    'vouchers.list': (input, ctx) => listVoucherPage(db, input, ctx.now()),
    'vouchers.listGrouped': (input, ctx) => listVoucherRows(db, input, ctx.now()),
    'vouchers.void': ({ id, reason }, ctx) => voidVoucher(db, id, reason, ctx),
    'vouchers.exportCsv': (request) => exportCodesCsv(db, request),
    // drawn in the isolated worker, which starts on the first download (the canvas and fonts load there)
    'vouchers.render': async (request, ctx) => (await import('./voucher-render')).renderVouchers(db, request, resourcesDir, worker, ctx.now()),
    // the live preview of a code in the Issue Voucher form: text, QR and Code 128
    'vouchers.previewCode': ({ code }) => {
      const text = formatRedeemCode(normalizeStaticInput(code));
      return { text, qrSvg: qrSvg(text), barcodeSvg: code128Svg(text) };
    },
    'scan.submit': async ({ input, voucherId }, ctx) => {
      if (!askCloud) return submitScan(db, input, voucherId, ctx);
      let scanned: ReturnType<typeof submitScan> | null = null;
      const result = await askCloud(() => {
        scanned = submitScan(db, input, voucherId, ctx);
        return scanned.kind === 'voucher' ? scanned.result : { outcome: 'unknown', message: '' };
      }, ctx.now);
      const done = scanned as ReturnType<typeof submitScan> | null;
      return done?.kind === 'voucher' ? { ...done, result } : done!;
    },
    'cards.addStamp': ({ id }, ctx) => addScanStamp(db, id, ctx),
  };
}
