import { t } from '../messages';

/** The sheet the add-on writes the rules into and reads them from on every run; never a ledger. */
export const RULES_SHEET = t('rsSheet');

/**
 * The hidden sheet the rules log lives in (the rules of the last runs). The
 * add-on's alone, like the result sheets, but no result table may target it.
 */
export const LOG_SHEET = t('rulesLogSheet');
