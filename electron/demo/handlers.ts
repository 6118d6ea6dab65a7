import type { Db } from '../db/client';
import type { HandlersFor } from '../core/handler-types';
import { loadDemoShop } from './load-demo';

export function createDemoHandlers(db: Db): HandlersFor<'demo.load'> {
  return {
    'demo.load': (_input, ctx) => loadDemoShop(db, ctx.now()),
  };
}
