import { z } from 'zod';

/** A bounded, trimmed text field. Every string in the contract has an upper bound. */
export const text = (max: number) => z.string().trim().max(max, { message: `At most ${max} characters.` });

/** A bounded text field that must not be empty after trimming. */
export const requiredText = (max: number) =>
  z.string().trim().min(1, { message: 'Required.' }).max(max, { message: `At most ${max} characters.` });

/** Input for methods that take nothing. Unknown keys are refused like everywhere else. */
export const noInput = z.strictObject({});
