import type { ImportKind } from './schema.js';

/**
 * The target fields a file's columns can be mapped to, per kind of import. `aliases` are column names
 * (compared after normalising: lower case, letters and digits only) that the upload suggests for the field;
 * they include the headers of the public data sets we test with (UCI Online Retail, CDNOW).
 */
export interface ImportField {
  name: string;
  label: string;
  required: boolean;
  aliases: string[];
}

const field = (name: string, label: string, aliases: string[] = [], required = false): ImportField => ({ name, label, required, aliases });

const orderFields: ImportField[] = [
  field('order', 'Order number', ['invoiceno', 'invoice', 'invoicenumber', 'orderno', 'ordernumber', 'orderid']),
  field('line', 'Line number', ['lineno', 'linenumber']),
  field('date', 'Order date', ['invoicedate', 'orderdate', 'orderedat', 'purchasedate', 'transactiondate'], true),
  field('account', 'Customer (external id)', ['customerid', 'customer', 'customerno', 'customernumber', 'accountid', 'externalid', 'clientid']),
  field('account_name', 'Customer name', ['customername', 'accountname', 'clientname']),
  field('country', 'Country'),
  field('sku', 'Product SKU', ['stockcode', 'productcode', 'itemcode', 'productid', 'article']),
  field('product_name', 'Product name', ['description', 'product', 'productdescription', 'itemname', 'item']),
  field('category', 'Product category', ['productcategory']),
  field('quantity', 'Quantity', ['qty', 'numberofcds', 'units'], true),
  field('unit_price', 'Unit price', ['unitprice', 'price']),
  field('amount', 'Line amount', ['dollarvalue', 'lineamount', 'linetotal', 'sales', 'value']),
  field('unit_cost', 'Unit cost', ['cost']),
  field('status', 'Order status', ['orderstatus']),
];

const accountFields: ImportField[] = [
  field('external_id', 'External id (customer number)', ['customerid', 'customerno', 'customernumber', 'accountid', 'id', 'code'], true),
  field('name', 'Name', ['accountname', 'customername', 'company', 'companyname', 'fullname'], true),
  field('kind', 'Kind (person / organisation)', ['type', 'accountkind']),
  field('customer_type', 'Customer type', ['customertype']),
  field('relationship_level', 'Relationship level', ['relationshiplevel', 'relationship']),
  field('email', 'Email', ['mail', 'emailaddress']),
  field('phone', 'Phone', ['telephone', 'tel', 'mobile', 'phonenumber']),
  field('industry', 'Industry', ['sector']),
  field('region', 'Region', ['state', 'province']),
  field('country', 'Country'),
  field('city', 'City', ['town']),
  field('address', 'Address', ['street', 'streetaddress']),
  field('tags', 'Tags (separated by |)', ['tag', 'labels']),
  field('notes', 'Notes', ['note', 'comment', 'comments', 'remarks']),
  field('owner_email', 'Owner (user email)', ['owner', 'owneremail', 'salesrep']),
];

const productFields: ImportField[] = [
  field('sku', 'SKU', ['stockcode', 'productcode', 'itemcode', 'code'], true),
  field('name', 'Name', ['productname', 'description', 'title', 'product'], true),
  field('category', 'Category', ['productcategory']),
  field('list_price', 'List price', ['price', 'unitprice', 'listprice']),
  field('unit_cost', 'Unit cost', ['cost']),
  field('value_added', 'Value-added item (yes/no)', ['valueadded', 'upsell']),
  field('launch_date', 'Launch date', ['launched', 'releasedate', 'launchdate']),
];

export const importFields: Record<ImportKind, ImportField[]> = {
  orders: orderFields,
  accounts: accountFields,
  products: productFields,
};

/** What the upload response lists: the fields without their aliases. */
export const publicFields = (kind: ImportKind) => importFields[kind].map(({ name, required, label }) => ({ name, required, label }));
