import { useMemo } from 'react';
import dayjs from 'dayjs';
import { useLanguage } from '../../i18n/useLanguage';

/**
 * Number, money and date formatting in the UI language. Money without a currency (dashboard totals, which
 * may mix currencies) is shown as a plain grouped number with two decimals.
 */
export function useFormatters() {
  const [language] = useLanguage();
  return useMemo(() => {
    const number = new Intl.NumberFormat(language, { maximumFractionDigits: 2 });
    const amount = new Intl.NumberFormat(language, { minimumFractionDigits: 2, maximumFractionDigits: 2 });
    const compact = new Intl.NumberFormat(language, { notation: 'compact', maximumFractionDigits: 1 });
    const percent = new Intl.NumberFormat(language, { style: 'percent', maximumFractionDigits: 1 });
    const sixDigits = new Intl.NumberFormat(language, { maximumSignificantDigits: 6 });
    const decimals = new Map<number, Intl.NumberFormat>();
    const decimal = (digits: number) => {
      let format = decimals.get(digits);
      if (!format) decimals.set(digits, (format = new Intl.NumberFormat(language, { minimumFractionDigits: digits, maximumFractionDigits: digits })));
      return format;
    };
    const currencies = new Map<string, Intl.NumberFormat>();
    const currency = (code: string) => {
      let format = currencies.get(code);
      if (!format) {
        try {
          format = new Intl.NumberFormat(language, { style: 'currency', currency: code });
        } catch {
          format = amount;
        }
        currencies.set(code, format);
      }
      return format;
    };
    const valid = (value: string | null | undefined) => value !== null && value !== undefined && dayjs(value).isValid();
    return {
      number: (value: number | null | undefined) => (value === null || value === undefined ? '—' : number.format(value)),
      compact: (value: number) => compact.format(value),
      /** A share (0.25) as a percentage ("25%"). */
      percent: (value: number | null | undefined) => (value === null || value === undefined || !Number.isFinite(value) ? '—' : percent.format(value)),
      /** At most six significant digits: figures stored that way (a customer's CLTV parts), without false decimals. */
      significant: (value: number | null | undefined) => (value === null || value === undefined || !Number.isFinite(value) ? '—' : sixDigits.format(value)),
      /** A number with a fixed count of decimals (model parameters, ratios). */
      fixed: (value: number | null | undefined, digits = 2) =>
        value === null || value === undefined || !Number.isFinite(value) ? '—' : decimal(digits).format(value),
      money: (value: number | null | undefined, code?: string | null) =>
        value === null || value === undefined ? '—' : code ? currency(code).format(value) : amount.format(value),
      date: (value: string | null | undefined) => (valid(value) ? dayjs(value).format('YYYY-MM-DD') : '—'),
      dateTime: (value: string | null | undefined) => (valid(value) ? dayjs(value).format('YYYY-MM-DD HH:mm') : '—'),
      fromNow: (value: string | null | undefined) => (valid(value) ? dayjs(value).fromNow() : '—'),
    };
  }, [language]);
}
