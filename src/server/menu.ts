import { t } from '../core/messages';
import { AUTORUN_ATTRIBUTE } from '../rpc/contract';

/** The HTML file clasp pushes from dist/: Sidebar.html. */
const SIDEBAR_FILE = 'Sidebar';

/**
 * Runs on every open, possibly in AuthMode.NONE where the spreadsheet, the
 * properties and everything else are off limits: build the menu, nothing more.
 */
export function onOpen(_event?: GoogleAppsScript.Events.SheetsOnOpen): void {
  SpreadsheetApp.getUi()
    .createAddonMenu()
    .addItem(t('menuOpenSidebar'), 'openSidebar')
    .addItem(t('menuAssessNow'), 'assessNow')
    .addToUi();
}

/** Installing from the Marketplace does not fire onOpen for the open document. */
export function onInstall(event?: GoogleAppsScript.Events.AddonOnInstall): void {
  onOpen(event as GoogleAppsScript.Events.SheetsOnOpen | undefined);
}

function showSidebar(html: GoogleAppsScript.HTML.HtmlOutput): void {
  SpreadsheetApp.getUi().showSidebar(html.setTitle(t('addonTitle')));
}

export function openSidebar(): void {
  showSidebar(HtmlService.createHtmlOutputFromFile(SIDEBAR_FILE));
}

/** The same sidebar, told by an attribute on its body to assess as soon as it has the workbook. */
export function assessNow(): void {
  const page = HtmlService.createHtmlOutputFromFile(SIDEBAR_FILE).getContent();
  showSidebar(HtmlService.createHtmlOutput(page.replace(/<body(?=[\s>])/, `<body ${AUTORUN_ATTRIBUTE}="1"`)));
}
