import { contract, isMethodName } from '../../shared/api/contract';
import { AppError } from '../../shared/api/errors';
import { apiError } from '../../shared/api/api-error';
import { fail, ok, type Result } from '../../shared/api/result';
import { zodErrorToApiError } from '../../shared/api/validation';
import { busyAsStorageError } from '../db/storage-error';
import type { OperationProgress } from '../../shared/schemas/operations';
import type { CallContext, Handlers } from './handler-types';
import type { ProgressBoard } from './progress-board';

/**
 * The single entry point both hosts use: unknown method -> clear error; input parsed with the
 * contract's zod schema before any handler runs; every failure becomes `{ ok: false, error }`.
 */
export function createDispatcher(handlers: Handlers, logError: (error: unknown) => void = console.error, progress?: ProgressBoard) {
  return async function dispatch(method: unknown, input: unknown, ctx: CallContext): Promise<Result<unknown>> {
    if (!isMethodName(method)) {
      const shown = typeof method === 'string' ? method.slice(0, 80) : typeof method;
      return fail(apiError('unknown_method', 'api.unknownMethod', { method: shown }));
    }
    const parsed = contract[method].input.safeParse(input === undefined ? {} : input);
    if (!parsed.success) return fail(zodErrorToApiError(parsed.error));
    // a call naming an operation reports its progress under that id until it answers
    const operationId = (parsed.data as { operationId?: unknown }).operationId;
    const tracked = progress && typeof operationId === 'string' ? operationId : null;
    try {
      const handler = handlers[method] as (input: unknown, ctx: CallContext) => unknown;
      const context = tracked ? { ...ctx, progress: (p: OperationProgress) => progress!.report(tracked, p) } : ctx;
      return ok(await handler(parsed.data, context));
    } catch (thrown) {
      // SQLITE_BUSY: a long write holds the database; the caller gets a readable answer, not an internal error
      const error = busyAsStorageError(thrown) ?? thrown;
      if (error instanceof AppError) {
        return fail({
          code: error.code,
          message: error.message,
          key: `apiErrors.${error.key}`,
          ...(Object.keys(error.params).length > 0 ? { params: error.params } : {}),
          ...(error.field ? { field: error.field } : {}),
        });
      }
      logError(error);
      return fail(apiError('internal', 'api.internal'));
    } finally {
      if (tracked) progress!.finish(tracked);
    }
  };
}

export type Dispatch = ReturnType<typeof createDispatcher>;
