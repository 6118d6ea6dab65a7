import type { z } from 'zod';

/**
 * One entry of the API contract: the zod schema every input is parsed with, and the output type
 * (carried as a phantom type only, since outputs come from our own code).
 */
export interface MethodSpec<I extends z.ZodType, O> {
  readonly input: I;
  /** Type-level only: never set at run time. */
  readonly output?: { readonly type: O };
}

/** `defineMethod<Output>()(inputSchema)`: curried so the input type is inferred and the output named. */
export const defineMethod =
  <O>() =>
  <I extends z.ZodType>(input: I): MethodSpec<I, O> => ({ input });
