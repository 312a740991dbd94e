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

// The customer a row is about, in the files that reference customers (they must exist: these files never create accounts).
const customerAliases = ['customerid', 'customer', 'customerno', 'customernumber', 'accountid', 'clientid'];
const notesAliases = ['note', 'comment', 'comments', 'remarks'];

const ticketFields: ImportField[] = [
  field('external_id', 'Ticket number (external id)', ['ticketid', 'ticketno', 'ticketnumber', 'caseid', 'caseno', 'casenumber', 'issueid', 'id'], true),
  field('account', 'Customer (external id)', customerAliases, true),
  field('subject', 'Subject', ['title', 'summary', 'topic', 'issue'], true),
  field('kind', 'Kind (request / complaint / question / incident)', ['type', 'tickettype', 'casetype', 'category']),
  field('priority', 'Priority (low / normal / high / urgent)', ['urgency', 'severity']),
  field('status', 'Status (open / in progress / waiting / resolved / closed)', ['ticketstatus', 'state']),
  field('opened_at', 'Opened', ['opened', 'openedon', 'createdat', 'created', 'createddate', 'opendate', 'dateopened', 'reportedat', 'date'], true),
  field('resolved_at', 'Resolved', ['resolved', 'resolveddate', 'resolutiondate', 'solvedat']),
  field('closed_at', 'Closed', ['closed', 'closeddate', 'closedon']),
  field('sla_due_at', 'SLA due', ['sladue', 'duedate', 'dueat', 'due', 'deadline']),
  field('minutes_spent', 'Minutes spent', ['minutes', 'timespent', 'timespentminutes', 'durationminutes', 'effortminutes']),
  field('cost_spent', 'Cost', ['cost', 'servicecost', 'totalcost']),
  field('csat', 'CSAT (1–5)', ['satisfaction', 'csatscore', 'rating']),
  field('nps', 'NPS (0–10)', ['npsscore']),
  field('description', 'Description', ['details', 'body', 'message', 'text']),
  field('assignee', 'Assignee (user email)', ['assignedto', 'assigneeemail', 'agent', 'owner']),
];

const referralFields: ImportField[] = [
  field('referrer', 'Referring customer (external id)', ['referredby', 'referrerid', 'referrercustomerid', 'referringcustomer', 'introducer'], true),
  field('referred', 'Referred customer (external id)', ['referredcustomer', 'referredcustomerid', 'referredid', 'newcustomer', 'referee'], true),
  field('referred_at', 'Referral date', ['referraldate', 'referredon', 'date']),
  field('value', 'Value', ['referralvalue', 'worth', 'amount']),
  field('notes', 'Notes', notesAliases),
];

const suggestionFields: ImportField[] = [
  field('external_id', 'Suggestion id (external id)', ['suggestionid', 'ideaid', 'feedbackid', 'id'], true),
  field('account', 'Customer (external id)', customerAliases, true),
  field('product', 'Product SKU', ['sku', 'productsku', 'stockcode', 'productcode', 'itemcode', 'productid']),
  field('suggestion', 'Suggestion', ['idea', 'feedback', 'text', 'description'], true),
  field('status', 'Status (new / reviewed / adopted / rejected)', ['suggestionstatus', 'state']),
  field('suggested_at', 'Suggested on', ['suggested', 'suggestiondate', 'submittedat', 'createdat', 'created', 'date']),
  field('response', 'Response', ['reply', 'answer', 'companyresponse']),
  field('reviewed_at', 'Reviewed on', ['reviewed', 'revieweddate', 'reviewdate']),
];

const incomeFields: ImportField[] = [
  field('account', 'Customer (external id)', customerAliases, true),
  field('period_start', 'Period start (first day)', ['period', 'periodstart', 'startdate', 'from', 'date'], true),
  field('period_type', 'Period type (year / quarter / month)', ['periodtype', 'type', 'granularity', 'periodicity']),
  field('income', 'Income / revenue', ['revenue', 'turnover', 'annualrevenue', 'sales', 'amount'], true),
  field('source', 'Source', ['datasource', 'origin']),
  field('notes', 'Notes', notesAliases),
];

export const importFields: Record<ImportKind, ImportField[]> = {
  orders: orderFields,
  accounts: accountFields,
  products: productFields,
  tickets: ticketFields,
  referrals: referralFields,
  suggestions: suggestionFields,
  income: incomeFields,
};

/** The field whose first values suggest the file's date format (upload and validation); accounts have no date. */
export const sampleDateField: Partial<Record<ImportKind, string>> = {
  orders: 'date',
  products: 'launch_date',
  tickets: 'opened_at',
  referrals: 'referred_at',
  suggestions: 'suggested_at',
  income: 'period_start',
};

/** What the upload response lists: the fields without their aliases. */
export const publicFields = (kind: ImportKind) => importFields[kind].map(({ name, required, label }) => ({ name, required, label }));
