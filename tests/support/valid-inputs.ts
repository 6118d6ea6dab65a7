import type { MethodInput, MethodName } from '../../shared/api/contract';

/**
 * One valid input per API method. The bad-input test derives its malformed inputs from these, and
 * fails when a method of the contract has no entry here.
 */
export const VALID_INPUTS: { [K in MethodName]: MethodInput<K> } = {
  'app.info': {},
  'operations.progress': { id: 'import-0001' },
  'settings.get': {},
  'settings.set': { shopName: 'Corner Café', timeZone: 'Asia/Bangkok', locale: 'en', cardPageBaseUrl: 'https://cards.example.com/c/' },
  'cards.search': {
    query: 'somchai',
    filter: { platforms: ['apple'], progress: ['collecting'], createdFrom: 0 },
    sort: { by: 'name', direction: 'asc' },
    limit: 20,
  },
  'cards.get': { id: 100001 },
  'cards.history': { id: 100001, limit: 10 },
  'cards.delete': { id: 100001 },
  'cards.adjustStamps': { id: 100001, delta: 1, reason: 'Forgot to stamp on Monday' },
  'cards.sendMessage': { id: 100001, push: 'Free coffee today!', email: { subject: 'Hello', body: 'Come by this week.' } },
  'cards.importCsv': {
    csv: 'card_id,name,email,phone,template_id,template_version,stamps,goal,platforms,created_at,last_stamp_at\r\n',
    dryRun: true,
  },
  'cards.exportCsv': { query: 'kim', filter: { platforms: ['web'] } },
  'cards.exportHistoryCsv': { id: 100001 },
  'cards.openPublicPage': { id: 100001 },
  'templates.list': {},
  'demo.load': {},
  // a 1×1 white PNG
  'images.import': {
    base64: 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAIAAACQd1PeAAAADElEQVR4nGP4//8/AAX+Av4N70a4AAAAAElFTkSuQmCC',
    fileName: 'dot.png',
  },
  'vouchers.issue': {
    title: 'Sorry the order arrived cold',
    description: 'A free coffee on us',
    redeemCode: { kind: 'generated' },
    validity: { kind: 'days', days: 30 },
    quantity: 2,
  },
  'vouchers.redeem': { input: 'FREECOFFEE' },
  'vouchers.get': { id: 1 },
  'vouchers.list': { query: 'coffee', status: ['active'], source: 'free', limit: 20 },
  'vouchers.listGrouped': { query: 'coffee', status: ['active'], source: 'free', limit: 20 },
  'vouchers.void': { id: 1, reason: 'Printed by mistake' },
  'vouchers.exportCsv': { batchId: 1 },
  'vouchers.render': { id: 1, format: 'png' },
  'vouchers.previewCode': { code: 'FREECOFFEE' },
  'scan.submit': { input: '113772' },
  'cards.addStamp': { id: 100001 },
  'scan.status': {},
  'scan.endPause': { pauseId: 1 },
};
