/**
 * The Apps Script server. esbuild bundles this module into dist/Code.js as an
 * IIFE and appends a top-level function for each name in SERVER_FUNCTIONS,
 * because Apps Script only sees top-level function declarations. Every export
 * stays synchronous and returns JSON-safe values only.
 */
import { assessNow, onInstall, onOpen, openSidebar } from './menu';
import { saveMapping as storeMapping } from './mapping';
import { getWorkbook as readWorkbook } from './read';
import { ensureRulesSheet as createRulesSheet, markRuleProblems as markProblems, replaceRulesSheet as importRules, writeRuleRow as writeRule } from './rules-sheet';
import { serve } from './rpc';
import { getRulesLog as readRulesLog, recordRulesVersion as recordVersion } from './rules-log';
import { selectCell as activateCell } from './select';
import { writeRun } from './run';

export { assessNow, onInstall, onOpen, openSidebar };
export const getWorkbook = serve('getWorkbook', readWorkbook);
export const saveMapping = serve('saveMapping', storeMapping);
export const writeResults = serve('writeResults', writeRun);
export const selectCell = serve('selectCell', activateCell);
export const ensureRulesSheet = serve('ensureRulesSheet', createRulesSheet);
export const markRuleProblems = serve('markRuleProblems', markProblems);
export const writeRuleRow = serve('writeRuleRow', writeRule);
export const recordRulesVersion = serve('recordRulesVersion', recordVersion);
export const getRulesLog = serve('getRulesLog', readRulesLog);
export const replaceRulesSheet = serve('replaceRulesSheet', importRules);
