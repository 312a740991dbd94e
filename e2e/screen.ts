// What an end-to-end test does on a screen, the same in every file: open a page in a language, wait for it to
// settle before a screenshot, find a form's input, pick in a Select, read a table's rows.
import { expect } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import type { Language } from './demo-server.js';

/** Opens a page in a language (kept in localStorage, as the language switch does). */
export async function openIn(page: Page, path: string, language: Language) {
  await page.evaluate((l) => localStorage.setItem('relata.language', l), language);
  await page.goto(path);
}

/**
 * Waits for spinners, skeletons and chart animations to end, for a screenshot of the settled screen: scrolled to
 * the top (a full-page shot of a scrolled page draws the sticky header and menu half-way down) unless `top` is
 * false, no tooltip left open by the last hover, the menu at its full width (a full-page shot resizes the window,
 * which can set off its responsive collapse); with `noToasts`, no "saved" or "moved" toast over the page either.
 */
export async function settled(page: Page, { top = true, noToasts = false }: { top?: boolean; noToasts?: boolean } = {}) {
  await expect.poll(() => page.locator('.ant-spin-spinning, .ant-skeleton-active').count(), { timeout: 30_000 }).toBe(0);
  if (noToasts) await expect.poll(() => page.locator('.ant-message-notice').count(), { timeout: 10_000 }).toBe(0);
  if (top) await page.evaluate(() => window.scrollTo(0, 0));
  await page.mouse.move(1, 1);
  await expect.poll(() => page.locator('.app-sider').evaluate((e) => Math.round(e.getBoundingClientRect().width)), { timeout: 10_000 }).toBe(216);
  await page.waitForTimeout(800);
}

/** The input inside a test id'd control (antd puts some test ids on the input, some on its wrapper). */
export const inputOf = (control: Locator) => control.locator('xpath=self::input | self::textarea | .//input | .//textarea').first();

/** Opens a Select by its test id, types a search (if any) and picks the first option that shows `option`. */
export async function pick(page: Page, testId: string, search: string, option: string) {
  await page.getByTestId(testId).click();
  if (search) await page.keyboard.type(search);
  await page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option', { hasText: option }).first().click();
}

/** The rows of a test id'd table. */
export const tableRows = (page: Page, testId: string) => page.getByTestId(testId).locator('tbody tr.ant-table-row');
