import { z } from 'zod';
import { says } from './messages';
import { hasLoneSurrogate, hasNul, withoutBidiControls } from '../domain/text-hygiene';

/**
 * Any string input: refuses a lone UTF-16 surrogate (JSON and IPC can carry one, no file or printer can) and NUL.
 * Every string in the contract is one of these, or one of the texts below built on it.
 */
export const plainString = () =>
  z
    .string()
    .refine((value) => !hasLoneSurrogate(value), says('brokenCharacter'))
    .refine((value) => !hasNul(value), says('nulCharacter'));

/**
 * A bounded, trimmed text field: message texts, descriptions, file names, search queries. Every string in the
 * contract has an upper bound. Bidi controls stay: a writer of mixed-direction text may need them, and the
 * screens isolate such text.
 */
export const text = (max: number) => plainString().trim().max(max, says('tooLong'));

/** A bounded text field that must not be empty after trimming. */
export const requiredText = (max: number) => plainString().trim().min(1, says('required')).max(max, says('tooLong'));

/**
 * A name, title, reason or seat name: like `text`, without the bidi embedding, override and isolate controls
 * (U+202A–U+202E, U+2066–U+2069) that let "\u202Eevil.exe\u202C" show reversed. They are dropped rather than refused:
 * nobody can see them to remove them, and the screens isolate user text by markup. ZWJ and ZWNJ stay.
 */
export const nameText = (max: number) => plainString().overwrite(withoutBidiControls).trim().max(max, says('tooLong'));

/** A name, title, reason or seat name that must not be empty once trimmed (and rid of bidi controls). */
export const requiredName = (max: number, required = says('required')) =>
  plainString().overwrite(withoutBidiControls).trim().min(1, required).max(max, says('tooLong'));

/** A search query: other text, but without bidi controls, which names never hold, so a pasted name still matches. */
export const searchText = (max: number) => nameText(max);

/** Input for methods that take nothing. Unknown keys are refused like everywhere else. */
export const noInput = z.strictObject({});
