import { describe, expect, it } from 'vitest';
import { suggestMapping } from './column-matching.js';

const mapped = (m: Record<string, string | null>) => Object.fromEntries(Object.entries(m).filter(([, v]) => v !== null));

describe('suggested mappings', () => {
  it('maps the Online Retail and CDNOW headers', () => {
    expect(
      mapped(suggestMapping('orders', ['InvoiceNo', 'StockCode', 'Description', 'Quantity', 'InvoiceDate', 'UnitPrice', 'CustomerID', 'Country', 'TotalPrice'])),
    ).toEqual({
      order: 'InvoiceNo',
      sku: 'StockCode',
      product_name: 'Description',
      quantity: 'Quantity',
      date: 'InvoiceDate',
      unit_price: 'UnitPrice',
      account: 'CustomerID',
      country: 'Country',
    });
    expect(mapped(suggestMapping('orders', ['customer_id', 'date', 'number_of_cds', 'dollar_value']))).toEqual({
      account: 'customer_id',
      date: 'date',
      quantity: 'number_of_cds',
      amount: 'dollar_value',
    });
  });

  it('prefers a column named like the field, and gives each column to one field', () => {
    const m = suggestMapping('products', ['Price', 'List Price', 'Name', 'SKU']);
    expect(m.list_price).toBe('List Price');
    expect(m.name).toBe('Name');
    expect(m.sku).toBe('SKU');
    expect(Object.keys(m)).toEqual(['sku', 'name', 'category', 'list_price', 'unit_cost', 'value_added', 'launch_date']);
    expect(suggestMapping('accounts', ['Customer ID', 'Company']).external_id).toBe('Customer ID');
  });
});
