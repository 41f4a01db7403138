import { describe, expect, it } from 'vitest';
import { t } from '../../src/core/messages';
import { SPREADSHEET_SERVICES } from '../../src/node/gas/index';
import { ledgerWorkbook } from './ledger-fixture';
import { sandboxOf, sheetState, shippedSidebar, workbookOf } from './harness';

const MENU = [
  { caption: t('menuOpenSidebar'), functionName: 'openSidebar' },
  { caption: t('menuAssessNow'), functionName: 'assessNow' },
];

describe('the add-on menu', () => {
  it('onOpen in AuthMode.NONE builds the menu and touches nothing else', async () => {
    const sandbox = sandboxOf(await workbookOf(ledgerWorkbook(10)));
    const before = sheetState(sandbox.workbook, '2024年5月驻村干部台账');
    sandbox.trigger('onOpen', 'NONE');
    expect(sandbox.menus).toEqual([{ title: '台账考评', items: MENU }]);
    expect(Object.keys(sandbox.calls.byMethod()).sort()).toEqual(['Menu.addItem', 'Menu.addToUi', 'SpreadsheetApp.getUi', 'Ui.createAddonMenu']);
    expect(sandbox.calls.total(SPREADSHEET_SERVICES)).toBe(1);
    expect(sheetState(sandbox.workbook, '2024年5月驻村干部台账')).toEqual(before);
    for (const item of MENU) expect(sandbox.hasFunction(item.functionName)).toBe(true);
  });

  it('the NONE mode of the fakes refuses everything but the menu, so the check above can fail', async () => {
    const sandbox = sandboxOf(await workbookOf(ledgerWorkbook(3)));
    sandbox.calls.authMode = 'NONE';
    expect(() => sandbox.call('getWorkbook')).toThrow(/SpreadsheetApp\.getActiveSpreadsheet/);
    expect(() => sandbox.call('openSidebar')).toThrow(/HtmlService\.createHtmlOutputFromFile/);
  });

  it('onInstall builds the same menu', async () => {
    const sandbox = sandboxOf(await workbookOf(ledgerWorkbook(3)));
    sandbox.trigger('onInstall', 'FULL');
    expect(sandbox.menus).toEqual([{ title: '台账考评', items: MENU }]);
  });

  it('打开侧边栏 shows the exact dist/Sidebar.html titled 台账考评', async () => {
    const sandbox = sandboxOf(await workbookOf(ledgerWorkbook(3)));
    sandbox.call('openSidebar');
    expect(sandbox.sidebar?.title).toBe('台账考评');
    expect(sandbox.sidebar?.html).toBe(shippedSidebar());
  });

  it('立即考评 shows the same sidebar with its body marked to run at once', async () => {
    const sandbox = sandboxOf(await workbookOf(ledgerWorkbook(3)));
    sandbox.call('assessNow');
    const html = sandbox.sidebar!.html;
    expect(html).toMatch(/<body data-autorun="1"[\s>]/);
    expect(html.replace(' data-autorun="1"', '')).toBe(shippedSidebar());
    expect(sandbox.sidebar?.title).toBe('台账考评');
  });
});
