import type { MethodInput, MethodName } from '../../shared/api/contract';

/**
 * One valid input per API method. The bad-input test derives its malformed inputs from these, and
 * fails when a method of the contract has no entry here.
 */
export const VALID_INPUTS: { [K in MethodName]: MethodInput<K> } = {
  'app.info': {},
  'settings.get': {},
  'settings.set': { shopName: 'Corner Café', timeZone: 'Asia/Bangkok', locale: 'en' },
};
