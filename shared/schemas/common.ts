import { z } from 'zod';
import { says } from './messages';

/** A bounded, trimmed text field. Every string in the contract has an upper bound. */
export const text = (max: number) => z.string().trim().max(max, says('tooLong'));

/** A bounded text field that must not be empty after trimming. */
export const requiredText = (max: number) =>
  z.string().trim().min(1, says('required')).max(max, says('tooLong'));

/** Input for methods that take nothing. Unknown keys are refused like everywhere else. */
export const noInput = z.strictObject({});
