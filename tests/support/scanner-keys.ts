import type { KeyName } from '../../shared/domain/keyboard-layouts/us-qwerty';
import { dubeolsikSteps, keyPresses, typedBy, type KeyPress, type TypingLayout } from './keyboard-typing';

/**
 * A keyboard-wedge scanner typing through an OS keyboard layout, driven over the Chrome DevTools Protocol
 * (Input.dispatchKeyEvent for keys, Input.imeSetComposition / Input.insertText for the Korean IME), as
 * Chromium receives it from the OS: a key event per key carrying the physical key (`code`) and the
 * character the layout made of it. Needs only a CDP session's `send`.
 */
export interface CdpSend {
  send(method: string, params?: Record<string, unknown>): Promise<unknown>;
}

/** How the Enter ending a Korean scan reaches Chromium while a syllable is still being composed. */
export type ImeEnter =
  /** Windows: keydown 229 during composition, the IME commits, no second Enter. */
  | 'windows'
  /** macOS: keydown 229 during composition, the IME commits, then a second, plain Enter. */
  | 'mac';

const SHIFT = 8;
/** DOM `code` and Windows virtual key code of each key. */
const DOM_KEYS: Record<KeyName, [string, number]> = {
  TLDE: ['Backquote', 192], AE01: ['Digit1', 49], AE02: ['Digit2', 50], AE03: ['Digit3', 51], AE04: ['Digit4', 52],
  AE05: ['Digit5', 53], AE06: ['Digit6', 54], AE07: ['Digit7', 55], AE08: ['Digit8', 56], AE09: ['Digit9', 57],
  AE10: ['Digit0', 48], AE11: ['Minus', 189], AE12: ['Equal', 187],
  AD01: ['KeyQ', 81], AD02: ['KeyW', 87], AD03: ['KeyE', 69], AD04: ['KeyR', 82], AD05: ['KeyT', 84], AD06: ['KeyY', 89],
  AD07: ['KeyU', 85], AD08: ['KeyI', 73], AD09: ['KeyO', 79], AD10: ['KeyP', 80], AD11: ['BracketLeft', 219], AD12: ['BracketRight', 221],
  AC01: ['KeyA', 65], AC02: ['KeyS', 83], AC03: ['KeyD', 68], AC04: ['KeyF', 70], AC05: ['KeyG', 71], AC06: ['KeyH', 72],
  AC07: ['KeyJ', 74], AC08: ['KeyK', 75], AC09: ['KeyL', 76], AC10: ['Semicolon', 186], AC11: ['Quote', 222],
  AB01: ['KeyZ', 90], AB02: ['KeyX', 88], AB03: ['KeyC', 67], AB04: ['KeyV', 86], AB05: ['KeyB', 66], AB06: ['KeyN', 78],
  AB07: ['KeyM', 77], AB08: ['Comma', 188], AB09: ['Period', 190], AB10: ['Slash', 191], BKSL: ['Backslash', 220],
};

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function withShift(cdp: CdpSend, press: KeyPress, type: () => Promise<void>): Promise<void> {
  if (press.shift) await cdp.send('Input.dispatchKeyEvent', { type: 'rawKeyDown', key: 'Shift', code: 'ShiftLeft', windowsVirtualKeyCode: 16, modifiers: SHIFT });
  await type();
  if (press.shift) await cdp.send('Input.dispatchKeyEvent', { type: 'keyUp', key: 'Shift', code: 'ShiftLeft', windowsVirtualKeyCode: 16 });
}

/** A key that types `text` directly (no IME): keydown with the text, keyup. */
async function typeKey(cdp: CdpSend, press: KeyPress, text: string): Promise<void> {
  const [code, keyCode] = DOM_KEYS[press.key];
  const modifiers = press.shift ? SHIFT : 0;
  await withShift(cdp, press, async () => {
    await cdp.send('Input.dispatchKeyEvent', { type: 'keyDown', key: text, code, windowsVirtualKeyCode: keyCode, text, unmodifiedText: text, modifiers });
    await cdp.send('Input.dispatchKeyEvent', { type: 'keyUp', key: text, code, windowsVirtualKeyCode: keyCode, modifiers });
  });
}

async function plainEnter(cdp: CdpSend): Promise<void> {
  await cdp.send('Input.dispatchKeyEvent', { type: 'keyDown', key: 'Enter', code: 'Enter', windowsVirtualKeyCode: 13, text: '\r', unmodifiedText: '\r' });
  await cdp.send('Input.dispatchKeyEvent', { type: 'keyUp', key: 'Enter', code: 'Enter', windowsVirtualKeyCode: 13 });
}

/**
 * Types a US-QWERTY text (a code or token) through `layout`, a few milliseconds per key as a scanner does.
 * Korean goes through IME composition; returns the syllable still being composed at the end ('' if none).
 */
export async function typeKeys(cdp: CdpSend, layout: TypingLayout, text: string, msPerKey = 3): Promise<string> {
  if (layout !== 'korean-dubeolsik') {
    for (const press of keyPresses(text)) {
      await typeKey(cdp, press, typedBy(layout, press));
      await pause(msPerKey);
    }
    return '';
  }
  let composition = '';
  for (const step of dubeolsikSteps(text)) {
    const [code, keyCode] = DOM_KEYS[step.press.key];
    const modifiers = step.press.shift ? SHIFT : 0;
    if (step.direct) {
      // a key the IME does not compose: it commits the syllable, then types itself
      if (step.commit) await cdp.send('Input.insertText', { text: step.commit });
      await typeKey(cdp, step.press, step.direct);
    } else {
      await withShift(cdp, step.press, async () => {
        await cdp.send('Input.dispatchKeyEvent', { type: 'rawKeyDown', key: 'Process', code, windowsVirtualKeyCode: 229, modifiers });
        if (step.commit) await cdp.send('Input.insertText', { text: step.commit });
        if (step.composition) {
          await cdp.send('Input.imeSetComposition', { text: step.composition, selectionStart: step.composition.length, selectionEnd: step.composition.length });
        }
        await cdp.send('Input.dispatchKeyEvent', { type: 'keyUp', key: step.composition.at(-1) ?? 'Process', code, windowsVirtualKeyCode: keyCode, modifiers });
      });
    }
    composition = step.composition;
    await pause(msPerKey);
  }
  return composition;
}

/** The scanner's Enter; while a syllable is being composed the IME takes it first (see ImeEnter). */
export async function pressEnter(cdp: CdpSend, composition: string, imeEnter: ImeEnter = 'windows'): Promise<void> {
  if (!composition) {
    await plainEnter(cdp);
    return;
  }
  await cdp.send('Input.dispatchKeyEvent', { type: 'rawKeyDown', key: imeEnter === 'mac' ? 'Enter' : 'Process', code: 'Enter', windowsVirtualKeyCode: 229 });
  await cdp.send('Input.insertText', { text: composition });
  if (imeEnter === 'mac') await plainEnter(cdp);
  else await cdp.send('Input.dispatchKeyEvent', { type: 'keyUp', key: 'Enter', code: 'Enter', windowsVirtualKeyCode: 13 });
}

/** A whole scan: the keys, a few milliseconds apart, then Enter. */
export async function scanThrough(cdp: CdpSend, layout: TypingLayout, text: string, options: { msPerKey?: number; imeEnter?: ImeEnter } = {}): Promise<void> {
  await pressEnter(cdp, await typeKeys(cdp, layout, text, options.msPerKey), options.imeEnter);
}
