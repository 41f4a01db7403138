import { t } from '../messages';

/** The sheet the add-on writes the rules into and reads them from on every run; never a ledger. */
export const RULES_SHEET = t('rsSheet');
