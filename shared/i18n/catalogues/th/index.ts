import about from './about.json';
import apiErrors from './apiErrors.json';
import app from './app.json';
import cards from './cards.json';
import coupon from './coupon.json';
import datePicker from './datePicker.json';
import errors from './errors.json';
import events from './events.json';
import issue from './issue.json';
import noAccess from './noAccess.json';
import platforms from './platforms.json';
import printers from './printers.json';
import printing from './printing.json';
import scan from './scan.json';
import sections from './sections.json';
import settings from './settings.json';
import sync from './sync.json';
import validation from './validation.json';
import vouchers from './vouchers.json';

/** The Thai catalogue, key for key the English one (plural keys in the language's own CLDR categories). */
export default { about, apiErrors, app, cards, coupon, datePicker, errors, events, issue, noAccess, platforms, printers, printing, scan, sections, settings, sync, validation, vouchers };
