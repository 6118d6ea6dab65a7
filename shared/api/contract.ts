import type { z } from 'zod';
import { defineMethod } from './define-method';
import { noInput } from '../schemas/common';
import { settingsPatchSchema, type Settings } from '../schemas/settings';
import type { AppInfo } from '../schemas/app-info';

/**
 * THE API contract: every method either host exposes, by `domain.verb` name.
 * The Electron IPC bridge and the browser host both register exactly these.
 */
export const contract = {
  'app.info': defineMethod<AppInfo>()(noInput),
  'settings.get': defineMethod<Settings>()(noInput),
  'settings.set': defineMethod<Settings>()(settingsPatchSchema),
};

export type Contract = typeof contract;
export type MethodName = keyof Contract;
export type MethodInput<K extends MethodName> = z.input<Contract[K]['input']>;
export type ParsedInput<K extends MethodName> = z.output<Contract[K]['input']>;
export type MethodOutput<K extends MethodName> = NonNullable<Contract[K]['output']>['type'];

export const METHOD_NAMES = Object.keys(contract) as MethodName[];

export function isMethodName(name: unknown): name is MethodName {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(contract, name);
}
